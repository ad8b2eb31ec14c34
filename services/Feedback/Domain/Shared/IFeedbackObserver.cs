namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// Told of what really happened, once: a new rating, a new case step (a replayed retry tells nothing). Metrics
/// listen here, so they count events rather than calls.
/// </summary>
public interface IFeedbackObserver
{
    void Rated(Rating rating);

    void Stepped(RectificationCase rectification, CaseStep step);

    public static IFeedbackObserver None { get; } = new Nobody();

    private sealed class Nobody : IFeedbackObserver
    {
        public void Rated(Rating rating) { }

        public void Stepped(RectificationCase rectification, CaseStep step) { }
    }
}
