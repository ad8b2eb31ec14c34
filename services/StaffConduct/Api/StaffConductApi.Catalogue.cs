using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Api;

/// <summary>The service standards catalogue (issue 12): publication by administrators, public reads, reported times.</summary>
public sealed partial class StaffConductApi
{
    public override async Task<ServiceItem> PublishServiceItem(PublishServiceItemRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var c = request.Content ?? new V1.ServiceItemContent();
        var publication = new ServiceCatalogueDesk.Publication(request.ItemId, window, request.OfficeId, request.EffectiveFrom,
            request.PublishedBy, request.ExpectedVersion,
            v => Domain.Catalogue.ServiceItemContent.Create(c.Name, c.ServedParty, c.Content, c.LegalBasis, c.Process, c.Requirements,
                c.Assessment, c.Supervision, c.Documents,
                c.TimeLimit is null ? null : new Domain.Catalogue.TimeLimit(c.TimeLimit.Value, (Domain.Catalogue.TimeLimitUnit)(int)c.TimeLimit.Unit),
                c.FeeYuan, c.ResponsiblePost, v));
        var published = await catalogue.PublishAsync(publication, context.CancellationToken);
        return published.ToContract(null);
    }

    public override async Task<ServiceItem> GetServiceItem(GetServiceItemRequest request, ServerCallContext context)
    {
        var entry = await catalogue.GetAsync(request.ItemId, request.OnDate, context.CancellationToken);
        WindowTelemetry.Set(entry.Item.Window);
        return PublicAnswer.Masked(entry.ToContract());
    }

    public override async Task<ServiceItemVersions> ListServiceItemVersions(ListServiceItemVersionsRequest request, ServerCallContext context)
    {
        var versions = await catalogue.VersionsAsync(request.ItemId, context.CancellationToken);
        WindowTelemetry.Set(versions[0].Window);
        var response = new ServiceItemVersions();
        response.Versions.AddRange(versions.Select(v => v.ToContract(null)));
        return PublicAnswer.Masked(response);
    }

    public override async Task<ServiceCatalogue> ListServiceItems(ListServiceItemsRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var (day, items) = await catalogue.ListAsync(window, request.OfficeId, request.OnDate, context.CancellationToken);
        return CatalogueOf(day, items);
    }

    public override async Task<ServiceCatalogue> SearchServiceItems(SearchServiceItemsRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var (day, items) = await catalogue.SearchAsync(request.Keyword, window, context.CancellationToken);
        return CatalogueOf(day, items);
    }

    public override async Task<ServiceTimeReport> ReportServiceTime(ReportServiceTimeRequest request, ServerCallContext context)
    {
        var record = await catalogue.ReportTimeAsync(request.ItemId, request.EventId, request.CompletedOn, request.Elapsed, context.CancellationToken);
        return new ServiceTimeReport
        {
            ItemId = record.ItemId,
            EventId = record.EventId,
            CompletedOn = Dates.Format(record.CompletedOn),
            Elapsed = record.Elapsed,
            Promised = record.Promised.ToContract(),
            WithinPromise = record.WithinPromise,
        };
    }

    private static ServiceCatalogue CatalogueOf(DateOnly day, IEnumerable<CatalogueEntry> entries)
    {
        var response = new ServiceCatalogue { OnDate = Dates.Format(day) };
        response.Items.AddRange(entries.Select(e => e.ToContract()));
        return PublicAnswer.Masked(response);
    }
}
