using CivilAffairs.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddProblemDetails();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReverseProxy(proxy =>
{
    proxy.UseMiddleware<WindowTypeMiddleware>();
    proxy.UseMiddleware<ProxyErrorMiddleware>();
});
app.MapDisplayPages();
app.MapFallback("{**path}", UnknownRoute.Handle);
app.Run();
