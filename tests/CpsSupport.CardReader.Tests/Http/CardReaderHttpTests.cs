using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CpsSupport.CardReader.Tests.TestUtilities;
using Microsoft.AspNetCore.Mvc;
using Server = CpsSupport.Features.CardVerification;

namespace CpsSupport.CardReader.Tests.Http;

/// <summary>The module's HTTP surface over SoftHSM2: pairing token, CORS, endpoints, French problems, PIN kept out of logs.</summary>
[Collection(SoftHsmCollection.Name)]
public sealed class CardReaderHttpTests : IDisposable
{
    private readonly SoftHsm _hsm = SoftHsm.Shared;
    private readonly CardReaderFactory _factory;

    public CardReaderHttpTests() => _factory = new CardReaderFactory(_hsm.Reader());

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("GET", "/status")]
    [InlineData("GET", "/card")]
    [InlineData("POST", "/sign")]
    [InlineData("GET", "/events")]
    public async Task Every_call_without_the_pairing_token_is_refused(string method, string path)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Pairing-Token", "mauvais-jeton");

        var wrong = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var missing = await _factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        var problem = await wrong.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Module non appairé", problem!.Title);
    }

    [Fact]
    public async Task Cors_lets_in_the_back_office_origin_only()
    {
        var client = _factory.CreateClient();
        HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/sign");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type,x-pairing-token");
            request.Headers.Add("Access-Control-Request-Private-Network", "true");
            return request;
        }

        var allowed = await client.SendAsync(Preflight(CardReaderFactory.Origin));
        var other = await client.SendAsync(Preflight("https://site-malveillant.example"));

        Assert.Equal(CardReaderFactory.Origin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-pairing-token", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("true", allowed.Headers.GetValues("Access-Control-Allow-Private-Network").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Private-Network"));
    }

    [Fact]
    public async Task Status_and_card_are_served_and_the_reading_is_what_the_server_verifies()
    {
        var client = _factory.PairedClient();
        var slot = _hsm["valide"].SlotId;

        var status = await client.GetFromJsonAsync<ReaderStatus>("/status");
        var json = await client.GetStringAsync($"/card?slotId={slot}");
        var reading = JsonSerializer.Deserialize<Server.CardReading>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.True(status!.ModuleLoaded);
        Assert.Contains(status.Slots, s => s.Token?.SerialNumber == _hsm["valide"].Serial);
        Assert.Equal(_hsm["valide"].Serial, reading.Token.SerialNumber);
        Assert.Equal(_hsm["valide"].Certificate.RawData, Convert.FromBase64String(reading.Certificates.Single(c => c.Id == "01").Der));
        Assert.Equal(slot, reading.Reader!.SlotId);
        Assert.False(reading.Simulated);
    }

    [Fact]
    public async Task Sign_with_the_right_pin_answers_the_signature_and_the_pin_never_reaches_the_logs()
    {
        var client = _factory.PairedClient();
        var challenge = Convert.ToBase64String(new byte[32]);

        var response = await client.PostAsJsonAsync("/sign", new { challenge, pin = SoftHsm.Pin, slotId = _hsm["valide"].SlotId });

        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<SignResult>();
        Assert.Equal("01", result!.CertificateId);
        var lines = _factory.Logs.Lines;
        var signLog = Assert.Single(lines, l => l.Contains("Path=/sign", StringComparison.Ordinal));
        Assert.Contains("\"pin\":\"[masqué]\"", signLog, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains($"\"{SoftHsm.Pin}\"", StringComparison.Ordinal) || l.Contains(challenge, StringComparison.Ordinal));
        // Request logging does keep bodies elsewhere: the redaction is what keeps the PIN out.
        Assert.Contains("RequestBody", signLog, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains(CardReaderFactory.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_pin_is_a_french_422_with_the_flags_and_stays_out_of_the_logs()
    {
        var client = _factory.PairedClient();

        var response = await client.PostAsJsonAsync("/sign", new { challenge = Convert.ToBase64String(new byte[32]), pin = "8642", slotId = _hsm["code-faux"].SlotId });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Code porteur incorrect", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("Code porteur incorrect. Il reste moins de 3 essais.", problem.RootElement.GetProperty("detail").GetString());
        Assert.True(problem.RootElement.GetProperty("flags").GetProperty("pinCountLow").GetBoolean());
        Assert.DoesNotContain(_factory.Logs.Lines, l => l.Contains("8642", StringComparison.Ordinal));
        await client.PostAsJsonAsync("/sign", new { challenge = Convert.ToBase64String(new byte[32]), pin = SoftHsm.Pin, slotId = _hsm["code-faux"].SlotId });
    }

    [Theory]
    [InlineData("{\"challenge\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"pin\":\"12345\"}", "Le code porteur comporte 4 chiffres.")]
    [InlineData("{\"challenge\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"pin\":\"12a4\"}", "Le code porteur comporte 4 chiffres.")]
    [InlineData("{\"challenge\":\"pas du base64\",\"pin\":\"1234\"}", "Le défi doit être en base64.")]
    [InlineData("{\"pin\":\"1234\"}", "Défi absent ou de taille invalide (16 à 512 octets).")]
    [InlineData("pas du json", "Corps JSON invalide.")]
    public async Task Malformed_sign_requests_are_refused_before_reaching_the_card(string body, string detail)
    {
        var response = await _factory.PairedClient().PostAsync("/sign", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Unknown_module_is_a_503_in_french()
    {
        using var factory = new CardReaderFactory(CpsSupport.CardReader.Pkcs11.Pkcs11CardReader.ForLibrary("/opt/santesocial/CPS/lib/libcps3_pkcs11_lux.so"));
        var client = factory.PairedClient();

        var status = await client.GetFromJsonAsync<ReaderStatus>("/status");
        var card = await client.GetAsync("/card");

        Assert.False(status!.ModuleLoaded);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, card.StatusCode);
        var problem = await card.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Module de lecture de carte introuvable", problem!.Title);
        Assert.StartsWith("Module PKCS#11 introuvable : /opt/santesocial/CPS/lib/libcps3_pkcs11_lux.so.", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_removed_mid_read_is_a_409_test_double()
    {
        using var factory = new CardReaderFactory(_hsm.Reader(Pkcs11Double.RemovedDuringRead));

        var response = await factory.PairedClient().GetAsync($"/card?slotId={_hsm["valide"].SlotId}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Carte retirée", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [Fact]
    public async Task No_reader_is_a_french_404_test_double()
    {
        using var factory = new CardReaderFactory(_hsm.Reader(Pkcs11Double.NoReader));

        var response = await factory.PairedClient().GetAsync("/card");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
        Assert.Equal("Aucun lecteur de cartes", problem.Title);
        Assert.StartsWith("Aucun lecteur de cartes détecté", problem.Detail, StringComparison.Ordinal);
    }
}
