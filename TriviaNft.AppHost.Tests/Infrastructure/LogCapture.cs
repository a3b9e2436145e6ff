using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TriviaNft.AppHost.Tests.Infrastructure;

/// <summary>
/// Keeps every log line the AppHost itself writes (all categories, from Debug up: more than a developer's console
/// shows), with its exception, for the secrets scan. The test's own console filters do not apply to it.
/// </summary>
[ProviderAlias("SecretsCapture")]
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Every line so far, as "category: message" plus the exception.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{category}: {formatter(state, exception)}{(exception is null ? string.Empty : Environment.NewLine + exception)}");
            }
        }
    }
}
