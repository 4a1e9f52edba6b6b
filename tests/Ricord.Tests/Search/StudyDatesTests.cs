using Ricord.Search;

namespace Ricord.Tests.Search;

public sealed class StudyDatesTests
{
    [Theory]
    [InlineData("20200301", "2020-03-01", "2020-03-01")]
    [InlineData("20200301-20200430", "2020-03-01", "2020-04-30")]
    [InlineData("-20200430", null, "2020-04-30")]
    [InlineData("20200301-", "2020-03-01", null)]
    [InlineData("2020-03-01", "2020-03-01", "2020-03-01")]
    [InlineData("2020-03-01..2020-04-30", "2020-03-01", "2020-04-30")]
    [InlineData("..2020-04-30", null, "2020-04-30")]
    [InlineData("2020-03-01..", "2020-03-01", null)]
    public void Dicom_and_iso_dates_and_ranges_give_the_same_range(string text, string? from, string? to)
    {
        var range = StudyDates.Parse(text);
        Assert.NotNull(range);
        Assert.Equal(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), range.From);
        Assert.Equal(to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), range.To);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("2020-04-30..2020-03-01")]
    [InlineData("2020-02-30")]
    [InlineData("2020-3-1..2020-04-30")]
    [InlineData("2020-03-01..20200430")]
    [InlineData("March 2020")]
    public void What_is_neither_form_or_runs_backwards_is_refused(string text) => Assert.Null(StudyDates.Parse(text));
}
