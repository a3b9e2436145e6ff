using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Npgsql;
using StackExchange.Redis;
using TriviaNft.Data;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Redis.Connection;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Migrator.Cli;

/// <summary>
/// <c>rebuild-leaderboards</c>: after a database restore or a Redis wipe, rebuilds every season's global and
/// category boards from PostgreSQL (the source of truth), each swapped in atomically. PostgreSQL comes from
/// <c>--connection</c> / <c>DATABASE_URL</c> like the other commands, Redis from <c>REDIS_URL</c>: passwords stay
/// out of the command line.
/// </summary>
internal static class LeaderboardRebuildCommand
{
    private const string SeasonsSql = "SELECT id FROM seasons ORDER BY starts_at, id";
    private const string CategoriesSql = "SELECT id FROM categories ORDER BY id";

    public static Command Create(CliOptions options, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var command = new Command("rebuild-leaderboards",
            "Rebuild every season's Redis leaderboards (global and per category) from PostgreSQL; Redis from REDIS_URL.");
        // The trimmed Lambda bundle (the same program) must not carry the stores' Dapper code, which is not
        // trimming-safe. A trimmed publish turns this System.Text.Json feature switch off, so the trimmer removes
        // the rebuild branch from the bundle (a plain conditional, outside any async state machine, so it can);
        // everywhere else (dotnet run, the built dll) the switch is on.
        command.SetAction((parse, ct) => JsonSerializer.IsReflectionEnabledByDefault
            ? RunAsync(parse.GetValue(options.Connection), configuration, output, error, ct)
            : NotInTheBundleAsync(error));
        return command;
    }

    private static async Task<int> RunAsync(
        string? connectionOption, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var connection = MigratorConnection.Resolve(connectionOption, configuration);
        var redisUrl = configuration["REDIS_URL"] ?? Environment.GetEnvironmentVariable("REDIS_URL");
        if (string.IsNullOrWhiteSpace(redisUrl))
        {
            throw new MigrationConfigurationException("No Redis: set REDIS_URL (a redis:// URL, or a StackExchange.Redis configuration string).");
        }

        try
        {
            await RebuildAllAsync(connection, TriviaNftRedis.ParseConfiguration(redisUrl), output, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is NpgsqlException or RedisException or TimeoutException or TriviaNftDataException)
        {
            // The messages name hosts and ports, never the passwords of either connection (tests/Secrets check).
            var cause = ex.InnerException is { } inner ? $" ({inner.GetType().Name}: {inner.Message})" : string.Empty;
            await error.WriteLineAsync($"Leaderboard rebuild failed: {ex.GetType().Name}: {ex.Message}{cause}").ConfigureAwait(false);
            return ExitCodes.MigrationFailed;
        }
    }

    private static async Task<int> NotInTheBundleAsync(TextWriter error)
    {
        await error.WriteLineAsync("rebuild-leaderboards is not part of the trimmed Lambda bundle: run it from the repository.").ConfigureAwait(false);
        return ExitCodes.Configuration;
    }

    private static async Task RebuildAllAsync(string connection, ConfigurationOptions redis, TextWriter output, CancellationToken ct)
    {
        var database = TriviaNftDataSources.FromConnectionStrings(connection);
        await using var writer = database.Writer;
        using var multiplexer = await TriviaNftRedis.ConnectAsync(redis).ConfigureAwait(false);
        var rebuilder = new RedisLeaderboardRebuilder(multiplexer, database);
        var seasons = await ReadAsync<string>(writer, SeasonsSql, ct).ConfigureAwait(false);
        var categories = await ReadAsync<Guid>(writer, CategoriesSql, ct).ConfigureAwait(false);
        long entries = 0;
        var boards = 0;
        foreach (var season in seasons)
        {
            foreach (var board in categories.Select(c => LeaderboardId.Category(season, c)).Prepend(LeaderboardId.Global(season)))
            {
                var result = await rebuilder.RebuildAsync(board, ct).ConfigureAwait(false);
                entries += result.Count;
                boards++;
                if (result.Count > 0)
                {
                    await output.WriteLineAsync($"rebuilt {board}: {result.Count} entries in {result.Elapsed.TotalMilliseconds:0} ms").ConfigureAwait(false);
                }
            }
        }

        await output.WriteLineAsync($"Leaderboards rebuilt: {boards} boards of {seasons.Count} seasons, {entries} entries.").ConfigureAwait(false);
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource source, string sql, CancellationToken ct)
    {
        await using var command = source.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var values = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
