using Microsoft.Extensions.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

// Each project listens on its own Kestrel ports (appsettings.json: "Http" = HTTP/1.1 REST + health, "Grpc" = HTTP/2);
// Aspire reads those endpoints, so the ports here are the ones the services use when run alone.
var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpHealthCheck("/health/live", endpointName: "Http");

var app = builder.Build();
await app.StartAsync();
var dashboard = builder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0] ?? "(see the log above)";
Console.WriteLine($"""

    Civil-affairs platform is running (Ctrl+C or SIGTERM stops it).
      Gateway REST  : {gateway.GetEndpoint("Http").Url}   e.g. curl {gateway.GetEndpoint("Http").Url}/health/live
      Gateway gRPC  : {gateway.GetEndpoint("Grpc").Url}   (cleartext HTTP/2)
      Dashboard     : {dashboard}   (traces, logs, metrics)

    """);
await app.WaitForShutdownAsync();
