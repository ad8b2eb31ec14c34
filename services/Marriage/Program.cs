using CivilAffairs.Marriage;
using CivilAffairs.Marriage.Api;
using CivilAffairs.Marriage.Storage;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(Window.MarriageRegistration);
builder.AddGrpcApi();
builder.AddMarriageStore();
builder.AddMarriageDomain();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcApi<MarriageAppointmentsApi>();
app.MapGrpcService<MarriageHallApi>();
app.MapGrpcService<MarriageRegistryApi>();
app.MapOutboxOperations();
app.Run();
