namespace CXoneRanking.Ranking;

internal enum WildcardElementKind : byte
{
    Character,
    AnyCharacter,
    OneOf,
    AnyText,
}

/// <summary>
/// One step of a compiled wildcard pattern: one given character, any one character, one
/// character of a set, or any text (<c>*</c>). The matcher hands it input characters already
/// lowered with <see cref="char.ToLowerInvariant"/>, as PowerShell does before comparing.
/// </summary>
internal readonly struct WildcardElement
{
    private readonly char _lowered;
    private readonly WildcardCharacterSet? _set;

    private WildcardElement(WildcardElementKind kind, char lowered, WildcardCharacterSet? set)
    {
        Kind = kind;
        _lowered = lowered;
        _set = set;
    }

    public static WildcardElement AnyCharacter { get; } = new(WildcardElementKind.AnyCharacter, '\0', null);

    public static WildcardElement AnyText { get; } = new(WildcardElementKind.AnyText, '\0', null);

    public WildcardElementKind Kind { get; }

    public static WildcardElement Character(char c) => new(WildcardElementKind.Character, char.ToLowerInvariant(c), null);

    public static WildcardElement OneOf(WildcardCharacterSet set) => new(WildcardElementKind.OneOf, '\0', set);

    /// <summary>Whether this one-character step accepts <paramref name="lowered"/>; never true for <c>*</c>.</summary>
    public bool Accepts(char lowered) => Kind switch
    {
        WildcardElementKind.Character => lowered == _lowered,
        WildcardElementKind.AnyCharacter => true,
        WildcardElementKind.OneOf => _set!.Contains(lowered),
        _ => false,
    };
}
