using Ricord.Clinical;
using Ricord.Deid;

namespace Ricord.Tests.Clinical;

public sealed class ClinicalDatesTests
{
    [Theory]
    [InlineData(new[] { "04/13/2020", "04/02/2020" }, "M/d/yyyy")]
    [InlineData(new[] { "13/04/2020", "02/04/2020" }, "d/M/yyyy")]
    [InlineData(new[] { "28.02.2020", "03.03.2020" }, "d.M.yyyy")]
    [InlineData(new[] { "2020-07-08" }, "yyyy-M-d")]
    [InlineData(new[] { "01/01/2020", "02/02/2020" }, "M/d/yyyy")]
    [InlineData(new[] { "14-Mar-2020", "2-Apr-2020" }, "d-MMM-yyyy")]
    [InlineData(new[] { "3/14/20", "12/1/20" }, "M/d/yy")]
    public void The_day_month_order_is_the_one_that_reads_every_date(string[] dates, string format) =>
        Assert.Equal(format, ClinicalDates.Detect(dates).Format);

    [Fact]
    public void Two_orders_that_read_every_date_differently_refuse_the_file()
    {
        var ex = Assert.Throws<ClinicalDataException>(() => ClinicalDates.Detect(["05/03/2020", "06/03/2020"]));
        Assert.Contains("--date-format", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("05/03", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_shift_by_whole_days_and_times_like_dicom_times()
    {
        var dates = ClinicalDates.WithFormat("dd.MM.yyyy");
        Assert.Equal("2019-12-30", dates.Shift("04.01.2020", -5));
        Assert.Equal("2019-12-30", dates.Shift("2020-01-04", -5));
        Assert.Null(dates.Shift("13.13.2020", -5));
        Assert.Null(dates.Shift("soon", -5));
        Assert.Equal("1949-12-31", ClinicalDates.WithFormat("M/d/yy").Shift("1/1/50", -1));
        Assert.Equal("2049-12-30", ClinicalDates.WithFormat("M/d/yy").Shift("12/31/49", -1));

        int days = -1000;
        string dicomTime = DateShifter.ShiftTime("140500", DateShifter.TimeOffsetSeconds(days))!;
        string expected = $"{dicomTime[..2]}:{dicomTime[2..4]}:{dicomTime[4..6]}";
        Assert.Equal(expected, dates.Shift("14:05:00", days));
        Assert.Equal(expected[..5], dates.Shift("14:05", days));
        string dicomDateTime = DateShifter.ShiftDateTime("20200104140500", days)!;
        Assert.Equal($"{dicomDateTime[..4]}-{dicomDateTime[4..6]}-{dicomDateTime[6..8]}T{expected}", dates.Shift("04.01.2020 14:05:00", days));
    }
}
