using System.Net;
using System.Security.Cryptography;
using CivilAffairs.Feedback.V1;
using CivilAffairs.ServiceDefaults.Callers;
using CivilAffairs.ServiceDefaults.Security;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.ServiceDefaults.Tests;

/// <summary>A service port answers only callers with a valid service token; probes and the management port aside.</summary>
public sealed class ServiceAuthenticationTests : IAsyncLifetime
{
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        foreach (var (key, value) in TestCallers.Settings("feedback")) builder.Configuration[key] = value;
        builder.Configuration["Management:Port"] = "5409";
        builder.AddServiceDefaults(Window.ChildWelfare);
        builder.AddCallerAuthentication("feedback");
        builder.Services.AddGrpc();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapGrpcService<WhoCalls>();
        await _app.StartAsync();
    }

    private Feedback.V1.Feedback.FeedbackClient Client(string? token) => new(GrpcChannel.ForAddress("http://localhost",
        new GrpcChannelOptions { HttpHandler = new Bearer(token, _app.GetTestServer().CreateHandler()) }));

    private async Task<StatusCode> StatusWith(string? token)
    {
        try
        {
            await Client(token).CreateInvitationAsync(new CreateInvitationRequest());
            return StatusCode.OK;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }

    [Fact]
    public async Task A_call_without_a_credential_is_refused_and_the_gateways_token_is_accepted_with_its_partner()
    {
        Assert.Equal(StatusCode.Unauthenticated, await StatusWith(null));
        var answer = await Client(TestCallers.Token("feedback", partner: "bank")).CreateInvitationAsync(new CreateInvitationRequest());
        Assert.Equal("partner:bank", answer.InvitationId);
        var service = await Client(TestCallers.Token("feedback", partner: null, caller: "marriage")).CreateInvitationAsync(new CreateInvitationRequest());
        Assert.Equal("service:marriage", service.InvitationId);
    }

    [Fact]
    public async Task A_token_for_another_service_or_from_an_unknown_key_or_tampered_with_is_refused()
    {
        Assert.Equal(StatusCode.Unauthenticated, await StatusWith(TestCallers.Token("marriage")));
        var stranger = new ServiceTokens(new ServiceCredentialOptions { Name = "gateway", SigningKey = ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem() });
        Assert.Equal(StatusCode.Unauthenticated, await StatusWith(stranger.For("feedback", "bank")));

        // A valid token was seen (and its signature remembered); the same signature on other claims is no token at all.
        var valid = TestCallers.Token("feedback", partner: "bank");
        Assert.Equal(StatusCode.OK, await StatusWith(valid));
        var parts = valid.Split('.');
        var forged = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(
            Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]).Replace("\"bank\"", "\"thief\""));
        Assert.Equal(StatusCode.Unauthenticated, await StatusWith($"{parts[0]}.{forged}.{parts[2]}"));
    }

    [Fact]
    public async Task An_expired_token_or_a_service_speaking_for_a_partner_is_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        var old = new ServiceTokens(new ServiceCredentialOptions { Name = "gateway", SigningKey = TestCallers.PrivateKey }, clock);
        Assert.Equal(StatusCode.Unauthenticated, await StatusWith(old.For("feedback", "bank")));
        Assert.Equal(StatusCode.Unauthenticated, await StatusWith(TestCallers.Token("feedback", partner: "bank", caller: "marriage")));
    }

    [Fact]
    public async Task Probes_answer_anyone_and_operations_answer_on_the_management_port_only()
    {
        var http = _app.GetTestClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await http.GetAsync("/metrics")).StatusCode);
        using var management = new HttpRequestMessage(HttpMethod.Get, "http://localhost:5409/metrics");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(management)).StatusCode);
    }

    [Fact]
    public void Outside_development_the_development_key_or_no_key_refuses_to_start()
    {
        Exception Start(params (string, string)[] settings)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
            foreach (var (key, value) in settings) builder.Configuration[key] = value;
            return Assert.Throws<InvalidOperationException>(() => builder.AddCallerAuthentication("feedback"));
        }
        Assert.Contains("SigningKey is not set", Start().Message);
        Assert.Contains("development key", Start(("ServiceAuth:SigningKey", DevelopmentKeys.Private), ("ServiceAuth:Trusted:gateway", DevelopmentKeys.Public)).Message);
        Assert.Contains("Trusted is empty", Start(("ServiceAuth:SigningKey", TestCallers.PrivateKey)).Message);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed class Bearer(string? token, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (token is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Answers with the caller the service saw.</summary>
    private sealed class WhoCalls : Feedback.V1.Feedback.FeedbackBase
    {
        public override Task<Invitation> CreateInvitation(CreateInvitationRequest request, ServerCallContext context) =>
            Task.FromResult(new Invitation { InvitationId = CallerIdentity.Of(context) });
    }
}
