using System.Text.Json;

namespace CXoneRanking.Emulator;

/// <summary>
/// Reads the <c>responses</c> array of a fault script (<c>[429, 500, "reset"]</c>), shared by the
/// ranking API's <c>/_emulator/faults</c> and Expert's <c>/_emulator/expert/faults</c>.
/// </summary>
internal static class FaultScript
{
    public static List<Fault> Read(ControlRequest request)
    {
        var faults = new List<Fault>();
        if (!request.Properties.TryGetValue("responses", out var responses))
        {
            return faults;
        }

        if (responses.ValueKind != JsonValueKind.Array)
        {
            request.Problems.Add("responses: expected an array such as [429, 500, \"reset\"]");
            return faults;
        }

        var index = 0;
        foreach (var response in responses.EnumerateArray())
        {
            Fault? fault = response.ValueKind switch
            {
                JsonValueKind.Number when Fault.TryParse(response.GetRawText(), out var status) && !status.IsReset => status,
                JsonValueKind.String when response.GetString() == Fault.ResetName => Fault.Reset,
                _ => null,
            };
            if (fault is null)
            {
                request.Problems.Add($"responses[{index}]: {response.GetRawText()} is neither a 4xx/5xx status number nor \"reset\"");
            }
            else
            {
                faults.Add(fault);
            }

            index++;
        }

        if (index == 0)
        {
            request.Problems.Add("responses: empty; give at least one status or \"reset\"");
        }

        return faults;
    }
}
