using CivilAffairs.Feedback.Domain;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class SatisfactionFiguresTests
{
    [Fact]
    public void All_five_levels_are_listed_in_order_with_zeros()
    {
        var figures = new SatisfactionFigures([KeyValuePair.Create(RatingLevel.Dissatisfied, 2)]);

        Assert.Equal(RatingLevels.All, figures.Counts.Select(c => c.Key));
        Assert.Equal([0, 0, 0, 2, 0], figures.Counts.Select(c => c.Value));
    }

    [Fact]
    public void The_rate_counts_satisfied_and_very_satisfied_over_the_total()
    {
        var figures = new SatisfactionFigures(
        [
            KeyValuePair.Create(RatingLevel.VerySatisfied, 5),
            KeyValuePair.Create(RatingLevel.Satisfied, 3),
            KeyValuePair.Create(RatingLevel.BasicallySatisfied, 1),
            KeyValuePair.Create(RatingLevel.VeryDissatisfied, 1),
        ]);

        Assert.Equal(10, figures.Total);
        Assert.Equal(0.8, figures.SatisfactionRate, 10);
    }

    [Fact]
    public void Nobody_rated_means_a_rate_of_zero_not_a_division_by_zero()
    {
        Assert.Equal(0, SatisfactionFigures.Empty.Total);
        Assert.Equal(0, SatisfactionFigures.Empty.SatisfactionRate);
    }
}
