using System.CommandLine;
using Microsoft.Extensions.Configuration;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Migrator.Cli;

/// <summary>
/// The command-line contract scripts rely on:
/// <c>&lt;up|down|redo|status|verify|mark-applied&gt; [--connection CONN] [--migrations-dir DIR] [--count N]
/// [--to NAME] [--dry-run] [--json] [--lock-timeout SECONDS]</c>, exit codes as in <see cref="ExitCodes"/>.
/// </summary>
public static class MigratorCli
{
    /// <summary>Runs the CLI and returns the process exit code.</summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null,
        CancellationToken cancellationToken = default)
    {
        configuration ??= new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var options = new CliOptions();
        var root = new RootCommand("Applies the TriviaNFT schema migrations (node-pg-migrate compatible).");
        foreach (var option in options.Global)
        {
            root.Options.Add(option);
        }

        var console = new CliConsole(output);
        root.Subcommands.Add(Command("up", "Apply pending migrations (all, or --count/--to).", options, withTarget: true,
            async (runner, parse, ct) => console.Summary("applied", await runner.UpAsync(options.Target(parse), ct).ConfigureAwait(false))));
        root.Subcommands.Add(Command("down", "Roll back applied migrations, newest first (default 1; --to keeps NAME).", options, withTarget: true,
            async (runner, parse, ct) => console.Summary("rolled back", await runner.DownAsync(options.Target(parse), ct).ConfigureAwait(false))));
        root.Subcommands.Add(Command("redo", "Roll back and re-apply the last migrations (default 1).", options, withTarget: false,
            async (runner, parse, ct) => console.Summary("redone", await runner.RedoAsync(parse.GetValue(options.Count) ?? 1, ct).ConfigureAwait(false))));
        root.Subcommands.Add(Command("mark-applied", "Record pending migrations as applied without running them (adopt an existing database).", options, withTarget: true,
            async (runner, parse, ct) => console.Summary("marked as applied", await runner.MarkAppliedAsync(options.Target(parse), ct).ConfigureAwait(false))));
        root.Subcommands.Add(Command("status", "List every migration with its state and checksum (--json for scripts).", options, withTarget: false,
            async (runner, parse, ct) => console.Status(await runner.StatusAsync(ct).ConfigureAwait(false), parse.GetValue(options.Json))));
        root.Subcommands.Add(Command("verify", "Check the history against the files; exit 4 on any problem.", options, withTarget: false,
            async (runner, _, ct) =>
            {
                await runner.VerifyAsync(ct).ConfigureAwait(false);
                await output.WriteLineAsync("Migrations verified: history and files agree.").ConfigureAwait(false);
            }));
        root.Subcommands.Add(LeaderboardRebuildCommand.Create(options, configuration, output, error));
        root.Subcommands.Add(JobsCommand.Create(options, configuration, output, error));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync(parseError.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
            return ExitCodes.Configuration;
        }

        if (parse.CommandResult.Command == root && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            await error.WriteLineAsync("A command is required: up, down, redo, status, verify, mark-applied, rebuild-leaderboards or jobs.").ConfigureAwait(false);
            return ExitCodes.Configuration;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (MigrationException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }

        Command Command(string name, string description, CliOptions opts, bool withTarget,
            Func<MigrationRunner, ParseResult, CancellationToken, Task> action)
        {
            var command = new Command(name, description);
            if (withTarget || name == "redo")
            {
                command.Options.Add(opts.Count);
            }

            if (withTarget)
            {
                command.Options.Add(opts.To);
            }

            command.SetAction(async (parseResult, ct) =>
            {
                var runner = new MigrationRunner(opts.Runner(parseResult, configuration), console.Progress);
                await action(runner, parseResult, ct).ConfigureAwait(false);
                return ExitCodes.Ok;
            });
            return command;
        }
    }
}
