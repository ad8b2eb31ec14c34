using CivilAffairs.StaffConduct;
using CivilAffairs.StaffConduct.Api;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(Window.Unspecified);
builder.AddGrpcApi();
builder.AddStaffConductStore();
builder.AddStaffConductDomain();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcApi<StaffConductApi>();
app.Run();
