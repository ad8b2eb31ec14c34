using CivilAffairs.Gateway;
using CivilAffairs.Gateway.OpenApi;
using CivilAffairs.Gateway.Partners;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddProblemDetails();
builder.AddPartnerAccess();
builder.AddRateLimits();
builder.Services.AddSingleton<OpenApiDocument>();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();
app.UseMiddleware<AuditMiddleware>();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOpenApiDocs();
app.MapReverseProxy(proxy =>
{
    proxy.UseMiddleware<WindowTypeMiddleware>();
    proxy.UseMiddleware<RequestLimitsMiddleware>();
    proxy.UseMiddleware<GrpcMessageCheckMiddleware>();
    proxy.UseMiddleware<ProxyErrorMiddleware>();
});
app.MapDisplayPages();
app.MapFallback("{**path}", UnknownRoute.Handle);
app.Run();
