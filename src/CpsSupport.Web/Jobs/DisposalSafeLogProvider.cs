using Hangfire.Logging;

namespace CpsSupport.Web.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a static, so every host of the process shares the one configured last. When
/// that host stops (a test host, or this one during shutdown) its logger factory is disposed, and Hangfire creating a
/// logger for another host's job client would throw <see cref="ObjectDisposedException"/> and fail that host's
/// request. A disposed factory means nobody is listening: such log lines are dropped instead.
/// </summary>
public sealed class DisposalSafeLogProvider(ILogProvider inner) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new SafeLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new SafeLog(null);
        }
    }

    private sealed class SafeLog(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception exception)
        {
            if (inner is null) return false;
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
