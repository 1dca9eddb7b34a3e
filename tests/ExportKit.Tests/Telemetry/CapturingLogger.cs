using Microsoft.Extensions.Logging;

namespace ExportKit.Tests.Telemetry;

/// <summary>A logger factory that keeps every message, for asserting what the engine logs.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    public List<(string Category, LogLevel Level, EventId EventId, string Message)> Messages { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (factory.Messages)
            {
                factory.Messages.Add((category, logLevel, eventId, formatter(state, exception)));
            }
        }
    }
}
