using CivilAffairs.Feedback.Api;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(Window.Unspecified); // serves all ten windows: each call tags the window it concerns
builder.AddGrpcApi();
builder.AddFeedbackStore();
builder.AddFeedbackDomain();
builder.AddOutbox();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcApi<FeedbackApi>();
app.MapOutboxOperations();
app.Run();
