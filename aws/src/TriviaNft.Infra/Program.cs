using Amazon.CDK;
using TriviaNft.Infra;

var app = new App();
var environment = DataStackEnvironment.FromName(app.Node.TryGetContext(DataStackEnvironment.ContextKey) as string);

_ = new DataStack(app, environment.StackName, new DataStackProps
{
    Environment = environment,
    MigrationBundleDirectory = app.Node.TryGetContext(DataStack.MigrationBundleContextKey) as string,
    Env = DeploymentTarget(),
});

app.Synth();

// The CLI's account and region when it has credentials; without them (offline synth) the CLI still reports a
// default region, and pinning the template to it would be arbitrary, so the stack stays environment-agnostic.
static Amazon.CDK.Environment? DeploymentTarget() =>
    (System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
        System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION")) is ({ Length: > 0 } account, { Length: > 0 } region)
        ? new Amazon.CDK.Environment { Account = account, Region = region }
        : null;
