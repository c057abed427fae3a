using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// The real application on Kestrel (a browser needs a socket, not the in-memory TestServer), on a free loopback port,
/// against the given database, without demo data or background jobs.
/// </summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;

    public KestrelAppFactory(string connectionString)
    {
        _connectionString = connectionString;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>
    /// Trust anchor of the server's card verification: the simulated reader of <see cref="CardReaderModuleProcess"/>
    /// writes its test authority there; read at the first verification only.
    /// </summary>
    public string SimulatorCaPath { get; } = Path.Combine(Path.GetTempPath(), $"e2e-simulator-ca-{Guid.NewGuid():N}.pem");

    /// <summary>The address Kestrel listens on, such as http://127.0.0.1:41234; available once the server is started.</summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development keeps the static web assets (MudBlazor, blazor.web.js) served from the build output.
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Cps", _connectionString);
        builder.UseSetting("LocalDefaults:Enabled", "false");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("CardVerification:Environment", "Test");
        builder.UseSetting("CardVerification:TrustAnchorFiles:0", SimulatorCaPath);
        builder.ConfigureLogging(logging => logging
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
    }
}
