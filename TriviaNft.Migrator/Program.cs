using TriviaNft.Migrator.Cli;
using TriviaNft.Migrator.Lambda;
using TriviaNft.Migrator.Worker;

// Lambda (as `bootstrap` of a custom runtime), worker mode (no command: how the Aspire AppHost starts us),
// or the CLI contract.
return LambdaHost.IsLambda ? await LambdaHost.RunAsync()
    : args.Length == 0 ? await MigrationWorkerHost.RunAsync(args)
    : await MigratorCli.RunAsync(args, Console.Out, Console.Error);
