using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CpsSupport.CardReader.Tests.TestUtilities;

/// <summary>The module in memory, with a given reader (SoftHSM2 or simulator), origin and pairing token; logs are kept.</summary>
public sealed class CardReaderFactory(ICardReader? reader = null, bool simulator = false) : WebApplicationFactory<Program>
{
    public const string Origin = "https://cpssupport.example.test";
    public const string Token = "jeton-d-appairage-de-test";

    public CapturedLogs Logs { get; } = new();

    /// <summary>A client that sends the pairing token, as the back office page does.</summary>
    public HttpClient PairedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Pairing-Token", Token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("CardReader:PairingToken", Token);
        builder.UseSetting("CardReader:AllowedOrigin", Origin);
        builder.UseSetting("CardReader:UseSimulator", simulator ? "true" : "false");
        builder.UseSetting("CardReader:PollInterval", "00:00:00.050");
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.Trace);
        });
        if (reader is not null)
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(reader)));
    }
}

/// <summary>Every log line written by the module, rendered, for the PIN redaction checks.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category} {formatter(state, exception)} {structured} {exception}");
        }
    }
}
