using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.SharedKernel;
using Grpc.Core;

namespace CivilAffairs.Feedback.Api;

/// <summary>The suggestion box: drop, read, reply, moderate.</summary>
public sealed partial class FeedbackApi
{
    public override async Task<V1.Suggestion> DropSuggestion(V1.DropSuggestionRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var suggestion = await suggestionBox.DropAsync(new DropSuggestionCommand(
            window, request.Category, request.Text, request.Anonymous, request.Name, request.Phone), context.CancellationToken);
        return suggestion.ToContract(PublicReaders.IsPublic(context));
    }

    public override async Task<V1.Suggestion> GetSuggestion(V1.GetSuggestionRequest request, ServerCallContext context)
    {
        var suggestion = await suggestionBox.GetAsync(request.SuggestionId, context.CancellationToken);
        WindowTelemetry.Set(suggestion.Window);
        return suggestion.ToContract(PublicReaders.IsPublic(context));
    }

    public override async Task<V1.SuggestionList> ListSuggestions(V1.ListSuggestionsRequest request, ServerCallContext context)
    {
        var window = request.Window.RequireWindow("window");
        WindowTelemetry.Set(window);
        var (page, next) = await suggestionBox.ListAsync(window, request.Page?.PageSize ?? 0, request.Page?.PageToken, request.Category,
            context.CancellationToken);
        return new V1.SuggestionList
        {
            Suggestions = { page.Select(s => s.ToContract(PublicReaders.IsPublic(context))) },
            Page = new Common.V1.PageInfo { NextPageToken = next ?? "" },
        };
    }

    public override async Task<V1.Suggestion> ReplyToSuggestion(V1.ReplyToSuggestionRequest request, ServerCallContext context)
    {
        var suggestion = await suggestionBox.ReplyAsync(request.SuggestionId, request.Text, request.RepliedBy, context.CancellationToken);
        WindowTelemetry.Set(suggestion.Window);
        return suggestion.ToContract(PublicReaders.IsPublic(context));
    }

    public override async Task<V1.Suggestion> HideSuggestion(V1.HideSuggestionRequest request, ServerCallContext context)
    {
        var suggestion = await suggestionBox.HideAsync(request.SuggestionId, request.Reason, request.ModeratedBy, context.CancellationToken);
        WindowTelemetry.Set(suggestion.Window);
        return suggestion.ToContract(PublicReaders.IsPublic(context));
    }
}
