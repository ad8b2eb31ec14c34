using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.TestSupport;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>The same RPCs through JSON transcoding, as partners call them through the gateway.</summary>
public sealed class RestTests(AssistanceHost host) : IClassFixture<AssistanceHost>
{
    private readonly HttpClient _http = host.CreateClient();

    private static object HouseholdBody(string headId, string spouseId, string county = "110105") => new
    {
        countyCode = county,
        address = "朝阳区幸福路 8 号",
        members = new object[]
        {
            new { name = "王建国", idNumber = headId, relation = "HEAD", monthlyIncomeFen = 60_000 },
            new { name = "刘秀英", idNumber = spouseId, relation = "SPOUSE", monthlyIncomeFen = 0 },
        },
    };

    private async Task<JsonElement> RegisterAsync()
    {
        var response = await _http.PostAsJsonAsync("/api/assistance/v1/households", HouseholdBody(IdNumbers.Man(50), IdNumbers.Woman(48)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_household_registered_over_rest_is_read_back_masked()
    {
        var head = IdNumbers.Man(50);
        var response = await _http.PostAsJsonAsync("/api/assistance/v1/households", HouseholdBody(head, IdNumbers.Woman(48)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(head, body);

        var id = JsonDocument.Parse(body).RootElement.GetProperty("householdId").GetString();
        var fetched = await _http.GetFromJsonAsync<JsonElement>($"/api/assistance/v1/households/{id}");
        Assert.Equal(CivilAffairs.SharedKernel.Masking.MaskIdNumber(head), fetched.GetProperty("members")[0].GetProperty("person").GetProperty("maskedIdNumber").GetString());
        Assert.Equal("30000", fetched.GetProperty("perCapitaMonthlyIncomeFen").ToString());
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field()
    {
        var response = await _http.PostAsJsonAsync("/api/assistance/v1/households",
            HouseholdBody(IdNumbers.Man(50), IdNumbers.WithWrongCheck(IdNumbers.Woman(48))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("members[1].id_number", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_ids_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/assistance/v1/households/hh_missing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/assistance/v1/applications/dba_missing")).StatusCode);
        var apply = await _http.PostAsJsonAsync("/api/assistance/v1/households/hh_missing/applications", new { applicantKind = "HOUSEHOLD" });
        Assert.Equal(HttpStatusCode.NotFound, apply.StatusCode);
    }

    [Fact]
    public async Task A_second_open_application_is_409_and_the_first_is_readable()
    {
        var id = (await RegisterAsync()).GetProperty("householdId").GetString();
        var first = await _http.PostAsJsonAsync($"/api/assistance/v1/households/{id}/applications", new { applicantKind = "HOUSEHOLD", reason = "失业" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await _http.PostAsJsonAsync($"/api/assistance/v1/households/{id}/applications", new { applicantKind = "HOUSEHOLD" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        var applicationId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString();
        var fetched = await _http.GetFromJsonAsync<JsonElement>($"/api/assistance/v1/applications/{applicationId}");
        Assert.Equal("SUBMITTED", fetched.GetProperty("status").GetString());
        Assert.Equal("SOCIAL_ASSISTANCE", fetched.GetProperty("window").GetString());
    }

    [Fact]
    public async Task A_committee_application_without_a_name_is_400_naming_applicant_name()
    {
        var id = (await RegisterAsync()).GetProperty("householdId").GetString();
        var response = await _http.PostAsJsonAsync($"/api/assistance/v1/households/{id}/applications", new { applicantKind = "COMMITTEE" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("applicant_name", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_idempotency_key_header_replays_the_first_registration()
    {
        var body = HouseholdBody(IdNumbers.Man(50), IdNumbers.Woman(48));
        async Task<string?> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/assistance/v1/households") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "rest-key-1");
            var response = await _http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("householdId").GetString();
        }

        Assert.Equal(await Post(), await Post());
    }
}

