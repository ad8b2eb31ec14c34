using CivilAffairs.Marriage.Api;
using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage;
using CivilAffairs.SharedKernel;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(Window.MarriageRegistration);
builder.AddGrpcApi();
builder.AddMarriageStore();
builder.Services.AddMarriageDomain(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcApi<MarriageAppointmentsApi>();
app.Run();
