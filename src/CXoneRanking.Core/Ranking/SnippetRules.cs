namespace CXoneRanking.Ranking;

/// <summary>
/// The assist engine's constraints on one snippet (SPEC section 3). Each check returns the
/// problem in words, or null; the row reader and the engine share them so both say the same.
/// </summary>
internal static class SnippetRules
{
    public const int MaxSnippetIdLength = 128;
    public const int MinWindow = 1;
    public const int MaxWindow = 50;
    public const int DefaultWindow = 10;

    public static string? SnippetIdProblem(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "the snippet id is empty";
        if (id!.Length > MaxSnippetIdLength)
            return $"the snippet id is {id.Length} characters long; at most {MaxSnippetIdLength} are allowed";
        foreach (var c in id)
            if (char.IsControl(c))
                return $"the snippet id contains the control character U+{(int)c:X4}";
        return null;
    }

    public static string? SessionIdProblem(string id)
    {
        if (id.Trim().Length == 0) return "the session id is blank";
        // URL resolution would turn "." or ".." into a step up the path, even percent-escaped.
        if (id is "." or "..") return $"the session id '{id}' cannot be sent as a URL path segment";
        foreach (var c in id)
            if (char.IsControl(c))
                return $"the session id contains the control character U+{(int)c:X4}";
        return null;
    }

    public static string? RelevanceProblem(double score) =>
        IsFinite(score) && score >= 0.0 && score <= 1.0
            ? null
            : $"relevance score {ScoreFormat.Raw(score)} is outside [0, 1]";

    public static string? BoostProblem(double factor) =>
        IsFinite(factor) && factor > 0.0 && factor <= BoostDirective.MaxFactor
            ? null
            : $"boost factor {ScoreFormat.Raw(factor)} is outside (0, 10]";

    public static string? WindowProblem(int window) =>
        window is >= MinWindow and <= MaxWindow
            ? null
            : $"max result window {window} is outside {MinWindow}..{MaxWindow}";

    public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
}
