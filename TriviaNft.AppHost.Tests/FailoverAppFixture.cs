using TriviaNft.AppHost.Tests.Infrastructure;

namespace TriviaNft.AppHost.Tests;

/// <summary>
/// An AppHost of its own for the failover commands, which swap servers' roles and restart the proxy: the shared
/// <see cref="AppHostFixture"/> that other tests use is never disturbed.
/// </summary>
public sealed class FailoverAppFixture : IAsyncLifetime
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"trivianft-failover-{Guid.NewGuid():N}");
    private DistributedApplication? _app;

    /// <summary>The running app.</summary>
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    internal TestSecrets Secrets { get; } = TestSecrets.Create();

    /// <summary>A connection string the AppHost hands to projects.</summary>
    public async Task<string> ConnectionStringAsync(string name) =>
        await App.GetConnectionStringAsync(name).AsTask().WaitAsync(TestStack.WaitTimeout)
        ?? throw new InvalidOperationException($"{name} has no connection string.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _app = await TestStack.StartAsync(_stateDirectory, Secrets, enableDashboard: false);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().AsTask().WaitAsync(TestStack.StopTimeout);
        }

        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }
}

/// <summary>Tests that run the failover commands on their own AppHost.</summary>
[CollectionDefinition(Name)]
public sealed class FailoverAppCollection : ICollectionFixture<FailoverAppFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "failover-app";
}
