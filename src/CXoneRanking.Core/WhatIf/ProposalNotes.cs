using System.Globalization;
using CXoneRanking.Audit;

namespace CXoneRanking.WhatIf;

/// <summary>
/// What a proposal does that its author may not have meant, as sentences for a warning and the result's Note: a proposal
/// without rules, rules in force that a replacing proposal drops, proposed rules that match no candidate. Without them an
/// estimate of a failed or partial proposal reads like the estimate of the change the user had in mind.
/// </summary>
internal static class ProposalNotes
{
    // Enough to recognise the rules; the rest are counted.
    private const int Named = 3;

    public const string Empty =
        "The proposal holds no rule: this estimates ranking every showing without any rule ($null, @(), an empty rules file "
            + "or a New-BoostDirective that failed all give no rule).";

    public const string EmptyKept =
        "The proposal holds no rule: with -KeepLoggedRules every showing keeps its logged rules, so this estimates no change.";

    /// <summary>The rules in force that a replacing proposal drops, and in how many showings; null when it drops none.</summary>
    public static string? Dropped(IReadOnlyList<BoostDirective> proposed, IReadOnlyList<LoggedShowing> showings)
    {
        var kept = new HashSet<string>(proposed.Select(rule => rule.ToString()), StringComparer.OrdinalIgnoreCase);
        var dropped = new List<BoostDirective>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var affected = 0;
        foreach (var showing in showings)
        {
            var lost = (showing.Ranking.Directives ?? []).Where(rule => !kept.Contains(rule.ToString())).ToList();
            if (lost.Count == 0) continue;
            affected++;
            dropped.AddRange(lost.Where(rule => seen.Add(rule.ToString())));
        }
        if (affected == 0) return null;
        var exclusions = dropped.Count(rule => rule.Exclude);
        return string.Format(CultureInfo.InvariantCulture,
            "The proposal replaces the rules in force: {0} of {1} showings {7} ranked with rules it does not hold ({2} rule{3}, "
                + "{4} exclusion{5}: {6}). To estimate adding rules to those in force, use -KeepLoggedRules, or pass the rules in "
                + "force followed by the new ones.",
            affected, showings.Count, dropped.Count, dropped.Count == 1 ? "" : "s", exclusions, exclusions == 1 ? "" : "s",
            Names(dropped), affected == 1 ? "was" : "were");
    }

    /// <summary>The proposed rules no candidate of any showing matched; null when every rule matched one.</summary>
    public static string? Unmatched(IReadOnlyList<BoostDirective> unmatched) => unmatched.Count switch
    {
        0 => null,
        1 => $"The proposed rule {unmatched[0]} matches no candidate of any showing in the range, so it changes nothing.",
        _ => $"The proposed rules {Names(unmatched)} match no candidate of any showing in the range, so they change nothing.",
    };

    /// <summary>Showings re-ranked with the proposal alone under -KeepLoggedRules: their rule set is not in the log.</summary>
    public static string? NotKept(int showings) => showings == 0 ? null : string.Format(CultureInfo.InvariantCulture,
        "{0} showing{1} ranked with a rule set the audit log no longer holds {2} re-ranked with the proposed rules alone.",
        showings, showings == 1 ? "" : "s", showings == 1 ? "was" : "were");

    private static string Names(IReadOnlyList<BoostDirective> rules) =>
        string.Join(", ", rules.Take(Named)) + (rules.Count > Named
            ? string.Format(CultureInfo.InvariantCulture, " and {0} more", rules.Count - Named) : "");
}
