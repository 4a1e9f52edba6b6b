using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>
/// Balanced, deterministic assignment of reader reads. Studies are taken in StudyInstanceUID order and readers in
/// name order, so the same project, readers and reads give the same plan. Each study gets
/// min(readers per study, readers available) reads; an empty slot goes to the least-loaded active reader not yet on
/// the study (load = all of a reader's reads in the project, submitted ones included). Then unstarted reads move
/// from the most- to the least-loaded reader until no two active readers differ by more than one (where a move
/// is possible). Only <see cref="ReadState.Assigned"/> reads ever move or go; started and submitted reads stay.
/// </summary>
internal static class AssignmentPlanner
{
    public static AssignmentPlan Plan(
        IReadOnlyList<(long StudyId, string Uid)> studies,
        IReadOnlyList<(long UserId, string Name)> activeReaders,
        IReadOnlyList<PlannedRead> readerReads,
        int readersPerStudy)
    {
        var studyOrder = studies.OrderBy(s => s.Uid, StringComparer.Ordinal).Select(s => s.StudyId).ToList();
        var readers = activeReaders.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => r.UserId).ToList();
        var active = readers.ToHashSet();
        var slots = studyOrder.ToDictionary(s => s, _ => new List<Slot>());
        foreach (var r in readerReads)
        {
            if (slots.TryGetValue(r.StudyId, out var list))
            {
                list.Add(new Slot(r.Id, r.UserId, r.State) { Free = r.State == ReadState.Assigned && !active.Contains(r.UserId) });
            }
        }

        var load = readers.ToDictionary(u => u, u => slots.Values.Sum(l => l.Count(s => !s.Free && s.UserId == u)));
        foreach (var study in studyOrder)
        {
            Fill(slots[study], readers, load, readersPerStudy);
        }

        Rebalance(studyOrder, slots, readers, load);

        var all = slots.Values.SelectMany(s => s).ToList();
        return new AssignmentPlan(
            all.Where(s => s.Free && s.ReadId is not null).Select(s => s.ReadId!.Value).ToList(),
            all.Where(s => !s.Free && s.ReadId is not null && s.UserId != s.OriginalUserId).Select(s => (s.ReadId!.Value, s.UserId)).ToList(),
            studyOrder.SelectMany(st => slots[st].Where(s => !s.Free && s.ReadId is null).Select(s => (st, s.UserId))).ToList());
    }

    private static void Fill(List<Slot> study, List<long> readers, Dictionary<long, int> load, int readersPerStudy)
    {
        var onStudy = study.Where(s => !s.Free).Select(s => s.UserId).ToHashSet();
        int wanted = Math.Min(readersPerStudy, onStudy.Union(readers).Count());
        while (onStudy.Count < wanted)
        {
            long next = readers.Where(u => !onStudy.Contains(u)).OrderBy(u => load[u]).First();
            var free = study.FirstOrDefault(s => s.Free);
            if (free is not null)
            {
                free.UserId = next;
                free.Free = false;
            }
            else
            {
                study.Add(new Slot(null, next, ReadState.Assigned));
            }

            onStudy.Add(next);
            load[next]++;
        }
    }

    private static void Rebalance(List<long> studyOrder, Dictionary<long, List<Slot>> slots, List<long> readers, Dictionary<long, int> load)
    {
        bool moved = true;
        while (moved)
        {
            moved = false;
            var byLoad = readers.OrderBy(u => load[u]).ToList();
            for (int hi = byLoad.Count - 1; hi > 0 && !moved; hi--)
            {
                for (int lo = 0; lo < hi && !moved; lo++)
                {
                    long from = byLoad[hi], to = byLoad[lo];
                    if (load[from] - load[to] <= 1)
                    {
                        break;
                    }

                    foreach (var study in studyOrder)
                    {
                        var list = slots[study];
                        var slot = list.FirstOrDefault(s => !s.Free && s.UserId == from && s.State == ReadState.Assigned);
                        if (slot is not null && !list.Any(s => !s.Free && s.UserId == to))
                        {
                            slot.UserId = to;
                            load[from]--;
                            load[to]++;
                            moved = true;
                            break;
                        }
                    }
                }
            }
        }
    }

    private sealed class Slot(long? readId, long userId, ReadState state)
    {
        public long? ReadId { get; } = readId;
        public long OriginalUserId { get; } = userId;
        public long UserId { get; set; } = userId;
        public ReadState State { get; } = state;
        public bool Free { get; set; }
    }
}
