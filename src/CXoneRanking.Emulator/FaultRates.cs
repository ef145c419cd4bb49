using System.Globalization;

namespace CXoneRanking.Emulator;

/// <summary>
/// The --fault-rate table, e.g. <c>429=0.1,500=0.05,409=0.05,reset=0.02</c>: each ranking POST
/// meets at most one fault, drawn with these probabilities, so they must add up to at most 1.
/// </summary>
internal sealed class FaultRates
{
    public static readonly FaultRates None = new([]);

    private readonly (Fault Fault, double Rate)[] rates;

    private FaultRates((Fault Fault, double Rate)[] rates) => this.rates = rates;

    public bool IsEmpty => rates.Length == 0;

    public static FaultRates Parse(string text)
    {
        var parsed = new List<(Fault Fault, double Rate)>();
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new EmulatorOptionsException($"--fault-rate: '{pair}' is not FAULT=RATE, e.g. 429=0.1.");
            }

            if (!Fault.TryParse(parts[0], out var fault))
            {
                throw new EmulatorOptionsException($"--fault-rate: '{parts[0]}' is neither a 4xx/5xx status nor 'reset'.");
            }

            if (!double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate)
                || rate > 1)
            {
                throw new EmulatorOptionsException($"--fault-rate: rate '{parts[1]}' for {fault} is not a number in [0, 1].");
            }

            if (parsed.Exists(p => p.Fault == fault))
            {
                throw new EmulatorOptionsException($"--fault-rate: {fault} is given more than once.");
            }

            parsed.Add((fault, rate));
        }

        if (parsed.Count == 0)
        {
            throw new EmulatorOptionsException("--fault-rate: no FAULT=RATE pair given.");
        }

        var total = parsed.Sum(p => p.Rate);
        return total > 1 + 1e-9
            ? throw new EmulatorOptionsException(
                $"--fault-rate: the rates add up to {total.ToString(CultureInfo.InvariantCulture)}; at most 1 is possible.")
            : new FaultRates([.. parsed]);
    }

    /// <summary>Maps one uniform draw in [0, 1) onto a fault, or onto no fault.</summary>
    public Fault? Pick(double draw)
    {
        var cumulative = 0.0;
        foreach (var (fault, rate) in rates)
        {
            cumulative += rate;
            if (draw < cumulative)
            {
                return fault;
            }
        }

        return null;
    }
}
