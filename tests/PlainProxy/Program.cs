// YARP with nothing of the gateway's own: no authentication, scopes, limits, audit, tracing, metrics or request checks,
// only the gateway's two hops to marriage (REST over HTTP/1.1, gRPC over h2c). Beside nginx and the gateway in the
// benchmark, it shows how much of the gap to nginx is the proxy the platform is built on and how much the gateway's work.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
var app = builder.Build();
app.MapReverseProxy();
app.Run();
