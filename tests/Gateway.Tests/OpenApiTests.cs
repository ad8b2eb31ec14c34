using System.Net;
using System.Text.Json;
using CivilAffairs.Gateway.Contracts;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace CivilAffairs.Gateway.Tests;

/// <summary>Partners read the whole REST surface from the gateway: one OpenAPI document and a page to browse it.</summary>
public sealed class OpenApiTests(MarriageBehindGateway platform) : IClassFixture<MarriageBehindGateway>
{
    [Fact]
    public async Task The_document_describes_every_rest_route_of_the_four_services_with_the_scope_it_needs()
    {
        using var anonymous = TestPartners.Client(platform.Gateway.HttpUrl, apiKey: null);

        var response = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var paths = document.RootElement.GetProperty("paths");
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var routes = new ContractCatalog().Methods.Where(m => m.Rest is not null).ToList();
        Assert.Contains(routes, m => m.Method.Service.File.Package == "civilaffairs.feedback.v1");
        foreach (var method in routes)
        {
            var operation = paths.GetProperty(method.Rest!.Template).GetProperty(method.Rest.Verb.ToLowerInvariant());
            var answer = operation.GetProperty("responses").GetProperty("200").GetProperty("content")
                .GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
            Assert.True(schemas.TryGetProperty(answer.Split('/')[^1], out _), $"{answer} is described");
        }
        var booking = paths.GetProperty("/api/marriage/v1/appointments").GetProperty("post");
        Assert.Equal("marriage.write", booking.GetProperty("x-required-scope").GetString());
        Assert.Contains("firstParty", schemas.GetProperty("civilaffairs.marriage.v1.BookAppointmentRequest").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name));
        var availability = paths.GetProperty("/api/marriage/v1/offices/{office_id}/availability").GetProperty("get");
        Assert.Equal(0, availability.GetProperty("security").GetArrayLength()); // public display data
        Assert.Contains("from_date", availability.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_document_reads_back_with_Microsoft_OpenApi_without_an_error_or_a_warning()
    {
        using var anonymous = TestPartners.Client(platform.Gateway.HttpUrl, apiKey: null);
        await using var json = await anonymous.GetStreamAsync("/openapi/v1.json");

        var (document, diagnostic) = await OpenApiDocument.LoadAsync(json, "json",
            new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetDefaultRuleSet() });

        Assert.NotNull(diagnostic);
        Assert.Empty(diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(diagnostic.Warnings.Select(w => $"{w.Pointer}: {w.Message}"));
        Assert.NotNull(document);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, diagnostic.SpecificationVersion);
        var operations = document.Paths.Values.SelectMany(p => p.Operations!.Values).ToList();
        Assert.Equal(new ContractCatalog().Methods.Count(m => m.Rest is not null), operations.Count);
        Assert.All(operations, o => Assert.Contains("200", o.Responses!.Keys));
        // A partner's key is entered once, under the API key scheme every protected call names.
        var apiKey = Assert.IsType<OpenApiSecurityScheme>(document.Components!.SecuritySchemes!["ApiKey"]);
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Header, "X-Api-Key"), (apiKey.Type, apiKey.In, apiKey.Name));
    }

    [Fact]
    public async Task The_reference_page_is_Scalar_served_from_the_gateway_over_the_document()
    {
        using var anonymous = TestPartners.Client(platform.Gateway.HttpUrl, apiKey: null);

        var page = await anonymous.GetAsync("/docs");
        var script = await anonymous.GetAsync("/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html);
        Assert.Contains("\"persistAuth\":true", html);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode); // no CDN: the page works offline
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }
}
