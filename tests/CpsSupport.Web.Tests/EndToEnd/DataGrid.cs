using Microsoft.Playwright;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>The parts of a MudDataGrid the tests use, found by what the user sees (headers, pager text, French labels).</summary>
public sealed class DataGrid(IPage page, string testId)
{
    public ILocator Root { get; } = page.Locator($"[data-testid='{testId}']");

    /// <summary>Data rows only: their cells carry the column title in data-label, the "no records" row does not.</summary>
    public ILocator Rows => Root.Locator("tbody tr:has(td[data-label])");

    /// <summary>The pager's "1–25 sur 33".</summary>
    public ILocator PagerInfo => Root.Locator(".mud-table-pagination-caption").Last;

    public ILocator Cell(int row, string column) => Rows.Nth(row).Locator($"td[data-label='{column}']");

    public Task NextPageAsync() => Root.GetByRole(AriaRole.Button, new() { Name = "Page suivante" }).ClickAsync();

    public async Task SetPageSizeAsync(int size)
    {
        await Root.Locator(".mud-table-pagination-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = size.ToString(), Exact = true }).ClickAsync();
    }

    public Task SortByAsync(string column) =>
        Root.Locator(".sortable-column-header", new() { HasTextString = column }).ClickAsync();
}
