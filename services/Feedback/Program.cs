using CivilAffairs.Feedback.Api;
using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(Window.Unspecified); // serves all ten windows: each call tags the window it concerns
builder.AddGrpcApi();
builder.AddFeedbackStore();
builder.Services.AddSingleton(sp => new OfficeClock(
    sp.GetRequiredService<TimeProvider>(), OfficeClock.FindZone(builder.Configuration["Feedback:TimeZone"])));
builder.Services.AddSingleton<Ratings>();
builder.Services.AddSingleton<SuggestionBox>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcApi<FeedbackApi>();
app.Run();
