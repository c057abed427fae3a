using System.Net;
using System.Text.Json.Serialization;
using CpsSupport.CardReader.Events;
using CpsSupport.CardReader.Http;
using CpsSupport.CardReader.Pkcs11;
using CpsSupport.CardReader.Simulation;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CpsSupport.CardReader;

/// <summary>
/// The card-reading module: a minimal API on 127.0.0.1 only, called by the back office page in the agent's browser
/// (CORS for that origin only, pairing token on every call). Endpoints: GET /status, GET /card, POST /sign,
/// GET /events (server-sent events), and in simulation GET /simulation/cards, POST /simulation/insert|remove.
/// </summary>
public static class CardReaderApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(CardReaderOptions.Section).Get<CardReaderOptions>() ?? new CardReaderOptions();
        builder.Services.Configure<CardReaderOptions>(builder.Configuration.GetSection(CardReaderOptions.Section));

        // Loopback only, whatever --urls or ASPNETCORE_URLS say: explicit endpoints override them.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var store = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "CpsSupport.CardReader");
        var pairing = PairingToken.Resolve(options, store, out var generatedFile);
        builder.Services.AddSingleton(pairing);
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (options.UseSimulator)
        {
            builder.Services.AddSingleton<SimulatedCards>();
            builder.Services.AddSingleton<SimulatedCardReader>();
            builder.Services.AddSingleton<ICardReader>(sp => sp.GetRequiredService<SimulatedCardReader>());
        }
        else
        {
            builder.Services.AddSingleton<ICardReader>(_ => Pkcs11CardReader.ForLibrary(options.LibraryPath));
        }
        builder.Services.AddSingleton<CardWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CardWatcher>());

        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (!string.IsNullOrWhiteSpace(options.AllowedOrigin))
                policy.WithOrigins(options.AllowedOrigin.TrimEnd('/')).WithMethods("GET", "POST").WithHeaders("Content-Type", PairingTokenMiddleware.HeaderName);
        }));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<CardReaderExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.RequestBody
                                    | HttpLoggingFields.ResponsePropertiesAndHeaders | HttpLoggingFields.Duration;
            logging.RequestBodyLogLimit = 4096;
            logging.CombineLogs = true;
        });
        builder.Services.AddHttpLoggingInterceptor<PinRedactingInterceptor>();

        var app = builder.Build();
        if (generatedFile is not null)
            app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"Jeton d'appairage du module (à saisir dans l'application) : fichier {generatedFile}"));
        if (options.UseSimulator && !string.IsNullOrWhiteSpace(options.SimulatorCaExportPath))
        {
            var cards = app.Services.GetRequiredService<SimulatedCards>();
            File.WriteAllText(options.SimulatorCaExportPath, cards.TestAuthority.ExportCertificatePem());
        }

        app.UseHttpLogging();
        app.UseExceptionHandler();
        app.UseMiddleware<PrivateNetworkAccessMiddleware>();
        app.UseCors();
        app.UseMiddleware<PairingTokenMiddleware>();
        MapEndpoints(app, options);
        return app;
    }

    private static void MapEndpoints(WebApplication app, CardReaderOptions options)
    {
        app.MapGet("/status", (ICardReader reader, CancellationToken ct) => reader.GetStatusAsync(ct));
        app.MapGet("/card", (ulong? slotId, ICardReader reader, CancellationToken ct) => reader.ReadCardAsync(slotId, ct));
        app.MapPost("/sign", async (HttpRequest request, ICardReader reader, CancellationToken ct) =>
        {
            using var sign = await SignRequest.ReadAsync(request, ct);
            return await reader.SignAsync(sign.SlotId, sign.Challenge, sign.Pin, ct);
        });
        app.MapGet("/events", (CardWatcher watcher, CancellationToken ct) => TypedResults.ServerSentEvents(watcher.SubscribeAsync(ct), eventType: "card"));

        if (!options.UseSimulator) return;
        app.MapGet("/simulation/cards", (SimulatedCardReader reader) => reader.Cards.Cards.Select(c => new
        {
            c.Key, c.Label, c.ExpectedVerdict, c.SerialNumber, c.RegistryHint, Inserted = reader.Inserted?.Key == c.Key,
        }));
        app.MapPost("/simulation/insert/{key}", (string key, SimulatedCardReader reader) => new { reader.Insert(key).Key });
        app.MapPost("/simulation/remove", (SimulatedCardReader reader) =>
        {
            reader.Remove();
            return TypedResults.NoContent();
        });
    }
}
