using System.Text.Json.Nodes;
using CivilAffairs.Gateway.Contracts;
using Google.Protobuf.Reflection;
using Yarp.ReverseProxy.Configuration;

namespace CivilAffairs.Gateway.OpenApi;

/// <summary>
/// The OpenAPI 3 description of the whole REST surface, built from the contracts' <c>google.api.http</c> routes (the
/// same ones the services transcode) and the gateway's own routes (which scope each call needs, which are public).
/// JSON names and types follow the proto3 JSON mapping that transcoding uses.
/// </summary>
public sealed class OpenApiDocument(ContractCatalog contracts, IProxyConfigProvider proxy)
{
    private JsonObject? _document;

    public JsonObject Build()
    {
        if (_document is not null) return _document;
        var routes = proxy.GetConfig().Routes;
        var scopeOfPackage = routes
            .Where(r => r.Match.Path?.StartsWith("/civilaffairs.", StringComparison.Ordinal) == true && r.Match.Path.Contains(".{")
                && r.Metadata?.ContainsKey("Scope") == true)
            .ToDictionary(r => r.Match.Path![1..r.Match.Path!.IndexOf(".{", StringComparison.Ordinal)], r => r.Metadata!["Scope"]);
        var publicPaths = routes.Where(r => r.AuthorizationPolicy == "anonymous").Select(r => r.Match.Path ?? "").ToList();
        // A public route is one path, or a whole subtree when it ends in a catch-all ("/api/staff/v1/catalogue/{**rest}").
        bool IsPublicPath(string template) => publicPaths.Any(p => p == template
            || (p.EndsWith("{**rest}", StringComparison.Ordinal) && template.StartsWith(p[..^"{**rest}".Length], StringComparison.Ordinal)));

        var schemas = new Schemas();
        var paths = new JsonObject();
        foreach (var method in contracts.Methods.Where(m => m.Rest is not null))
        {
            var rest = method.Rest!;
            var path = paths[rest.Template] as JsonObject ?? new JsonObject();
            paths[rest.Template] = path;
            var isPublic = rest.Verb == "GET" && IsPublicPath(rest.Template);
            var scope = $"{scopeOfPackage.GetValueOrDefault(method.Method.Service.File.Package, "?")}.{(method.IsRead ? "read" : "write")}";
            path[rest.Verb.ToLowerInvariant()] = Operation(method, rest, isPublic ? null : scope, schemas);
        }

        _document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "Civil-affairs platform",
                ["version"] = "v1",
                ["description"] = "REST/JSON surface of the marriage, social-assistance, staff-conduct and feedback services, "
                    + "through the gateway. Every call also exists over gRPC (same contracts). Send your API key in "
                    + "X-Api-Key (or a bearer token); state-changing calls accept an Idempotency-Key header.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["ApiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = Partners.PartnerAuthenticationHandler.ApiKeyHeader },
                    ["Bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
                ["schemas"] = schemas.All,
            },
        };
        return _document;
    }

    private static JsonObject Operation(ContractMethod method, RestRoute rest, string? scope, Schemas schemas)
    {
        var input = method.Method.InputType;
        var parameters = new JsonArray();
        foreach (var name in rest.PathParameters)
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        if (rest.Body != "*")
        {
            foreach (var field in input.Fields.InFieldNumberOrder().Where(f => !rest.PathParameters.Contains(f.Name) && f.Name != rest.Body
                         && f.FieldType != FieldType.Message))
                parameters.Add(new JsonObject { ["name"] = field.Name, ["in"] = "query", ["schema"] = schemas.Of(field) });
        }

        var operation = new JsonObject
        {
            ["operationId"] = $"{method.Method.Service.Name}_{method.Method.Name}",
            ["tags"] = new JsonArray(method.Method.Service.FullName),
            ["summary"] = $"{method.Method.Name} (gRPC {method.GrpcPath})",
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
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
            ["security"] = scope is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["ApiKey"] = new JsonArray(scope) }, new JsonObject { ["Bearer"] = new JsonArray(scope) }),
        };
        if (scope is not null) operation["x-required-scope"] = scope;
        if (rest.Body == "*")
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.Ref(input) } },
            };
        return operation;
    }

    private static JsonObject Response(string description, JsonObject schema) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } },
    };
}
