namespace CpsSupport.Bench;

/// <summary>
/// Our switches (--quick, --reload, --plans, --data DIR, --tickets-api [FILTER], --tickets N); everything else goes to
/// BenchmarkDotNet (--filter, --list, --exporters…), with <c>--filter *</c> when no filter is given.
/// </summary>
public sealed record BenchOptions(bool Quick, bool Reload, bool Plans, string DataFolder, IReadOnlyList<string> BenchmarkArguments)
{
    /// <summary>Run the ticket API benchmark (plain timer over HTTP) instead of BenchmarkDotNet.</summary>
    public bool TicketsApi { get; init; }
    /// <summary>Only the ticket endpoints whose name contains this text.</summary>
    public string? TicketsFilter { get; init; }
    public int Tickets { get; init; } = Data.TicketLoader.DefaultTickets;

    public string ArtifactsFolder => Path.Combine(DataFolder, "artifacts");

    public static BenchOptions Parse(string[] args)
    {
        bool quick = false, reload = false, plans = false;
        string? data = null, ticketsFilter = null;
        bool ticketsApi = false;
        var tickets = Data.TicketLoader.DefaultTickets;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--reload": reload = true; break;
                case "--plans": plans = true; break;
                case "--data" when i + 1 < args.Length: data = args[++i]; break;
                case "--tickets-api":
                    ticketsApi = true;
                    if (i + 1 < args.Length && !args[i + 1].StartsWith('-')) ticketsFilter = args[++i];
                    break;
                case "--tickets" when i + 1 < args.Length: tickets = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default: rest.Add(args[i]); break;
            }
        }
        // Without a filter BenchmarkDotNet asks which benchmark to run: never wait for a keyboard.
        if (!rest.Any(a => a is "--filter" or "-f" or "--list" or "--allCategories" or "--anyCategories" or "--help" or "-h"))
            rest.AddRange(["--filter", "*"]);
        return new BenchOptions(quick, reload, plans, Path.GetFullPath(data ?? DefaultDataFolder()), rest)
        {
            TicketsApi = ticketsApi, TicketsFilter = ticketsFilter, Tickets = tickets,
        };
    }

    /// <summary><c>.local/bench</c> of the checkout (git-ignored), found from the binaries upwards.</summary>
    private static string DefaultDataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CpsSupport.sln"))) return Path.Combine(dir.FullName, ".local", "bench");
        }
        return Path.Combine(Directory.GetCurrentDirectory(), ".local", "bench");
    }
}
