using System.Globalization;

namespace CXoneRanking.Emulator;

/// <summary>
/// An answer the emulator gives instead of serving a ranking POST: an HTTP error status, or a
/// connection dropped with no response at all (<see cref="Reset"/>).
/// </summary>
internal sealed record Fault(int? Status)
{
    public const string ResetName = "reset";

    public static Fault Reset { get; } = new((int?)null);

    public bool IsReset => Status is null;

    /// <summary>Reads one fault name as written on the command line or in a fault script: a status or "reset".</summary>
    public static bool TryParse(string text, out Fault fault)
    {
        if (string.Equals(text, ResetName, StringComparison.OrdinalIgnoreCase))
        {
            fault = Reset;
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && IsInjectable(status))
        {
            fault = new Fault(status);
            return true;
        }

        fault = Reset;
        return false;
    }

    /// <summary>Only error statuses make sense as faults: a 2xx would pretend to apply a ranking it never stored.</summary>
    public static bool IsInjectable(int status) => status is >= 400 and <= 599;

    public override string ToString() => Status?.ToString(CultureInfo.InvariantCulture) ?? ResetName;
}
