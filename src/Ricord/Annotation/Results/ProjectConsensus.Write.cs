using System.Globalization;
using System.Text.Json;
using Ricord.Annotation.Agreement;
using Ricord.Annotation.Consensus;

namespace Ricord.Annotation.Results;

public sealed partial record ProjectConsensus
{
    private static readonly string[] CsvHeader = ["study", "group", "status", "label", "votes", "reads", "required_reads", "conflicts", "adjudicated", "patient"];

    /// <summary>
    /// One row per study × group entry (a multiple-choice group has one per label chosen): status, consensus label,
    /// votes as <c>label:count</c> joined by <c>;</c> (most first), reader reads, conflicts and whether an
    /// adjudication took part, and the study's PatientID as the catalog has it (published or pseudonym). An incomplete study is one row with status <c>incomplete</c> and its submitted reads.
    /// </summary>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        AgreementReport.WriteCsvLine(writer, CsvHeader);
        foreach (var s in Studies)
        {
            string required = Int(s.RequiredReads);
            if (s.Consensus is null)
            {
                AgreementReport.WriteCsvLine(writer, [s.StudyInstanceUid, "", "incomplete", "", "", Int(s.Readers.Count), required, "", "false", s.PatientId ?? ""]);
                continue;
            }

            foreach (var g in s.Consensus.Groups)
            {
                AgreementReport.WriteCsvLine(writer, [s.StudyInstanceUid, g.Group, StatusName(g.Status), g.Label ?? "", Votes(g),
                    Int(g.Reads), required, Int(g.Conflicts), s.Consensus.Adjudicated ? "true" : "false", s.PatientId ?? ""]);
            }
        }
    }

    /// <summary>The whole result as indented UTF-8 JSON: project, schema, per-group summary, and every study with its groups.</summary>
    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("project", Project);
        w.WriteString("schema", SchemaName);
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteNumber("blindedStudies", BlindedStudies);
        w.WriteString("requiredReadsRule", RequiredReadsRule);
        w.WriteStartArray("summary");
        foreach (var g in Summary())
        {
            w.WriteStartObject();
            w.WriteString("group", g.Group);
            foreach (var status in Enum.GetValues<ConsensusStatus>())
            {
                w.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(status.ToString()), g[status]);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("studies");
        foreach (var s in Studies)
        {
            w.WriteStartObject();
            w.WriteString("study", s.StudyInstanceUid);
            w.WriteString("patient", s.PatientId);
            w.WriteBoolean("complete", s.IsComplete);
            w.WriteNumber("requiredReads", s.RequiredReads);
            w.WriteStartArray("readers");
            foreach (var r in s.Readers)
            {
                w.WriteStringValue(r);
            }

            w.WriteEndArray();
            if (s.Adjudicator is not null)
            {
                w.WriteString("adjudicator", s.Adjudicator);
            }

            w.WriteStartArray("groups");
            foreach (var g in s.Consensus?.Groups ?? [])
            {
                w.WriteStartObject();
                w.WriteString("group", g.Group);
                w.WriteString("status", StatusName(g.Status));
                w.WriteString("label", g.Label);
                w.WriteStartArray("votes");
                foreach (var v in g.Votes)
                {
                    w.WriteStartObject();
                    w.WriteString("label", v.Label);
                    w.WriteNumber("count", v.Count);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteNumber("reads", g.Reads);
                w.WriteNumber("conflicts", g.Conflicts);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Votes as <c>label:count;label:count</c>, most first.</summary>
    public static string Votes(GroupConsensus group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return string.Join(";", group.Votes.Select(v => $"{v.Label}:{Int(v.Count)}"));
    }

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
}
