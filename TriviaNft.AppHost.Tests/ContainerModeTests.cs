using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;

namespace TriviaNft.AppHost.Tests;

/// <summary>
/// The app model of each mode, built but not started: containers cannot run on this machine, so container
/// mode is checked for what it would run, and native mode for running no container at all.
/// </summary>
public sealed class ContainerModeTests : IDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"trivianft-model-{Guid.NewGuid():N}");

    private static readonly string[] ConnectionNames = [ResourceNames.TriviaDb, ResourceNames.TriviaDbReader, ResourceNames.TriviaDbAdmin, ResourceNames.Cache];

    [Fact]
    public async Task ContainerModeServesTheSameNamesFromPostgres15AndRedis70Images()
    {
        await using var builder = await CreateAsync("--LocalEmulation:Mode=Containers");

        var postgres = Assert.Single(builder.Resources.OfType<ContainerResource>(), r => r.Name == ResourceNames.Postgres);
        var redis = Assert.Single(builder.Resources.OfType<ContainerResource>(), r => r.Name == ResourceNames.Redis);
        Assert.Equal(("docker.io/library/postgres", "15"), Image(postgres));
        Assert.Equal(("docker.io/library/redis", "7.0"), Image(redis));
        // No executable but the rebuilders Aspire adds for the projects (the migrator and the jobs scheduler).
        var projects = builder.Resources.OfType<ProjectResource>().Select(p => p.Name).ToList();
        Assert.Equal([JobsBuilderExtensions.ResourceName, ResourceNames.Migrator], projects.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(builder.Resources.OfType<ExecutableResource>(), r => !projects.Any(p => r.Name == $"{p}-rebuilder"));
        Assert.All(ConnectionNames, name => Assert.Contains(builder.Resources.OfType<IResourceWithConnectionString>(), r => r.Name == name));
    }

    [Fact]
    public async Task NativeModeRunsNoContainerAndServesTheSameNames()
    {
        await using var builder = await CreateAsync();

        Assert.Empty(builder.Resources.OfType<ContainerResource>());
        Assert.Contains(builder.Resources.OfType<ExecutableResource>(), r => r.Name == ResourceNames.PostgresReader);
        Assert.All(ConnectionNames, name => Assert.Contains(builder.Resources.OfType<IResourceWithConnectionString>(), r => r.Name == name));
    }

    public void Dispose()
    {
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }

    private async Task<IDistributedApplicationTestingBuilder> CreateAsync(params string[] args) =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.TriviaNft_AppHost>(
            [$"--LocalEmulation:StateDirectory={_stateDirectory}", .. args]).WaitAsync(TestStack.WaitTimeout);

    private static (string Image, string? Tag) Image(ContainerResource container)
    {
        var image = container.Annotations.OfType<ContainerImageAnnotation>().Last();
        return ($"{image.Registry}/{image.Image}", image.Tag);
    }
}
