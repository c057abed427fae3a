using CpsSupport;
using CpsSupport.Web.Components;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

var connectionString = builder.Configuration.GetConnectionString("Cps")
    ?? throw new InvalidOperationException("ConnectionStrings:Cps is not configured.");
builder.Services.AddCpsSupport(connectionString);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();

app.UseStaticFiles();
app.UseAntiforgery();
app.MapGet("/health", () => "Healthy");
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
