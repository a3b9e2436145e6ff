namespace TriviaNft.AppHost.Cloud;

/// <summary>The AppHost cannot bind to the deployed stack; the message says what is missing and how to fix it.</summary>
internal sealed class CloudBindingException(string message) : Exception(message);
