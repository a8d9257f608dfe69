using System.Security.Cryptography;
using System.Text;

namespace Search.Api.Hosting;

/// <summary>
/// The configured API keys, held as SHA-256 digests and compared in constant time: the comparison takes as long for a
/// wrong key as for a right one, and for every configured key, so timing tells nothing about them.
/// </summary>
internal sealed class ApiKeys
{
    public const string Header = "X-Api-Key";

    private readonly byte[][] _digests;

    public ApiKeys(IConfiguration configuration)
    {
        _digests = [.. (configuration.GetSection("ApiKeys").Get<string[]>() ?? [])
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))];
    }

    public bool AnyConfigured => _digests.Length > 0;

    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var valid = false;
        foreach (var known in _digests)
        {
            valid |= CryptographicOperations.FixedTimeEquals(digest, known);
        }

        return valid;
    }

    /// <summary>A stable, non-reversible name for a client that presents a key: its partition in the rate limiter.</summary>
    public static string ClientName(string key) => "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
}
