using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Feedback.V1;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.Marriage.V1;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;
using Google.Protobuf;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;

namespace CivilAffairs.Platform.Tests.BreakingThings;

/// <summary>
/// Marriage, staff-conduct and feedback as real processes. Feedback is down while a thousand marriages are
/// registered; none of the registrations fails for it, and when feedback comes back every couple's rating
/// invitation arrives, exactly once.
/// </summary>
public sealed class FeedbackDownDuringRegistrationsTests : IAsyncLifetime
{
    private const int Marriages = 1000;
    private const int Windows = 4;
    private readonly ServiceProcesses _services = new();
    private HttpClient _http => field ??= _services.Client();

    public Task InitializeAsync() => _services.StartAsync("staff-conduct", "marriage");

    [Fact]
    public async Task A_thousand_registrations_while_feedback_is_down_each_get_their_invitation_exactly_once_when_it_is_back()
    {
        var clerk = await RegisterClerkAsync();
        using var channel = _services.Channel("marriage");
        var hall = new MarriageHall.MarriageHallClient(channel);
        var registry = new MarriageRegistry.MarriageRegistryClient(channel);
        var couples = new ConcurrentDictionary<string, (Party Man, Party Woman)>();
        var certificates = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();

        // Four windows work through a thousand walk-in couples: check in, call the next ticket, register it.
        await Task.WhenAll(Enumerable.Range(1, Windows).Select(window => Task.Run(async () =>
        {
            for (var i = 0; i < Marriages / Windows; i++)
            {
                try
                {
                    var (man, woman) = Couple.Next();
                    var ticket = await hall.CheckInAsync(new CheckInRequest { OfficeId = "dongcheng-1", FirstParty = man, SecondParty = woman });
                    couples[ticket.TicketId] = (man, woman);
                    var called = await hall.CallNextAsync(new CallNextRequest { OfficeId = "dongcheng-1", WindowNumber = window });
                    // The next ticket may be another window's couple who checked in a moment ago.
                    (Party Man, Party Woman) calledCouple;
                    while (!couples.TryGetValue(called.TicketId, out calledCouple)) await Task.Delay(5);
                    var (calledMan, calledWoman) = calledCouple;
                    var record = await registry.RegisterMarriageAsync(new RegisterMarriageRequest
                    {
                        TicketId = called.TicketId, WindowNumber = window, ClerkId = clerk, FirstIdNumber = calledMan.IdNumber,
                        SecondIdNumber = calledWoman.IdNumber,
                        Declarations = new Declarations { NeitherHasASpouse = true, NotCloseRelatives = true, Voluntary = true },
                    });
                    certificates.Add(record.CurrentCertificateNumber);
                }
                catch (Exception error)
                {
                    failures.Add(error.Message);
                }
            }
        })));
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(5)));
        Assert.Equal(Marriages, certificates.Distinct().Count());
        var waiting = await OutboxAsync();
        Assert.True(waiting.GetProperty("backlog").GetInt32() >= Marriages, waiting.ToString());

        await _services.StartAsync("feedback");
        var drained = await WaitForEmptyOutboxAsync(TimeSpan.FromSeconds(120));
        Assert.True(drained.GetProperty("backlog").GetInt32() == 0, drained.ToString());
        Assert.Empty(drained.GetProperty("deadLetters").EnumerateArray());

        var invited = await InvitationReferencesAsync();
        Assert.Equal(Marriages, invited.Count);
        Assert.Equal(certificates.Select(c => $"marriage:registration:{c}").Order(), invited.Order());

        // The same event delivered five more times changes nothing.
        var transport = new GrpcOutboxTransport(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Services:feedback:Grpc"] = _services.Grpc("feedback") }).Build(),
            new ServiceDefaults.Security.ServiceTokens(new ServiceDefaults.Security.ServiceCredentialOptions { Name = "marriage", SigningKey = TestCallers.PrivateKey }));
        var again = new OutboxMessage("evt_redelivered", "m", "feedback", "/civilaffairs.feedback.v1.Feedback/CreateInvitation",
            new CreateInvitationRequest
            {
                Window = Common.V1.WindowType.MarriageRegistration, ServiceReference = "marriage:registration:redelivered", StaffId = clerk,
                Channel = Channel.SmsLink, IdempotencyKey = "evt_redelivered",
            }.ToByteArray(), Window.MarriageRegistration, null, DateTimeOffset.UtcNow);
        for (var i = 0; i < 5; i++) await transport.SendAsync(again, TimeSpan.FromSeconds(5), default);
        Assert.Single(await InvitationReferencesAsync(), r => r == "marriage:registration:redelivered");
        Assert.Equal(Marriages + 1, (await InvitationReferencesAsync()).Count);
    }

    private async Task<string> RegisterClerkAsync()
    {
        var response = await _http.PostAsJsonAsync($"{_services.Http("staff-conduct")}/api/staff/v1/staff", new
        {
            name = "郑登记", badgeNumber = "MR-0001", photoUrl = "https://example.org/photos/mr-0001.jpg", window = "MARRIAGE_REGISTRATION",
            officeId = "dongcheng-1", post = "婚姻登记员", duties = new[] { "结婚登记", "离婚登记" }, partyMember = true,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("staffId").GetString()!;
    }

    private Task<JsonElement> OutboxAsync() => _http.OutboxAsync(_services.Management("marriage"));

    private Task<JsonElement> WaitForEmptyOutboxAsync(TimeSpan timeout) => _http.WaitForEmptyOutboxAsync(_services.Management("marriage"), timeout);

    private Task<List<string>> InvitationReferencesAsync() => OutboxProbe.InvitationReferencesAsync(_services.Store("feedback"));

    public Task DisposeAsync()
    {
        _services.Dispose();
        _http.Dispose();
        return Task.CompletedTask;
    }
}
