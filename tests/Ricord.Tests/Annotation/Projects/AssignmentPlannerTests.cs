using Ricord.Annotation.Projects;
using Ricord.Catalog;

namespace Ricord.Tests.Annotation.Projects;

public sealed class AssignmentPlannerTests
{
    private static readonly (long, string)[] Studies = Enumerable.Range(1, 10).Select(i => ((long)i, $"1.2.{i:D2}")).ToArray();

    [Fact]
    public void FreshPlanIsBalancedAndIgnoresInputOrder()
    {
        (long, string)[] readers = [(11, "a"), (12, "b"), (13, "c"), (14, "d"), (15, "e")];
        var plan = AssignmentPlanner.Plan(Studies, readers, [], 3);
        Assert.Equal(30, plan.Add.Count);
        Assert.All(plan.Add.GroupBy(a => a.StudyId), g => Assert.Equal(3, g.Select(x => x.UserId).Distinct().Count()));
        Assert.All(plan.Add.GroupBy(a => a.UserId), g => Assert.Equal(6, g.Count()));

        var shuffled = AssignmentPlanner.Plan(Studies.Reverse().ToArray(), readers.Reverse().ToArray(), [], 3);
        Assert.Equal(plan.Add.Order(), shuffled.Add.Order());
    }

    [Fact]
    public void FewerReadersThanWantedGivesEveryReaderEveryStudy()
    {
        var plan = AssignmentPlanner.Plan(Studies, [(11, "a"), (12, "b")], [], 3);
        Assert.Equal(20, plan.Add.Count);
    }

    [Fact]
    public void LeavingReaderKeepsStartedReadsAndHandsOverTheRest()
    {
        (long, string)[] readers = [(11, "a"), (12, "b"), (13, "c")];
        var first = AssignmentPlanner.Plan(Studies, readers, [], 2);
        long id = 100;
        var reads = first.Add.Select(a => new PlannedRead(id++, a.StudyId, a.UserId,
            a.UserId == 13 && a.StudyId <= 3 ? ReadState.Submitted : ReadState.Assigned)).ToList();
        var c = reads.Where(r => r.UserId == 13).ToList();

        var plan = AssignmentPlanner.Plan(Studies, readers[..2], reads, 2);
        var movedOrDeleted = plan.Move.Select(m => m.ReadId).Concat(plan.Delete).ToHashSet();
        Assert.All(c.Where(r => r.State == ReadState.Submitted), r => Assert.DoesNotContain(r.Id, movedOrDeleted));
        Assert.All(c.Where(r => r.State == ReadState.Assigned), r => Assert.Contains(r.Id, movedOrDeleted));
        Assert.DoesNotContain(plan.Add, a => a.UserId == 13);
        Assert.DoesNotContain(plan.Move, m => m.UserId == 13);
    }

    [Fact]
    public void JoiningReaderTakesOnlyUnstartedReads()
    {
        (long, string)[] readers = [(11, "a"), (12, "b")];
        long id = 100;
        var reads = AssignmentPlanner.Plan(Studies, readers, [], 2).Add
            .Select(a => new PlannedRead(id++, a.StudyId, a.UserId, a.StudyId % 2 == 0 ? ReadState.InProgress : ReadState.Assigned)).ToList();
        var plan = AssignmentPlanner.Plan(Studies, [.. readers, (13, "c")], reads, 2);
        Assert.Empty(plan.Add);
        Assert.Empty(plan.Delete);
        Assert.All(plan.Move, m => Assert.Equal(ReadState.Assigned, reads.Single(r => r.Id == m.ReadId).State));
        Assert.Equal(5, plan.Move.Count); // c can take one read of each of the 5 studies with unstarted reads, no more
        Assert.All(plan.Move, m => Assert.Equal(13, m.UserId));
    }
}
