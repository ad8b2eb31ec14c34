using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using CivilAffairs.StaffConduct.V1;

namespace CivilAffairs.StaffConduct.Api;

/// <summary>Catalogue records to contract messages.</summary>
internal static class CatalogueMapping
{
    public static ServiceItem ToContract(this ServiceItemVersion v, ServiceItemMonth? month)
    {
        var c = v.Content;
        var content = new V1.ServiceItemContent
        {
            Name = c.Name,
            ServedParty = c.ServedParty,
            Content = c.Content,
            Assessment = c.Assessment,
            Supervision = c.Supervision,
            TimeLimit = c.TimeLimit.ToContract(),
            FeeYuan = c.FeeYuan,
            ResponsiblePost = c.ResponsiblePost,
        };
        content.LegalBasis.AddRange(c.LegalBasis);
        content.Process.AddRange(c.Process);
        content.Requirements.AddRange(c.Requirements);
        content.Documents.AddRange(c.Documents);
        return new ServiceItem
        {
            ItemId = v.ItemId,
            Window = v.Window.ToContract(),
            OfficeId = v.OfficeId,
            Version = v.Version,
            EffectiveFrom = Dates.Format(v.EffectiveFrom),
            Content = content,
            PublishedAt = v.PublishedAt.ToTimestamp(),
            PublishedBy = v.PublishedBy,
            ThisMonth = month,
        };
    }

    public static ServiceItem ToContract(this CatalogueEntry entry) => entry.Item.ToContract(new ServiceItemMonth
    {
        Month = entry.Month.ToString(), Cases = entry.Cases, WithinPromise = entry.WithinPromise, Share = entry.Share,
    });

    public static V1.TimeLimit ToContract(this Domain.Catalogue.TimeLimit limit) =>
        new() { Value = limit.Value, Unit = (V1.TimeLimitUnit)(int)limit.Unit };
}
