using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// A rule set as the audit log records it (docs/audit-log.md#how-a-ranking-came-to-be): the rules as a directive file holds
/// them, compact JSON in the order they apply, and the SHA-256 of those bytes, which ranking entries reference. Any rule is
/// recordable, an unsound one too (it made its sessions invalid, and replaying them must say so again): a factor that is
/// not a finite number is written as a string, and text that is not valid Unicode with U+FFFD.
/// </summary>
internal sealed class DirectiveSet
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // A run ranks thousands of sessions with one or two sets (an experiment's arms): hashed once each, not once per session.
    private static readonly Dictionary<string, DirectiveSet> Recent = new(StringComparer.Ordinal);
    private const int RecentLimit = 64;

    private DirectiveSet(string json, string hash, IReadOnlyList<BoostDirective> rules)
    {
        Json = json;
        Hash = hash;
        Rules = rules;
    }

    /// <summary>The rules' compact JSON array, as written in a ranking.directives entry.</summary>
    public string Json { get; }

    /// <summary>SHA-256 lowercase hex of <see cref="Json"/>'s UTF-8 bytes.</summary>
    public string Hash { get; }

    public IReadOnlyList<BoostDirective> Rules { get; }

    /// <summary>The set of <paramref name="rules"/>; null for none (ranking entries then have no directive_set).</summary>
    public static DirectiveSet? Of(IReadOnlyList<BoostDirective> rules)
    {
        if (rules is null || rules.Count == 0) return null;
        var json = ToJson(rules);
        lock (Recent)
        {
            if (Recent.TryGetValue(json, out var known)) return known;
            var set = new DirectiveSet(json, HashOf(json), rules.ToList());
            if (Recent.Count >= RecentLimit) Recent.Clear();
            Recent.Add(json, set);
            return set;
        }
    }

    /// <summary>A set read back from the log: <paramref name="json"/> as stored; its hash is computed, not taken on trust.</summary>
    /// <exception cref="FormatException">The text is not an array of rules.</exception>
    public static DirectiveSet Read(string json) => new(json, HashOf(json), DirectiveSetJson.ReadRules(json));

    public static string HashOf(string json)
    {
        using var sha = SHA256.Create();
        return Hex.Lower(sha.ComputeHash(Encoding.UTF8.GetBytes(json)));
    }

    private static string ToJson(IReadOnlyList<BoostDirective> rules)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact)) DirectiveSetJson.WriteRules(json, rules);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
