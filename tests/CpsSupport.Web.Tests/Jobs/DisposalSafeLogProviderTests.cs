using CpsSupport.Web.Jobs;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Logging;

namespace CpsSupport.Web.Tests.Jobs;

public sealed class DisposalSafeLogProviderTests
{
    [Fact]
    public void A_stopped_hosts_logger_factory_drops_hangfire_log_lines_instead_of_failing_the_caller()
    {
        var factory = LoggerFactory.Create(_ => { });
        var plain = new AspNetCoreLogProvider(factory);
        var safe = new DisposalSafeLogProvider(plain);
        var before = safe.GetLogger("Hangfire.Test");
        factory.Dispose();

        // What another host's request hit in the tests: Hangfire's own provider throws once the factory is gone.
        Assert.Throws<ObjectDisposedException>(() => plain.GetLogger("Hangfire.Client"));
        var after = safe.GetLogger("Hangfire.Client");
        Assert.False(after.Log(Hangfire.Logging.LogLevel.Error, () => "dropped", null!));
        before.Log(Hangfire.Logging.LogLevel.Error, () => "dropped", null!);
    }

    [Fact]
    public void While_the_host_runs_log_lines_reach_its_loggers()
    {
        var lines = new List<string>();
        using var factory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListProvider(lines)));
        var safe = new DisposalSafeLogProvider(new AspNetCoreLogProvider(factory));

        Assert.True(safe.GetLogger("Hangfire.Test").Log(Hangfire.Logging.LogLevel.Warn, () => "job retried", null!));
        Assert.Contains("job retried", lines);
    }

    private sealed class ListProvider(List<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => lines.Add(formatter(state, exception));
        public void Dispose() { }
    }
}
