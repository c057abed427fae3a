using System.Net;
using System.Text.Json.Serialization;
using CpsSupport.CardReader.Events;
using CpsSupport.CardReader.Http;
using CpsSupport.CardReader.Pkcs11;
using CpsSupport.CardReader.Simulation;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        var section = builder.Configuration.GetSection(CardReaderOptions.Section);
        builder.Services.Configure<CardReaderOptions>(section);

        // Loopback only, whatever --urls or ASPNETCORE_URLS say: explicit endpoints override them.
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Listen(IPAddress.Loopback, context.Configuration.GetValue($"{CardReaderOptions.Section}:{nameof(CardReaderOptions.Port)}", 5090)));

        builder.Services.AddSingleton(sp => PairingToken.Resolve(Options(sp), TokenStore));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SimulatedCards>();
        builder.Services.AddSingleton<SimulatedCardReader>();
        builder.Services.AddSingleton<ICardReader>(sp => Options(sp) is { UseSimulator: true }
            ? sp.GetRequiredService<SimulatedCardReader>()
            : Pkcs11CardReader.ForLibrary(Options(sp).LibraryPath));
        builder.Services.AddSingleton<CardWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CardWatcher>());

        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<CardReaderOptions>>((cors, reader) => cors.AddDefaultPolicy(policy =>
        {
            if (!string.IsNullOrWhiteSpace(reader.Value.AllowedOrigin))
                policy.WithOrigins(reader.Value.AllowedOrigin.TrimEnd('/')).WithMethods("GET", "POST").WithHeaders("Content-Type", PairingTokenMiddleware.HeaderName);
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
        var options = Options(app.Services);
        if (string.IsNullOrWhiteSpace(options.PairingToken))
            app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"Jeton d'appairage du module (à saisir dans l'application) : fichier {Path.Combine(TokenStore, "pairing-token")}"));
        if (options.UseSimulator && !string.IsNullOrWhiteSpace(options.SimulatorCaExportPath))
            File.WriteAllText(options.SimulatorCaExportPath, app.Services.GetRequiredService<SimulatedCards>().TestAuthority.ExportCertificatePem());

        app.UseHttpLogging();
        app.UseExceptionHandler();
        app.UseMiddleware<PrivateNetworkAccessMiddleware>();
        app.UseCors();
        app.UseMiddleware<PairingTokenMiddleware>();
        MapEndpoints(app, options);
        return app;
    }

    private static string TokenStore =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "CpsSupport.CardReader");

    private static CardReaderOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<CardReaderOptions>>().Value;

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
