using Microsoft.Extensions.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

// The gateway and the four services. Each project listens on its own Kestrel ports (appsettings.json: "Http" = HTTP/1.1 REST + health, "Grpc" = HTTP/2);
// Aspire reads those endpoints, so the ports here are the ones the services use when run alone. Every service runs
// on its embedded SQLite store (services/<Name>/data/). The dashboard receives their traces over OTLP.
var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpHealthCheck("/health/live", endpointName: "Http")
    // Development: gateway/appsettings.Development.json names the local developer's partner key (README).
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName);

// Each service finds the ones it calls by Services:<name>:Grpc (their HTTP/2 endpoint).
var feedback = Route(builder.AddProject<Projects.Feedback>("feedback"));
var staffConduct = Route(builder.AddProject<Projects.StaffConduct>("staff-conduct"));
var socialAssistance = Route(builder.AddProject<Projects.SocialAssistance>("social-assistance"));
var marriage = Route(builder.AddProject<Projects.Marriage>("marriage"));
Calls(staffConduct, feedback);
Calls(socialAssistance, staffConduct);
Calls(socialAssistance, feedback);
Calls(marriage, feedback);
Calls(marriage, staffConduct);
Calls(feedback, staffConduct);

var app = builder.Build();
await app.StartAsync();
var dashboard = builder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0] ?? "(see the log above)";
Console.WriteLine($"""

    Civil-affairs platform is running (Ctrl+C or SIGTERM stops it).
      Gateway REST  : {gateway.GetEndpoint("Http").Url}   e.g. curl {gateway.GetEndpoint("Http").Url}/health/live
      Gateway gRPC  : {gateway.GetEndpoint("Grpc").Url}   (cleartext HTTP/2)
      Dashboard     : {dashboard}   (traces, logs, metrics)
      API docs      : {gateway.GetEndpoint("Http").Url}/docs   (local partner key: X-Api-Key: local-dev-key-not-a-secret)

    """);
await app.WaitForShutdownAsync();

// The gateway's YARP clusters (named after the service, "-grpc" for the HTTP/2 one) point at the service's endpoints,
// and the gateway starts once the service is ready.
IResourceBuilder<ProjectResource> Route(IResourceBuilder<ProjectResource> service)
{
    // The AppHost's environment (Development from its launch profile): each service then signs and checks calls with
    // the repository's development key, which it refuses in any other environment (README, "Inside the platform").
    service.WithHttpHealthCheck("/health/ready", endpointName: "Http")
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName);
    gateway
        .WithEnvironment($"ReverseProxy__Clusters__{service.Resource.Name}__Destinations__primary__Address",
            service.GetEndpoint("Http"))
        .WithEnvironment($"ReverseProxy__Clusters__{service.Resource.Name}-grpc__Destinations__primary__Address",
            service.GetEndpoint("Grpc"))
        .WithReference(service)
        .WaitFor(service);
    return service;
}

void Calls(IResourceBuilder<ProjectResource> caller, IResourceBuilder<ProjectResource> target) =>
    caller.WithEnvironment($"Services__{target.Resource.Name}__Grpc", target.GetEndpoint("Grpc"));
