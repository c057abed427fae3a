using CpsSupport.Features.Orders;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CpsSupport.Web.Features.Orders;

/// <summary>Bulk order by CSV: the file is checked line by line and shown with its errors; the order is filed only when every line is right, all at once.</summary>
public partial class OrderImportPage
{
    private List<StructureRow> _structures = [];
    private StructureRow? _structure;
    private FormCode _form = FormCode.F301;
    private byte[]? _content;
    private string? _fileName;
    private OrderImportPreview? _preview;
    private string? _error;
    private bool _busy;

    [Inject] private OrderImportService Import { get; set; } = default!;
    [Inject] private StructureService Structures { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _structures = (await Structures.SearchAsync(await GetScopeAsync(), new StructureQuery(), new PageRequest(0, 100), Cancellation)).Items.ToList();
        _structure = _structures.FirstOrDefault();
    }

    /// <summary>Portal users file for themselves (the service sets their capacity); the desk records a mailed file as its legal representative's.</summary>
    private NewOrder Order() => new(_structure!.Id, _form, RequestChannel.Portal, RequesterCapacity.Mandatary, []);

    private async Task OnFileAsync(InputFileChangeEventArgs args)
    {
        var file = args.File;
        _error = null;
        _preview = null;
        if (file is null || _structure is null) return;
        if (file.Size > OrderImportService.MaxFileBytes)
        {
            _error = $"Le fichier dépasse {OrderImportService.MaxFileBytes / 1024} Ko.";
            return;
        }
        using var buffer = new MemoryStream();
        await file.OpenReadStream(OrderImportService.MaxFileBytes, Cancellation).CopyToAsync(buffer, Cancellation);
        (_content, _fileName) = (buffer.ToArray(), file.Name);
        try
        {
            _preview = await Import.PreviewAsync(await GetScopeAsync(), Order(), new MemoryStream(_content), Cancellation);
        }
        catch (RequestException e)
        {
            _error = e.Message;
        }
    }

    private async Task ImportAsync()
    {
        if (_content is null) return;
        _busy = true;
        try
        {
            var outcome = await Import.ImportAsync(await GetScopeAsync(), Order(), new MemoryStream(_content), Cancellation);
            Navigation.NavigateTo($"/commandes/{outcome.RequestId}");
        }
        catch (OrderImportRejectedException e)
        {
            _preview = e.Preview;
            _error = e.Message;
        }
        catch (RequestException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
