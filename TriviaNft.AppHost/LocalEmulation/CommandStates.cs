namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>When the local emulation's commands can run: on a resource that is running.</summary>
internal static class CommandStates
{
    public static ResourceCommandState WhenRunning(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;
}
