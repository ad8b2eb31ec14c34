using System.Text.RegularExpressions;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Dropping suggestions in a window's box, named or anonymous.</summary>
public sealed partial class SuggestionBox(ISuggestionStore store, OfficeClock clock)
{
    public const int MaxCategoryLength = 30;
    public const int MaxTextLength = 2000;
    public const int MaxNameLength = 50;

    public async Task<Suggestion> DropAsync(DropSuggestionCommand command, CancellationToken cancellationToken = default)
    {
        Validate(command);
        return await IdempotentCreation.CreateAsync(command.IdempotencyKey, command.Fingerprint(), "suggestion",
            key => store.FindByIdempotencyKeyAsync(key, cancellationToken),
            idempotency => new Suggestion(
                Id: "s-" + Guid.CreateVersion7().ToString("N"),
                Window: command.Window,
                Category: command.Category!.Trim(),
                Text: command.Text!.Trim(),
                // Anonymous means anonymous: whatever name or phone came along is dropped here, before anything keeps it.
                Suggester: command.Anonymous ? null : new Suggester(command.Name!.Trim(), TextRules.Clean(command.Phone)),
                SubmittedAt: clock.Now,
                Idempotency: idempotency),
            suggestion => store.AddAsync(suggestion, cancellationToken),
            _ => new InvalidOperationException("a new suggestion clashed with an existing one"));
    }

    private static void Validate(DropSuggestionCommand command)
    {
        var validator = new Validator()
            .Require(command.Window.IsDefined(), "window", "must be one of the ten window types")
            .RequireText(command.Category, "category", MaxCategoryLength)
            .RequireText(command.Text, "text", MaxTextLength);
        if (!command.Anonymous)
        {
            validator.RequireText(command.Name, "name", MaxNameLength);
            if (TextRules.Clean(command.Phone) is { } phone && !PhonePattern().IsMatch(phone))
                validator.Add("phone", "must be a phone number: digits, optionally with +, - or spaces (7 to 20 digits)");
        }
        validator.ThrowIfInvalid();
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,22}[0-9]$")]
    private static partial Regex PhonePattern();
}
