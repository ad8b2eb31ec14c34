using System.Text.RegularExpressions;

namespace CivilAffairs.StaffConduct.Domain.Catalogue;

/// <summary>Publishes the service standards of each window, answers the public, and measures the promised time limits.</summary>
public sealed partial class ServiceCatalogueDesk(IServiceCatalogue catalogue, IServiceTimeLedger times, BureauClock clock)
{
    public sealed record Publication(string? ItemId, Window Window, string? OfficeId, string? EffectiveFrom, string? PublishedBy,
        int ExpectedVersion, Func<Validator, ServiceItemContent> Content);

    public async Task<ServiceItemVersion> PublishAsync(Publication publication, CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var id = Text.Clean(publication.ItemId);
        v.Require(ItemIdPattern().IsMatch(id), "item_id", "must be 1 to 32 letters, digits or '-', e.g. MR-01");
        v.Require(publication.Window.IsDefined(), "window", "must be one of the ten window types");
        var office = Text.Optional(publication.OfficeId, "office_id", 64, v);
        var content = publication.Content(v);
        var from = string.IsNullOrWhiteSpace(publication.EffectiveFrom) ? clock.Today : Text.Date(publication.EffectiveFrom, "effective_from", v);
        if (from != default) v.Require(from >= clock.Today, "effective_from", "must be today or later: what was published before is never rewritten");
        var by = Text.Require(publication.PublishedBy, "published_by", StaffProfile.MaxNameLength, v);
        v.Require(publication.ExpectedVersion >= 0, "expected_version", "must not be negative");
        v.ThrowIfInvalid();

        var versions = await catalogue.VersionsAsync(id, cancellationToken);
        var latest = versions.Count == 0 ? null : versions[^1];
        var version = new ServiceItemVersion(id, publication.Window, office, publication.ExpectedVersion + 1, from, content, clock.Now, by);
        if (latest is not null && latest.Version == version.Version && IsRepeat(latest, version)) return latest;
        if ((latest?.Version ?? 0) != publication.ExpectedVersion)
            throw new RuleViolated("stale-version", latest is null
                ? $"item {id} does not exist yet; publish it with expected_version 0"
                : $"item {id} is at version {latest.Version}; read it again and publish from that version");
        if (latest is not null)
        {
            if (latest.Window != publication.Window || latest.OfficeId != office)
                throw new ValidationFailed(latest.Window != publication.Window ? "window" : "office_id",
                    "an item stays with the window and office it was first published for; publish a new item instead");
            if (from < latest.EffectiveFrom)
                throw new ValidationFailed("effective_from", $"must not be before the latest version's ({Dates.Format(latest.EffectiveFrom)})");
        }
        if (!await catalogue.AddVersionAsync(version, cancellationToken))
            throw new RuleViolated("stale-version", $"item {id} was published by someone else meanwhile; read it again");
        return version;
    }

    public async Task<CatalogueEntry> GetAsync(string? itemId, string? onDate, CancellationToken cancellationToken = default)
    {
        var id = Text.RequireId(itemId, "item_id");
        var day = string.IsNullOrWhiteSpace(onDate) ? clock.Today : Dates.ParseDate(onDate, "on_date");
        var versions = await catalogue.VersionsAsync(id, cancellationToken);
        if (versions.Count == 0) throw new NotFound("service item", id);
        var item = ServiceItemVersion.InForce(versions, day)
            ?? throw new NotFound("service item", $"{id} on {Dates.Format(day)} (first in force on {Dates.Format(versions.Min(x => x.EffectiveFrom))})");
        return (await WithThisMonthAsync([item], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<ServiceItemVersion>> VersionsAsync(string? itemId, CancellationToken cancellationToken = default)
    {
        var id = Text.RequireId(itemId, "item_id");
        var versions = await catalogue.VersionsAsync(id, cancellationToken);
        return versions.Count > 0 ? versions : throw new NotFound("service item", id);
    }

    /// <summary>A window's items in force on a day: this office's and the county-wide ones.</summary>
    public async Task<(DateOnly Day, IReadOnlyList<CatalogueEntry> Items)> ListAsync(Window window, string? officeId, string? onDate,
        CancellationToken cancellationToken = default)
    {
        if (!window.IsDefined()) throw new ValidationFailed("window", "must be one of the ten window types");
        var day = string.IsNullOrWhiteSpace(onDate) ? clock.Today : Dates.ParseDate(onDate, "on_date");
        var office = Text.Clean(officeId);
        var items = InForce(await catalogue.ListAsync(window, cancellationToken), day)
            .Where(i => office.Length == 0 || i.OfficeId.Length == 0 || i.OfficeId == office).ToList();
        return (day, await WithThisMonthAsync(items, cancellationToken));
    }

    /// <summary>Items in force today that mention the keyword (a word of the Chinese name is enough).</summary>
    public async Task<(DateOnly Day, IReadOnlyList<CatalogueEntry> Items)> SearchAsync(string? keyword, Window window,
        CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var word = Text.Require(keyword, "keyword", 50, v);
        v.Require(window == Window.Unspecified || window.IsDefined(), "window", "must be one of the ten window types, or unset for all");
        v.ThrowIfInvalid();
        var day = clock.Today;
        var all = await catalogue.ListAsync(window == Window.Unspecified ? null : window, cancellationToken);
        return (day, await WithThisMonthAsync(InForce(all, day).Where(i => i.Content.Mentions(word)).ToList(), cancellationToken));
    }

    public async Task<ServiceTimeRecord> ReportTimeAsync(string? itemId, string? eventId, string? completedOn, int elapsed,
        CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var id = Text.RequireId(itemId, "item_id", v);
        var eventKey = Text.Require(eventId, "event_id", 128, v);
        var day = Text.Date(completedOn, "completed_on", v);
        if (day != default) v.Require(day <= clock.Today, "completed_on", "must not be in the future");
        v.Require(elapsed >= 0, "elapsed", "must be 0 or more, in the unit of the item's time limit");
        v.ThrowIfInvalid();

        var versions = await catalogue.VersionsAsync(id, cancellationToken);
        if (versions.Count == 0) throw new NotFound("service item", id);
        var promise = ServiceItemVersion.InForce(versions, day)?.Content.TimeLimit
            ?? throw new RuleViolated("item-not-in-force", $"item {id} was not in force on {Dates.Format(day)}");
        var record = new ServiceTimeRecord(eventKey, id, day, elapsed, promise, clock.Now);
        // The promise is the one in force when the first report came: a later edit of the item does not make a repeat "other content".
        return await ReportedOnce.RecordAsync(record,
            () => times.FindByEventIdAsync(eventKey, cancellationToken),
            () => times.AddAsync(record, cancellationToken),
            (stored, asked) => stored with { ReceivedAt = asked.ReceivedAt, Promised = asked.Promised } == asked,
            "event_id");
    }

    /// <summary>Each item with this month's cases and how many were done within the promise (the catalogue shows both).</summary>
    private async Task<IReadOnlyList<CatalogueEntry>> WithThisMonthAsync(IReadOnlyList<ServiceItemVersion> items, CancellationToken cancellationToken)
    {
        var month = Month.Of(clock.Today);
        var entries = new List<CatalogueEntry>();
        foreach (var item in items)
        {
            var (cases, within) = await times.MonthAsync(item.ItemId, month, cancellationToken);
            entries.Add(new CatalogueEntry(item, month, cases, within));
        }
        return entries;
    }

    private static bool IsRepeat(ServiceItemVersion stored, ServiceItemVersion asked) =>
        stored.Window == asked.Window && stored.OfficeId == asked.OfficeId && stored.EffectiveFrom == asked.EffectiveFrom &&
        stored.PublishedBy == asked.PublishedBy && stored.Content.SameAs(asked.Content);

    private static IEnumerable<ServiceItemVersion> InForce(IEnumerable<ServiceItemVersion> versions, DateOnly day) =>
        versions.GroupBy(v => v.ItemId).Select(g => ServiceItemVersion.InForce(g, day)).OfType<ServiceItemVersion>().OrderBy(i => i.ItemId, StringComparer.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex ItemIdPattern();
}

/// <summary>An item as the public reads it: the version in force and this month's record against its promise.</summary>
public sealed record CatalogueEntry(ServiceItemVersion Item, Month Month, int Cases, int WithinPromise)
{
    public double Share => Cases == 0 ? 0 : (double)WithinPromise / Cases;
}
