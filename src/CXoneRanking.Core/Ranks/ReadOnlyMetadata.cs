namespace CXoneRanking.Ranks;

/// <summary>The one empty metadata every rank and ranked snippet without metadata shares.</summary>
internal static class ReadOnlyMetadata
{
    public static readonly IReadOnlyDictionary<string, string> Empty =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());
}
