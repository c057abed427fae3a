using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CpsSupport.CardReader.Tests.Http;

/// <summary>The real Kestrel of the module: 127.0.0.1 only, even when asked to listen everywhere.</summary>
public class LoopbackBindingTests
{
    [Fact]
    public async Task Module_listens_on_loopback_only_whatever_the_urls_say()
    {
        var port = FreePort();
        await using var app = CardReaderApp.Create(
            ["--urls", $"http://0.0.0.0:{FreePort()}", $"--CardReader:Port={port}", "--CardReader:PairingToken=t", "--CardReader:UseSimulator=true", "--environment=Production"]);
        await app.StartAsync();
        try
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            Assert.Equal([$"http://127.0.0.1:{port}"], addresses);
            using var client = new HttpClient();
            client.DefaultRequestHeaders.Add("X-Pairing-Token", "t");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"http://127.0.0.1:{port}/status")).StatusCode);
            var external = Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
            if (external is not null)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(external, port));
            }
        }
        finally
        {
            await app.StopAsync();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
