using CivilAffairs.Gateway.Partners;
using Scalar.AspNetCore;

namespace CivilAffairs.Gateway.OpenApi;

public static class OpenApiEndpoints
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/docs";

    /// <summary>
    /// The OpenAPI document and Scalar's API reference over it (its scripts are inside the package: no CDN): a partner
    /// enters its key once (kept in the browser's local storage) and tries calls from the page, which sends them to
    /// this gateway. Public, like the contracts they describe.
    /// </summary>
    public static WebApplication MapOpenApiDocs(this WebApplication app)
    {
        app.MapGet(DocumentPath, (OpenApiDescription document) => Results.Text(document.Json, "application/json"))
            .AllowAnonymous();
        app.MapScalarApiReference(PagePath, options => options
                .WithTitle("Civil-affairs platform: API reference")
                .WithOpenApiRoutePattern(DocumentPath)
                .AddPreferredSecuritySchemes([OpenApiDescription.ApiKeyScheme])
                .AddApiKeyAuthentication(OpenApiDescription.ApiKeyScheme, scheme => scheme.WithName(PartnerAuthenticationHandler.ApiKeyHeader))
                .EnablePersistentAuthentication()
                .WithDefaultHttpClient(ScalarTarget.Shell, ScalarClient.Curl))
            .AllowAnonymous();
        return app;
    }
}
