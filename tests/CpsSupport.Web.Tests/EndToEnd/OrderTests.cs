using System.Text.RegularExpressions;
using CpsSupport.Data;
using CpsSupport.Features.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// Card orders in the browser: a mandatary orders two CPE, an agent validates, the mandatary sees the new status. The
/// mandatary's own active card (a prerequisite of F301) is created for the test and removed after it, so the seeded card
/// counts other browser tests check stay as they are; the order makes no card before production.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OrderTests(AppServerFixture app)
{
    [Fact]
    public async Task Mandatary_orders_two_CPE_agent_validates_mandatary_sees_the_new_status()
    {
        var mandataryCard = await GiveMandataryACardAsync();
        try
        {
            await using var mandatary = await app.NewSessionAsync(TestAccount.Mandatary);
            var page = mandatary.Page;
            await mandatary.GotoAsync("/commandes/nouvelle");
            await Expect(page.GetByTestId("order-card-type")).ToContainTextAsync("Carte de personnel d’établissement");
            await page.GetByTestId("line-1-last").FillAsync("Lemoine");
            await page.GetByTestId("line-1-first").FillAsync("Inès");
            await page.GetByTestId("line-1-profession").FillAsync("Agent d'accueil");
            await page.GetByTestId("add-line").ClickAsync();
            await page.GetByTestId("line-2-last").FillAsync("Carpentier");
            await page.GetByTestId("line-2-first").FillAsync("Noé");
            await page.GetByTestId("line-2-profession").FillAsync("Secrétaire médical");
            await page.GetByTestId("submit-order").ClickAsync();

            await page.WaitForURLAsync(new Regex("/commandes/[0-9a-f-]{36}$"));
            var orderPath = mandatary.CurrentPath;
            await Expect(page.GetByTestId("line-status")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("line-status").First).ToHaveTextAsync("Soumise");
            await mandatary.ScreenshotAsync("order-submitted");

            await using (var agent = await app.NewSessionAsync(TestAccount.Agent))
            {
                await agent.GotoAsync("/commandes");
                await Expect(agent.Page.GetByTestId("validation-queue")).ToContainTextAsync(SeededRegistry.StructureAName);
                await agent.GotoAsync(orderPath);
                await agent.Page.GetByTestId("validate-order").ClickAsync();
                await Expect(agent.Page.GetByTestId("request-status")).ToHaveTextAsync("Validée");
                await agent.AssertNoErrorsAsync();
            }

            await mandatary.GotoAsync(orderPath);
            await Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Validée");
            await Expect(page.GetByTestId("line-status")).ToHaveTextAsync(["Validée", "Validée"]);
            await Expect(page.GetByTestId("line-1")).ToContainTextAsync("prévu le");
            await mandatary.ScreenshotAsync("order-validated");
            await mandatary.AssertNoErrorsAsync();
        }
        finally
        {
            await RemoveCardAsync(mandataryCard);
        }
    }

    private async Task<Guid> GiveMandataryACardAsync()
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CpsDbContext>>().CreateDbContextAsync();
        var card = new Card
        {
            Type = CardType.Cpe, SerialNumber = "2599" + Random.Shared.Next(100_000, 999_999), HolderId = app.Registry.MandataryPersonA,
            StructureId = null, Status = CardStatus.Active,
        };
        db.Cards.Add(card);
        await db.SaveChangesAsync();
        return card.Id;
    }

    private async Task RemoveCardAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CpsDbContext>>().CreateDbContextAsync();
        await db.Cards.Where(c => c.Id == id).ExecuteDeleteAsync();
    }
}
