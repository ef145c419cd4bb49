using CXoneRanking.Audit;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// Clicks accepted but not yet written. Add-SnippetClick fills it on the pipeline thread, while
/// StopProcessing may drain it from another: taking and writing a batch happen under one lock,
/// so batches reach the file in input order and none is written twice.
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

    /// <summary>Appends every pending click and returns them; on failure they stay pending.</summary>
    public IReadOnlyList<AuditEntry> WriteTo(AuditLogWriter writer)
    {
        lock (_writeGate)
        {
            if (_pending.Count == 0) return [];
            writer.Append(_pending);
            var written = _pending;
            _pending = [];
            return written;
        }
    }
}
