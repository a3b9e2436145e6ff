using TriviaNft.Migrator.Cli;
using TriviaNft.Migrator.Worker;

// No command: worker mode (the Aspire AppHost starts us like this). Otherwise: the CLI contract.
return args.Length == 0
    ? await MigrationWorkerHost.RunAsync(args)
    : await MigratorCli.RunAsync(args, Console.Out, Console.Error);
