using CivilAffairs.SharedKernel;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

// In the gateway's namespace, so Program.cs needs only the one line that maps the pages.
namespace CivilAffairs.Gateway;

/// <summary>
/// The hall screens and the public wall: static pages under <c>wwwroot/display</c>, anonymous and read-only. Their
/// script reads the data through the GET-only <c>/display/api/...</c> routes (appsettings.json) and refreshes itself.
/// <list type="bullet">
/// <item><c>/display/windows/{window}?office=...</c>: a window's staff, commitments, designations, satisfaction and
/// replies to suggestions (window by code or number; redirected to the code).</item>
/// <item><c>/display/marriage-hall?office=...</c>: the tickets called per window, the next tickets, places left today.</item>
/// </list>
/// </summary>
public static class DisplayPages
{
    private const string Folder = "display";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static WebApplication MapDisplayPages(this WebApplication app)
    {
        var files = Files(app);
        var display = app.MapGroup("/display").AllowAnonymous();
        // Screens stay on for months: revalidate so a reload picks up a new version of the pages.
        display.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-cache";
            return await next(context);
        });

        display.MapGet("/", () => Page(files, "index.html"));
        display.MapGet("/windows/{window}", (string window, HttpRequest request) =>
        {
            if (!WindowCodes.TryParse(window, out var parsed)) return Results.NotFound();
            var code = parsed.Code();
            // One address per window, so the script can pass the code to the APIs as it is.
            return window == code
                ? Page(files, "window.html")
                : Results.Redirect($"/display/windows/{code}{request.QueryString}");
        });
        display.MapGet("/marriage-hall", () => Page(files, "marriage-hall.html"));
        display.MapGet("/assets/{name}", (string name) =>
            name.Contains('/') || name.Contains('\\') || name.StartsWith('.') ? Results.NotFound() : Page(files, name));
        return app;
    }

    private static IResult Page(IFileProvider files, string name)
    {
        var file = files.GetFileInfo($"{Folder}/{name}");
        if (!file.Exists || file.IsDirectory) return Results.NotFound();
        var type = ContentTypes.TryGetContentType(name, out var known) ? known : "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal))
            type += "; charset=utf-8";
        return Results.Stream(file.CreateReadStream(), type);
    }

    // Published, the pages sit in wwwroot next to the app. Built but not published (the run command, the tests), they
    // stay in the project folder and the build's static web assets manifest says where.
    private static IFileProvider Files(WebApplication app)
    {
        if (!app.Environment.WebRootFileProvider.GetFileInfo($"{Folder}/window.html").Exists)
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        return app.Environment.WebRootFileProvider;
    }
}
