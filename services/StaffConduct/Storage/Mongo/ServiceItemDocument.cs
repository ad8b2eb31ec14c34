using CivilAffairs.StaffConduct.Domain.Catalogue;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>One version of a service item in the <c>catalogue_versions</c> collection (unique by item and version).</summary>
internal sealed class ServiceItemDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("item_id")] public string ItemId { get; set; } = "";
    [BsonElement("version")] public int Version { get; set; }
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("office_id")] public string OfficeId { get; set; } = "";
    [BsonElement("effective_from")] public string EffectiveFrom { get; set; } = "";
    [BsonElement("content")] public ContentDocument Content { get; set; } = new();
    [BsonElement("published_at")] public DateTime PublishedAt { get; set; }
    [BsonElement("published_by")] public string PublishedBy { get; set; } = "";

    internal sealed class ContentDocument
    {
        [BsonElement("name")] public string Name { get; set; } = "";
        [BsonElement("served_party")] public string ServedParty { get; set; } = "";
        [BsonElement("content")] public string Content { get; set; } = "";
        [BsonElement("legal_basis")] public List<string> LegalBasis { get; set; } = [];
        [BsonElement("process")] public List<string> Process { get; set; } = [];
        [BsonElement("requirements")] public List<string> Requirements { get; set; } = [];
        [BsonElement("assessment")] public string Assessment { get; set; } = "";
        [BsonElement("supervision")] public string Supervision { get; set; } = "";
        [BsonElement("documents")] public List<string> Documents { get; set; } = [];
        [BsonElement("time_limit_value")] public int TimeLimitValue { get; set; }
        [BsonElement("time_limit_unit")] public int TimeLimitUnit { get; set; }
        [BsonElement("fee_yuan")] public double FeeYuan { get; set; }
        [BsonElement("responsible_post")] public string ResponsiblePost { get; set; } = "";
    }

    public static ServiceItemDocument From(ServiceItemVersion v) => new()
    {
        Id = $"{v.ItemId}@{v.Version}",
        ItemId = v.ItemId,
        Version = v.Version,
        Window = (int)v.Window,
        OfficeId = v.OfficeId,
        EffectiveFrom = Dates.Format(v.EffectiveFrom),
        Content = new ContentDocument
        {
            Name = v.Content.Name,
            ServedParty = v.Content.ServedParty,
            Content = v.Content.Content,
            LegalBasis = [.. v.Content.LegalBasis],
            Process = [.. v.Content.Process],
            Requirements = [.. v.Content.Requirements],
            Assessment = v.Content.Assessment,
            Supervision = v.Content.Supervision,
            Documents = [.. v.Content.Documents],
            TimeLimitValue = v.Content.TimeLimit.Value,
            TimeLimitUnit = (int)v.Content.TimeLimit.Unit,
            FeeYuan = v.Content.FeeYuan,
            ResponsiblePost = v.Content.ResponsiblePost,
        },
        PublishedAt = v.PublishedAt.UtcDateTime,
        PublishedBy = v.PublishedBy,
    };

    public ServiceItemVersion ToDomain()
    {
        var c = Content;
        return new ServiceItemVersion(ItemId, (Window)Window, OfficeId, Version, Dates.ParseDate(EffectiveFrom, "effective_from"),
            new ServiceItemContent(c.Name, c.ServedParty, c.Content, c.LegalBasis, c.Process, c.Requirements, c.Assessment, c.Supervision,
                c.Documents, new TimeLimit(c.TimeLimitValue, (TimeLimitUnit)c.TimeLimitUnit), c.FeeYuan, c.ResponsiblePost),
            MongoValues.Instant(PublishedAt), PublishedBy);
    }
}
