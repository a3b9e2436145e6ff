using Npgsql;

namespace TriviaNft.AppHost.Tests.Infrastructure;

/// <summary>
/// One started AppHost shared by every test of the <see cref="AppHostCollection"/>: fresh state in a temp
/// folder, the dashboard on (for the browser test), migrations applied. Tests create their own rows and keys.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"trivianft-apphost-{Guid.NewGuid():N}");
    private DistributedApplication? _app;

    /// <summary>The running app.</summary>
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    internal TestSecrets Secrets { get; } = TestSecrets.Create();

    /// <summary>Every log line and telemetry export of this stack since before it started.</summary>
    internal StackCapture Capture { get; } = new();

    /// <summary>A connection string the AppHost hands to projects, e.g. <c>trivia-db</c>.</summary>
    public async Task<string> ConnectionStringAsync(string name) =>
        await App.GetConnectionStringAsync(name).AsTask().WaitAsync(TestStack.WaitTimeout)
        ?? throw new InvalidOperationException($"{name} has no connection string.");

    /// <summary>A data source over one of the AppHost's PostgreSQL connection strings.</summary>
    public async Task<NpgsqlDataSource> DataSourceAsync(string name) =>
        NpgsqlDataSource.Create(await ConnectionStringAsync(name));

    /// <inheritdoc />
    public async Task InitializeAsync() => _app = await TestStack.StartAsync(_stateDirectory, Secrets, enableDashboard: true, Capture);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().AsTask().WaitAsync(TestStack.StopTimeout);
        }

        await Capture.DisposeAsync();

        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }
}

/// <summary>Tests that share the one started AppHost.</summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "apphost";
}
