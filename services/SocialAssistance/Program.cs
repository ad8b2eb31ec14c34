using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Api;
using CivilAffairs.SocialAssistance;
using CivilAffairs.SocialAssistance.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(Window.SocialAssistance);
builder.AddGrpcApi();
builder.AddSocialAssistanceStore();
builder.AddSocialAssistanceDomain();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcApi<SocialAssistanceApi>();
app.MapOutboxOperations();
app.Run();
