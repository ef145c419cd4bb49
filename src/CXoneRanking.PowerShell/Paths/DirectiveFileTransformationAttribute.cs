using System.Collections;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using CXoneRanking.Ranking;

namespace CXoneRanking.PowerShell.Paths;

/// <summary>
/// Lets -BoostDirective and -TreatmentDirective take a path (a string, wildcards allowed, or a FileInfo) as
/// well as rules: each path is read as New-BoostDirective -Path reads it, relative paths against PowerShell's
/// current location (not the process's). Rules and hashtables pass through for PowerShell to convert; a file
/// that cannot be read fails the binding with the same words New-BoostDirective -Path uses. No rules at all
/// ($null, as <c>(New-BoostDirective -Path learned.json)</c> gives for a file without rules, alone or among rules) means no rules:
/// the learning loop's first file on a new audit log is empty, and ranking then goes on as without directives.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class DirectiveFileTransformationAttribute : ArgumentTransformationAttribute
{
    // The files each transformed value was read from: a wildcard may read several, and the cmdlet says which (Verbose).
    private static readonly ConditionalWeakTable<BoostDirective[], IReadOnlyList<string>> FilesOf = new();

    /// <summary>
    /// The rules files <paramref name="rules"/> (a value this attribute returned) was read from, in order; empty for rules
    /// given as objects.
    /// </summary>
    public static IReadOnlyList<string> FilesRead(BoostDirective[]? rules) =>
        rules is not null && FilesOf.TryGetValue(rules, out var files) ? files : [];

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var items = Items(inputData).ToList();
        if (items.All(item => item is null)) return Array.Empty<BoostDirective>();
        // A $null among rules (a file without rules, read in a list) is no rule, as $null alone is; left in, the engine would meet it.
        if (items.Contains(null)) items.RemoveAll(item => item is null);
        else if (!items.Any(item => item is string or FileInfo)) return inputData;
        var rules = new List<object?>();
        var files = new List<string>();
        foreach (var item in items)
        {
            switch (item)
            {
                case string path:
                    foreach (var file in Resolve(engineIntrinsics.SessionState.Path, path)) rules.AddRange(Read(file, files));
                    break;
                case FileInfo file:
                    rules.AddRange(Read(file.FullName, files));
                    break;
                default:
                    rules.Add(item);
                    break;
            }
        }
        // Rules alone are handed over as they are, so the files stay attached; hashtables among them are PowerShell's to convert.
        if (files.Count == 0 || !rules.All(rule => rule is BoostDirective)) return rules.ToArray();
        var read = rules.Cast<BoostDirective>().ToArray();
        FilesOf.Add(read, files);
        return read;
    }

    private static IEnumerable<object?> Items(object? input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        if (value is IEnumerable many and not string and not IDictionary)
        {
            foreach (var item in many) yield return item is PSObject inner ? inner.BaseObject : item;
        }
        else
        {
            yield return value;
        }
    }

    /// <summary>The files a path names, as New-BoostDirective -Path resolves them.</summary>
    internal static IEnumerable<string> Resolve(PathIntrinsics paths, string path)
    {
        try
        {
            return paths.GetResolvedProviderPathFromPSPath(path, out _);
        }
        catch (SessionStateException e) // the path, its drive or its provider not found
        {
            throw new ArgumentTransformationMetadataException($"Cannot read boost directives: {e.Message}", e);
        }
    }

    private static IReadOnlyList<BoostDirective> Read(string file, List<string> files)
    {
        try
        {
            var rules = BoostDirectiveFile.Read(file);
            files.Add(file);
            return rules;
        }
        catch (Exception e) when (e is DirectiveFileException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentTransformationMetadataException($"Cannot read boost directives from '{file}': {e.Message}", e);
        }
    }
}
