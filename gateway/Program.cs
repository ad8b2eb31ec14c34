using CivilAffairs.Gateway;
using CivilAffairs.Gateway.OpenApi;
using CivilAffairs.Gateway.Partners;
using CivilAffairs.Gateway.Reflection;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddProblemDetails();
builder.AddPartnerAccess();
builder.AddTrustedProxies();
builder.AddRateLimits();
builder.AddPublicReadCache();
builder.AddContractReflection();
builder.Services.AddSingleton<OpenApiDescription>();
builder.Services.AddSingleton<AuditTrail>();
builder.Services.AddHostedService(services => services.GetRequiredService<AuditTrail>());
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy")).AddServiceCredentials(builder);

var app = builder.Build();
app.UseTrustedProxies(); // the client's address as a trusted proxy forwards it
app.UseMiddleware<AuditMiddleware>();
app.UseMiddleware<WindowTypeMiddleware>(); // before authentication and limits: refused calls carry the window too
app.UseOutputCache(); // only calls without credentials are looked up (PublicReadCache); a cached answer is cheaper than a 429
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOpenApiDocs();
app.MapContractReflection();
app.MapReverseProxy(proxy =>
{
    proxy.UseMiddleware<RequestLimitsMiddleware>();
    proxy.UseMiddleware<GrpcMessageCheckMiddleware>();
    proxy.UseMiddleware<ProxyErrorMiddleware>();
});
app.MapDisplayPages();
app.MapFallback("{**path}", UnknownRoute.Handle);
app.Run();
