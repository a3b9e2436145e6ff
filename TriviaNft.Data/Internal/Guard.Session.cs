using System.Text.RegularExpressions;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Redis.Sessions;

namespace TriviaNft.Data.Internal;

// The session handle a caller hands back on every step. Its token is only ever compared inside a Lua script,
// but a malformed one (empty, a megabyte, null) is a forged or corrupted handle: refused here, before Redis.
internal static partial class Guard
{
    /// <summary>A complete handle: all three ids set and the 32-hex-character token the start issued.</summary>
    public static SessionHandle Session(SessionHandle? handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        Id(handle.PlayerId, "players.id", "The player id");
        Id(handle.SessionId, "sessions.id", "The session id");
        Id(handle.CategoryId, "session.category_id", "The session's category id");
        if (handle.Token is null || !SessionTokenPattern().IsMatch(handle.Token))
        {
            throw new DataValidationException("session.token", "The session token is the 32 lowercase hex characters the start returned.");
        }

        return handle;
    }

    [GeneratedRegex(@"^[0-9a-f]{32}\z")]
    private static partial Regex SessionTokenPattern();
}
