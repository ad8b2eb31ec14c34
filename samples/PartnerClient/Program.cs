// The README's example (section "gRPC"): places left on a day at an office, through the gateway, with a partner key.
// Arguments: the gateway's gRPC address, the key, the office and the date (defaults: the run command's gateway, the
// local developer's key, xicheng-1, a week from today).
using Grpc.Core;

var address = args.ElementAtOrDefault(0) ?? "http://localhost:5001";
var apiKey = args.ElementAtOrDefault(1) ?? "local-dev-key-not-a-secret";
var office = args.ElementAtOrDefault(2) ?? "xicheng-1";
var date = args.ElementAtOrDefault(3) ?? DateTime.UtcNow.AddHours(8).AddDays(7).ToString("yyyy-MM-dd");

using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(address);
var marriage = new CivilAffairs.Marriage.V1.MarriageAppointments.MarriageAppointmentsClient(channel);
var key = new Grpc.Core.Metadata { { "x-api-key", apiKey } };
try
{
    var days = await marriage.ListAvailabilityAsync(
        new() { OfficeId = office, FromDate = date, ToDate = date }, key);
    Console.WriteLine(days);
    // An office opens its days itself; an empty answer is not an error, but says why.
    if (days.Days.Count == 0) Console.Error.WriteLine($"no day is open at {office} on {date}: open one first (README, \"Marriage (window MARRIAGE_REGISTRATION)\")");
    return 0;
}
catch (RpcException refused)
{
    Console.Error.WriteLine($"refused: {refused.StatusCode}: {refused.Status.Detail}");
    return 1;
}
