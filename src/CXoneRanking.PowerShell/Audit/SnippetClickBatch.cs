using CXoneRanking.Audit;

namespace CXoneRanking.PowerShell.Audit;

/// <summary>
/// Clicks accepted but not yet written. Add-SnippetClick fills it on the pipeline thread, while
/// StopProcessing may drain it from another: taking and writing a batch happen under one lock,
/// so batches reach the file in input order. A batch leaves on its first write, written or not:
/// the writer appends a batch whole or not at all, and one that failed is reported, never
/// written again, so no click is ever written twice.
/// </summary>
internal sealed class SnippetClickBatch
{
    private readonly object _writeGate = new();
    private List<AuditEntry> _pending = [];

    public int Count
    {
        get { lock (_writeGate) return _pending.Count; }
    }

    /// <summary>Adds a click; returns how many are now pending.</summary>
    public int Add(AuditEntry click)
    {
        lock (_writeGate)
        {
            _pending.Add(click);
            return _pending.Count;
        }
    }

    /// <summary>Appends every pending click; returns them, with why they could not be written (then none of them is).</summary>
    public (IReadOnlyList<AuditEntry> Clicks, Exception? Failure) WriteTo(AuditLogWriter writer)
    {
        lock (_writeGate)
        {
            var taken = _pending;
            _pending = [];
            if (taken.Count == 0) return (taken, null);
            try
            {
                writer.Append(taken);
                return (taken, null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
            {
                return (taken, e);
            }
        }
    }
}
