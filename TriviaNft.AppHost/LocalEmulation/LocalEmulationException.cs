namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// The local emulation cannot start as configured (an invalid setting, a state folder that is not ours).
/// Program.cs prints its message alone: it is a set-up problem, not a bug, and a stack trace would hide it.
/// </summary>
internal sealed class LocalEmulationException(string message) : Exception(message);
