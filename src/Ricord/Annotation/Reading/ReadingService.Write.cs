using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Reads;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

public sealed partial class ReadingService
{
    private async Task<ReadView> WriteAsync(ReadingActor actor, long readId, int expectedVersion, ReadContent content, bool submit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var validator = _options.Validator ?? throw new ReadingException("No read validator is configured (ReadingOptions.Validator).");
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var user = await ReadingData.ActorAsync(db, actor, ct).ConfigureAwait(false);
            var read = await FindAsync(db, readId, tracking: true, ct).ConfigureAwait(false);
            if (!IsOwn(read, user, actor))
            {
                throw new ReadingAccessException($"Read {readId} is not {actor.User}'s {actor.Role} read; only its author changes it.");
            }

            if (read.State == ReadState.Submitted)
            {
                throw new ReadingException($"Read {readId} is submitted and locked; an adjudicator or curator can reopen it.");
            }

            CheckVersion(read, expectedVersion);
            var project = await db.ReadingProjects.FirstAsync(p => p.Id == read.ProjectId, ct).ConfigureAwait(false);
            var schema = await ReadingData.SchemaAsync(db, project, ct).ConfigureAwait(false);
            var errors = validator.Validate(schema, content, submit).Concat(await UnknownInstancesAsync(db, read.StudyId, content, ct).ConfigureAwait(false)).ToList();
            if (errors.Count > 0)
            {
                throw new ReadValidationException($"Read {readId} does not match schema {schema.Name} v{schema.Version}", errors);
            }

            var payload = ReadStorage.Encode(content.Shapes);
            if (payload is not null)
            {
                await ReadStorage.StoreAsync(db, payload, ct).ConfigureAwait(false);
            }

            read.LabelsJson = ReadStorage.LabelsToJson(content.Labels);
            read.ShapesHash = payload?.Hash;
            read.State = submit ? ReadState.Submitted : ReadState.InProgress;
            read.SubmittedAt = submit ? DateTime.UtcNow : null;
            Touch(db, read, actor.User);
            if (submit)
            {
                ReadingData.Audit(db, actor.User, "read-submit", $"read {read.Id}", $"project {project.Name}, {read.Role} read, version {read.Version}");
            }

            await SaveAsync(db, read, ct).ConfigureAwait(false);
            return (await ViewsAsync(db, [read], ct).ConfigureAwait(false))[0];
        }
    }
}
