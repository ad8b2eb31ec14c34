using CivilAffairs.StaffConduct.Domain;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.StaffConduct.Tests.Domain;

public class BureauClockTests
{
    [Fact]
    public void The_bureau_day_turns_at_local_midnight_not_utc_midnight()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 15, 59, 0, TimeSpan.Zero));
        var clock = new BureauClock(time, BureauClock.ChinaStandardTime);
        Assert.Equal(new DateOnly(2026, 11, 2), clock.Today);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateOnly(2026, 11, 3), clock.Today);
    }
}
