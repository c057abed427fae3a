using System.Net;
using CpsSupport.Web.Tests.TestUtilities;

namespace CpsSupport.Web.Tests.Security;

/// <summary>Pro Santé Connect is off by default: its routes answer 404 and the sign-in page does not offer it.</summary>
[Collection(RegistryCollection.Name)]
public sealed class ProSanteConnectDisabledTests(RegistryScenario app)
{
    [Theory]
    [InlineData("/account/login/psc")]
    [InlineData("/account/login/psc?returnUrl=%2Fcartes")]
    [InlineData("/account/login/psc/callback")]
    public async Task Psc_routes_answer_404_when_psc_is_disabled(string url)
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_page_does_not_offer_psc_when_disabled()
    {
        using var client = app.CreateBrowserlessClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/connexion"));
        Assert.DoesNotContain("/account/login/psc", html);
        Assert.DoesNotContain("Pro Santé Connect", html);
    }
}
