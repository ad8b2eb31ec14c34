namespace CivilAffairs.Gateway.OpenApi;

public static class OpenApiEndpoints
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/docs";

    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(OpenApiEndpoints).Assembly.GetManifestResourceStream("CivilAffairs.Gateway.OpenApi.docs.html")
            ?? throw new InvalidOperationException("docs.html is not embedded");
        return new StreamReader(stream).ReadToEnd();
    });

    /// <summary>The OpenAPI document and a page to browse it: public, like the contracts they describe.</summary>
    public static WebApplication MapOpenApiDocs(this WebApplication app)
    {
        app.MapGet(DocumentPath, (OpenApiDocument document) => Results.Text(document.Build().ToJsonString(), "application/json"));
        app.MapGet(PagePath, () => Results.Content(Page.Value, "text/html; charset=utf-8"));
        return app;
    }
}
