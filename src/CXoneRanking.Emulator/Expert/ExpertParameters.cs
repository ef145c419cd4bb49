using System.Globalization;

namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// Reads a feature's query-string parameters the way Dream does: a parameter that is present but
/// does not parse is a 400 Bad Request naming it, never silently replaced by its default.
/// </summary>
internal sealed class ExpertParameters(HttpContext context)
{
    public List<string> Problems { get; } = [];

    public string? Text(string name)
    {
        var values = context.Request.Query[name];
        return values.Count == 0 ? null : values[^1];
    }

    public long? Integer(string name, long min, long max, long? fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Problems.Add($"{name}: '{text}' is not an integer in {min}..{max}");
        return fallback;
    }

    public long Required(string name, long min, long max)
    {
        if (Text(name) is null)
        {
            Problems.Add($"{name}: required");
            return 0;
        }

        return Integer(name, min, max, 0) ?? 0;
    }

    public double RequiredNumber(string name)
    {
        var text = Text(name);
        if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Problems.Add(text is null ? $"{name}: required" : $"{name}: '{text}' is not a number");
        return 0;
    }

    public DateTimeOffset Date(string name, DateTimeOffset fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (DreamFormat.TryParseQueryDate(text, out var value))
        {
            return value;
        }

        Problems.Add($"{name}: '{text}' is not a date in {DreamFormat.QueryDateFormat} format (UTC)");
        return fallback;
    }

    /// <summary>Answers 400 with every problem found, if any; true when it did.</summary>
    public async Task<bool> RejectIfProblemsAsync()
    {
        if (Problems.Count == 0)
        {
            return false;
        }

        context.JournalNote().Record(JournalOutcome.Rejected, "bad_request");
        await DreamReply.WriteErrorAsync(context, StatusCodes.Status400BadRequest, string.Join("; ", Problems));
        return true;
    }
}
