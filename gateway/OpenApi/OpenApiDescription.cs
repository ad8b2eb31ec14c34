using System.Text.Json.Nodes;
using CivilAffairs.Gateway.Contracts;
using CivilAffairs.Gateway.Partners;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi;
using Yarp.ReverseProxy.Configuration;

namespace CivilAffairs.Gateway.OpenApi;

/// <summary>
/// The OpenAPI 3 description of the whole REST surface, built with the Microsoft.OpenApi object model from the
/// contracts' <c>google.api.http</c> routes (the same ones the services transcode) and the gateway's own routes (which
/// scope each call needs, which are public). JSON names and types follow the proto3 JSON mapping that transcoding uses.
/// </summary>
public sealed class OpenApiDescription(ContractCatalog contracts, IProxyConfigProvider proxy)
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";
    public const string RequiredScopeExtension = "x-required-scope";

    private readonly Lazy<string> _json = new(() => Serialize(Build(contracts, proxy)));

    /// <summary>The document as OpenAPI 3.0 JSON (built once: routes and contracts are fixed for the process).</summary>
    public string Json => _json.Value;

    public static OpenApiDocument Build(ContractCatalog contracts, IProxyConfigProvider proxy)
    {
        var routes = proxy.GetConfig().Routes;
        var scopeOfPackage = routes
            .Where(r => r.Match.Path?.StartsWith("/civilaffairs.", StringComparison.Ordinal) == true && r.Match.Path.Contains(".{")
                && r.Metadata?.ContainsKey(ScopeRules.RouteMetadataKey) == true)
            .ToDictionary(r => r.Match.Path![1..r.Match.Path!.IndexOf(".{", StringComparison.Ordinal)],
                r => r.Metadata![ScopeRules.RouteMetadataKey]);
        var publicPaths = routes.Where(r => r.AuthorizationPolicy == "anonymous").Select(r => r.Match.Path ?? "").ToList();
        // A public route is one path, or a whole subtree when it ends in a catch-all ("/api/staff/v1/catalogue/{**rest}").
        bool IsPublicPath(string template) => publicPaths.Any(p => p == template
            || (p.EndsWith("{**rest}", StringComparison.Ordinal) && template.StartsWith(p[..^"{**rest}".Length], StringComparison.Ordinal)));

        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "Civil-affairs platform",
                Version = "v1",
                Description = "REST/JSON surface of the marriage, social-assistance, staff-conduct and feedback services, "
                    + "through the gateway. Every call also exists over gRPC (same contracts; server reflection on the "
                    + "gateway's gRPC port). Send your API key in X-Api-Key (or a bearer token); state-changing calls "
                    + "accept an Idempotency-Key header.",
            },
            // Relative: clients (and the /docs page) call the gateway that served the document.
            Servers = [new OpenApiServer { Url = "/", Description = "this gateway" }],
            Paths = new OpenApiPaths(),
            Components = new OpenApiComponents
            {
                Schemas = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [ApiKeyScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = PartnerAuthenticationHandler.ApiKeyHeader,
                        Description = "The partner key the bureau gave you (only its SHA-256 is stored).",
                    },
                    [BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        BearerFormat = "JWT",
                        Description = "A token from the bureau's issuer: sub names the partner, scope lists its scopes.",
                    },
                },
            },
        };
        var schemas = new Schemas(document);
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var method in contracts.Methods.Where(m => m.Rest is not null))
        {
            var rest = method.Rest!;
            if (!document.Paths.TryGetValue(rest.Template, out var item))
                document.Paths[rest.Template] = item = new OpenApiPathItem();
            var isPublic = rest.Verb == "GET" && IsPublicPath(rest.Template);
            var scope = $"{scopeOfPackage.GetValueOrDefault(method.Method.Service.File.Package, "?")}.{(method.IsRead ? "read" : "write")}";
            tags.Add(method.Method.Service.FullName);
            ((OpenApiPathItem)item).AddOperation(new HttpMethod(rest.Verb), Operation(document, method, rest, isPublic ? null : scope, schemas));
        }
        document.Tags = tags.Select(t => new OpenApiTag { Name = t }).ToHashSet();
        return document;
    }

    private static OpenApiOperation Operation(OpenApiDocument document, ContractMethod method, RestRoute rest, string? scope,
        Schemas schemas)
    {
        var input = method.Method.InputType;
        var parameters = new List<IOpenApiParameter>();
        foreach (var name in rest.PathParameters)
            parameters.Add(new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        if (rest.Body != "*")
        {
            foreach (var field in input.Fields.InFieldNumberOrder().Where(f => !rest.PathParameters.Contains(f.Name) && f.Name != rest.Body
                         && f.FieldType != FieldType.Message))
                parameters.Add(new OpenApiParameter { Name = field.Name, In = ParameterLocation.Query, Schema = schemas.Of(field) });
        }
        if (!method.IsRead)
            parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key", In = ParameterLocation.Header,
                Description = "Retry safely: the same key and body get the first answer again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });

        var operation = new OpenApiOperation
        {
            OperationId = $"{method.Method.Service.Name}_{method.Method.Name}",
            Tags = new HashSet<OpenApiTagReference> { new(method.Method.Service.FullName, document) },
            Summary = method.Method.Name,
            Description = $"gRPC: `{method.GrpcPath}`. "
                + (scope is null ? "Public: no key needed (rate limited per client address)." : $"Needs the scope `{scope}`."),
            Parameters = parameters,
            Responses = new OpenApiResponses
            {
                ["200"] = Response("OK", schemas.Ref(method.Method.OutputType)),
                ["400"] = Response("Bad input (field violations) or a rule broken (precondition failure)", schemas.Status()),
                ["401"] = Response("No or unknown credentials", schemas.Problem()),
                ["403"] = Response("The partner lacks the scope", schemas.Problem()),
                ["404"] = Response("Unknown id, or no such route", schemas.Status()),
                ["409"] = Response("Already exists", schemas.Status()),
                ["429"] = Response("Rate limit reached; see Retry-After", schemas.Problem()),
                ["503"] = Response("The service cannot be reached", schemas.Problem()),
            },
            Security = scope is null
                ? []
                :
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [scope] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [scope] },
                ],
        };
        if (scope is not null)
            operation.Extensions = new Dictionary<string, IOpenApiExtension> { [RequiredScopeExtension] = new JsonNodeExtension(JsonValue.Create(scope)) };
        if (rest.Body == "*")
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = schemas.Ref(input) } },
            };
        return operation;
    }

    private static OpenApiResponse Response(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = schema } },
    };

    private static string Serialize(OpenApiDocument document)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        document.SerializeAsV3(new OpenApiJsonWriter(text));
        return text.ToString();
    }
}
