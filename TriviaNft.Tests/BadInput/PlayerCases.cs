using static TriviaNft.Tests.BadInput.BadInputKind;
using static TriviaNft.Tests.BadInput.Case;

namespace TriviaNft.Tests.BadInput;

/// <summary>Players: guest ids, stake keys, profiles.</summary>
internal static class PlayerCases
{
    // Valid but for the one thing each case breaks.
    private const string ValidStakeKey = "stake_test1uqfu74w3wh4gfzu8m6e7j987h4lq9r3t7ef5gaw497uu85qsqfy27";

    public static IEnumerable<BadInputCase> All() =>
    [
        Invalid(NullArgument, "guest id null", w => w.Players.GetOrCreateGuestAsync(null!), "anon_id"),
        Invalid(Size, "guest id empty", w => w.Players.GetOrCreateGuestAsync(""), "anon_id"),
        Invalid(Size, "guest id blank", w => w.Players.GetOrCreateGuestAsync("   "), "anon_id"),
        Invalid(Size, "guest id 65 characters", w => w.Players.GetOrCreateGuestAsync(new string('g', 65)), "anon_id"),
        Invalid(Size, "guest id of a megabyte", w => w.Players.GetOrCreateGuestAsync(Nasty.Megabyte), "anon_id"),
        Invalid(Unicode, "guest id with NUL", w => w.Players.GetOrCreateGuestAsync(Nasty.Nul), "anon_id"),
        Invalid(Unicode, "guest id with a lone high surrogate", w => w.Players.GetOrCreateGuestAsync(Nasty.LoneHighSurrogate), "anon_id"),
        Invalid(Unicode, "guest id with a lone low surrogate", w => w.Players.GetOrCreateGuestAsync(Nasty.LoneLowSurrogate), "anon_id"),
        Invalid(Unicode, "guest id with an RTL override", w => w.Players.GetOrCreateGuestAsync(Nasty.RtlOverride), "anon_id"),
        Invalid(Unicode, "guest id of zero-width characters", w => w.Players.GetOrCreateGuestAsync(Nasty.ZeroWidth), "anon_id"),
        Invalid(Unicode, "guest id of emoji", w => w.Players.GetOrCreateGuestAsync(Nasty.Emoji), "anon_id"),
        Invalid(Unicode, "guest id with a terminal escape", w => w.Players.GetOrCreateGuestAsync(Nasty.Escape), "anon_id"),
        Invalid(Injection, "guest id with SQL DROP", w => w.Players.GetOrCreateGuestAsync(Nasty.SqlDrop), "anon_id"),
        Invalid(Injection, "guest id with SQL tautology", w => w.Players.GetOrCreateGuestAsync(Nasty.SqlTautology), "anon_id"),

        Invalid(Identifier, "player by empty id", w => w.Players.GetByIdAsync(Guid.Empty), "players.id"),
        NotFound(ForeignId, "player by unknown id", w => w.Players.GetByIdAsync(Guid.NewGuid())),
        Invalid(Size, "player by empty stake key", w => w.Players.GetByStakeKeyAsync(""), "stake_key"),
        Invalid(NullArgument, "player by null stake key", w => w.Players.GetByStakeKeyAsync(null!), "stake_key"),
        Invalid(Injection, "player by stake key with SQL tautology", w => w.Players.GetByStakeKeyAsync(Nasty.SqlTautology), "stake_key"),
        Invalid(Injection, "player by stake key with SQL UNION", w => w.Players.GetByStakeKeyAsync("stake1" + Nasty.SqlUnion), "stake_key"),
        Invalid(Identifier, "player by upper-case stake key", w => w.Players.GetByStakeKeyAsync(ValidStakeKey.ToUpperInvariant()), "stake_key"),
        Invalid(Identifier, "player by stake key one character too long", w => w.Players.GetByStakeKeyAsync(ValidStakeKey + "qqqqqqqq"), "stake_key"),
        Invalid(Identifier, "player by payment address instead of stake key", w => w.Players.GetByStakeKeyAsync(
            "addr_test1qz2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3n0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgs68faae"), "stake_key"),
        Invalid(Unicode, "player by stake key with a trailing newline", w => w.Players.GetByStakeKeyAsync(ValidStakeKey + "\n"), "stake_key"),
        Invalid(Unicode, "player by stake key with NUL", w => w.Players.GetByStakeKeyAsync(ValidStakeKey[..20] + "\0" + ValidStakeKey[21..]), "stake_key"),
        Invalid(Unicode, "player by stake key with a Cyrillic look-alike", w => w.Players.GetByStakeKeyAsync(ValidStakeKey.Replace('a', 'а')), "stake_key"),

        Invalid(Identifier, "connect wallet of empty guest id", w => w.Players.ConnectWalletAsync(Guid.Empty, ValidStakeKey), "players.id"),
        NotFound(ForeignId, "connect wallet of unknown guest", w => w.Players.ConnectWalletAsync(Guid.NewGuid(), ValidStakeKey)),
        Invalid(Injection, "connect wallet with SQL in the stake key", w => w.Players.ConnectWalletAsync(w.Guest, "stake1" + Nasty.SqlDrop), "stake_key"),
        Invalid(Unicode, "connect wallet with a stake key ending in a newline", w => w.Players.ConnectWalletAsync(w.Guest, ValidStakeKey + "\n"), "stake_key"),
        Conflict(ForeignId, "connect wallet of a player holding another wallet", w => w.Players.ConnectWalletAsync(w.Wallet, ValidStakeKey), "players.already-connected"),

        Invalid(Size, "username of two characters", w => w.Players.UpdateProfileAsync(w.Guest, "ab", null), "chk_players_username_format"),
        Invalid(Size, "username of 51 characters", w => w.Players.UpdateProfileAsync(w.Guest, new string('u', 51), null), "chk_players_username_format"),
        Invalid(Unicode, "username with an RTL override", w => w.Players.UpdateProfileAsync(w.Guest, "alice" + Nasty.RtlOverride, null), "chk_players_username_format"),
        Invalid(Unicode, "username of emoji", w => w.Players.UpdateProfileAsync(w.Guest, "alice" + Nasty.Emoji, null), "chk_players_username_format"),
        Invalid(Unicode, "username with a trailing newline", w => w.Players.UpdateProfileAsync(w.Guest, "alice\n", null), "chk_players_username_format"),
        Invalid(Injection, "username with SQL DROP", w => w.Players.UpdateProfileAsync(w.Guest, Nasty.SqlDrop, null), "chk_players_username_format"),
        Invalid(Identifier, "email without an at sign", w => w.Players.UpdateProfileAsync(w.Guest, null, "not-an-email"), "chk_email_format"),
        Invalid(Size, "email of 255 characters", w => w.Players.UpdateProfileAsync(w.Guest, null, new string('e', 245) + "@example.com"), "chk_email_format"),
        Invalid(Unicode, "email with NUL", w => w.Players.UpdateProfileAsync(w.Guest, null, "a\0b@example.com"), "chk_email_format"),
        Invalid(Unicode, "email with a trailing newline", w => w.Players.UpdateProfileAsync(w.Guest, null, "alice@example.com\n"), "chk_email_format"),
        Invalid(Injection, "email with SQL", w => w.Players.UpdateProfileAsync(w.Guest, null, "x'--@example.com;DROP"), "chk_email_format"),
        Invalid(Identifier, "profile of empty player id", w => w.Players.UpdateProfileAsync(Guid.Empty, "alice", null), "players.id"),
        NotFound(ForeignId, "profile of unknown player", w => w.Players.UpdateProfileAsync(Guid.NewGuid(), "alice_unknown", null)),
        Invalid(Identifier, "touch of empty player id", w => w.Players.TouchAsync(Guid.Empty), "players.id"),
        NotFound(ForeignId, "touch of unknown player", w => w.Players.TouchAsync(Guid.NewGuid())),
    ];
}
