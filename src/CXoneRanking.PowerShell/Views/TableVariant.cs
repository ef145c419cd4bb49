using System.Management.Automation;

namespace CXoneRanking.PowerShell.Views;

/// <summary>
/// A second default table for some outputs of a type, chosen by type name: the item is output
/// wrapped, with "&lt;full type name&gt;#&lt;variant&gt;" as its first type name, and the module's format
/// files hold a table for that name (module/CXoneRanking.Format.ps1xml). Scripts see the same
/// object (<c>-is</c> and every property are unchanged); only the default table differs. Used
/// where a column matters for some outputs only: the arm of a ranking in an experiment, the title
/// of an Expert search result, the error of a held-back row. (PowerShell has no column that appears only when it has values.)
/// </summary>
internal static class TableVariant
{
    /// <summary>A ranking or submission result in an experiment: its table shows the arm.</summary>
    public const string Experiment = "Experiment";

    /// <summary>A rank from Search-CXoneExpert: its table shows the result's title.</summary>
    public const string ExpertSearch = "ExpertSearch";

    /// <summary>
    /// A stand-in rank of a session held back by New-SnippetRank -InvalidRowAction DropSession: its table
    /// says so and shows the row's error, instead of looking like a rank with relevance 0.
    /// </summary>
    public const string HeldBack = "HeldBack";

    /// <summary>The rank as it is, or with the held-back table when it stands in for a refused row.</summary>
    public static object ForRank(SnippetRank rank) => rank.RowError is null ? rank : Of(rank, HeldBack);

    public static PSObject Of(object item, string variant)
    {
        var wrapped = new PSObject(item);
        wrapped.TypeNames.Insert(0, item.GetType().FullName + "#" + variant);
        return wrapped;
    }

    /// <summary>The item as it is outside an experiment, with the experiment's table inside one.</summary>
    public static object InExperiment(object item, string? arm) => arm is null ? item : Of(item, Experiment);
}
