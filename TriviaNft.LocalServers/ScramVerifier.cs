using System.Security.Cryptography;
using System.Text;

namespace TriviaNft.LocalServers;

/// <summary>
/// Builds the SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677, as <c>pg_authid</c>
/// holds it), so a password can be set with <c>ALTER ROLE … PASSWORD '&lt;verifier&gt;'</c> without the clear
/// text ever reaching the server, its logs or an error message.
/// </summary>
public static class ScramVerifier
{
    private const int Iterations = 4096; // PostgreSQL's default scram_iterations
    private const int SaltLength = 16;

    /// <summary>The verifier <c>SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey</c> for <paramref name="password"/>.</summary>
    public static string Create(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = RandomNumberGenerator.GetBytes(SaltLength);

        // PostgreSQL applies SASLprep, whose core for ordinary passwords is NFKC normalisation.
        var normalized = Encoding.UTF8.GetBytes(password.Normalize(NormalizationForm.FormKC));
        var saltedPassword = Rfc2898DeriveBytes.Pbkdf2(normalized, salt, Iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(saltedPassword, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(saltedPassword, "Server Key"u8);

        return $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
