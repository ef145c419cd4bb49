using CXoneRanking.Ranking;

namespace CXoneRanking.Rows;

/// <summary>
/// What one row said, gathered cell by cell, then parsed and checked once as a whole (the checks
/// are <see cref="RankChecks"/>, which the engine runs again on every rank it ranks). One draft
/// serves every row of a reader, emptied at <see cref="Begin"/>: on 100k rows, the draft and its
/// dictionaries would otherwise be a third of what reading a row allocates. A rank takes its own
/// copy of the metadata, and no copy at all for the common single entry.
/// </summary>
internal sealed class RowDraft(StringPool strings, InvalidRowAction invalidRowAction)
{
    private const string NoSnippetId =
        $"no snippet id (expected a {RowColumns.SnippetIdCsv}, {RowColumns.SnippetId} or {RowColumns.SnippetIdShort} column)";
    private const string NoRelevanceScore =
        $"no relevance score (expected a {RowColumns.RelevanceScoreCsv}, {RowColumns.RelevanceScore} or {RowColumns.RelevanceScoreShort} column)";

    private const string NoSessionId =
        $"the session id is empty (fill the {RowColumns.SessionIdCsv} column, or give New-SnippetRank -SessionId for rows without one)";

    private int _rowNumber;
    private object? _sessionId, _snippetId, _relevance, _boost, _rowError;
    private bool _hasSession, _hasRelevance, _hasBoost;
    private string? _lastSession;
    // The column that set each field in this row: a second one makes the row ambiguous (AmbiguousColumn).
    private readonly string?[] _columns = new string?[6];
    private RowField? _ambiguousField;
    private string? _ambiguity, _metadataProblem;
    private readonly Dictionary<string, string> _metadataKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _metadata = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, object?> _signals = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Metadata => _metadata;

    public Dictionary<string, object?> Signals => _signals;

    public RowDraft Begin(int rowNumber)
    {
        _rowNumber = rowNumber;
        _sessionId = _snippetId = _relevance = _boost = _rowError = null;
        _hasSession = _hasRelevance = _hasBoost = false;
        Array.Clear(_columns, 0, _columns.Length);
        _ambiguousField = null;
        _ambiguity = _metadataProblem = null;
        if (_metadata.Count > 0) _metadata.Clear();
        if (_signals.Count > 0) _signals.Clear();
        return this;
    }

    /// <summary>A field's value; <paramref name="column"/> is the row's column it came from (null for -Metadata's shared entries).</summary>
    public void Set(RowField field, object? value, string? column = null)
    {
        if (column is not null && _columns[(int)field] is { } first && _ambiguity is null)
        {
            // Refused even when both hold the same value: the shape is ambiguous, and every row of it says so alike.
            _ambiguousField = field;
            _ambiguity = $"the {FieldWords(field)} is given twice: columns '{first}' and '{column}'; rename or remove one";
        }
        else if (column is not null) _columns[(int)field] = column;
        switch (field)
        {
            case RowField.SessionId:
                _sessionId = value;
                _hasSession = true;
                break;
            case RowField.SnippetId:
                _snippetId = value;
                break;
            case RowField.Relevance:
                _relevance = value;
                _hasRelevance = true;
                break;
            case RowField.Boost:
                _boost = value;
                _hasBoost = true;
                break;
            case RowField.Metadata:
                RefuseMetadata(SnippetRowReader.CopyMetadata(value, Metadata, _metadataKeys));
                break;
            case RowField.RowError:
                _rowError = value;
                break;
        }
    }

    /// <summary>Keeps the row's first metadata problem (a list or table as a value, keys that differ only in case), if any.</summary>
    public void RefuseMetadata(string? problem) => _metadataProblem ??= problem;

    public RowReadResult Complete(ScoreMatrix? matrix, string? defaultSessionId)
    {
        var id = _snippetId is null ? string.Empty : strings.Share(SnippetRowReader.Text(_snippetId));
        var session = _sessionId is null ? null : SharedSession(SnippetRowReader.Text(_sessionId));
        if (string.IsNullOrEmpty(session)) session = defaultSessionId;
        if (_ambiguity is not null)
        {
            // The row is named only by what it says once: an ambiguous snippet id would name a guess.
            var namedId = _ambiguousField == RowField.SnippetId ? string.Empty : id;
            return Fail(RankingIssueCodes.AmbiguousColumn, $"{new InputLocation(_rowNumber, session, namedId)}: {_ambiguity}", namedId, session);
        }
        // A stand-in read back (Export-Csv, Import-Csv) stays one: its values were never a rank's.
        if (_rowError is not null && SnippetRowReader.Text(_rowError) is { Length: > 0 } rowError)
            return new RowReadResult(new SnippetRank { SessionId = session, SnippetId = id, RowError = rowError }, null);
        var where = new InputLocation(_rowNumber, session, id);
        if (RankChecks.SnippetId(id) is { } idProblem)
            return Fail(idProblem.Code, $"{where}: {(_snippetId is null ? NoSnippetId : idProblem.Text)}", id, session);
        // A row whose session cell is blank is a bad row; a shape with no session column at all may take a later cmdlet's -SessionId.
        if (_hasSession && string.IsNullOrEmpty(session))
            return Fail(RankingIssueCodes.MissingSessionId, $"{where}: {NoSessionId}", id, session);

        List<WeightedSignal>? signals = null;
        double relevance;
        if (matrix is not null)
        {
            signals = new List<WeightedSignal>(matrix.Weights.Count);
            foreach (var weight in matrix.Weights)
            {
                object? cell = null;
                _signals.TryGetValue(weight.Key, out cell);
                if (!InvariantNumber.TryRead(cell, out var score, out var why) || RankChecks.Relevance(score) is not null)
                    return Fail(RankingIssueCodes.InvalidSignal,
                        $"{where}: signal '{weight.Key}' {(why.Length > 0 ? why : $"{ScoreFormat.Number(score)} is outside [0, 1]")}", id, session);
                signals.Add(new WeightedSignal(weight.Key, score, weight.Value));
            }
            relevance = ScoreMatrix.Combine(signals);
        }
        else if (!_hasRelevance)
            return Fail(RankingIssueCodes.InvalidRelevanceScore, $"{where}: {NoRelevanceScore}", id, session);
        else if (!InvariantNumber.TryRead(_relevance, out relevance, out var why))
            return Fail(RankingIssueCodes.InvalidRelevanceScore, $"{where}: relevance score {why}", id, session);
        else if (RankChecks.Relevance(relevance) is { } range)
            return Fail(range.Code, $"{where}: {range.Text}", id, session);

        var boost = 1.0;
        // An empty boost cell means "no boost", as an absent column does.
        if (_hasBoost && !(_boost is null || _boost is string { Length: 0 }))
        {
            if (!InvariantNumber.TryRead(_boost, out boost, out var why))
                return Fail(RankingIssueCodes.InvalidBoostFactor, $"{where}: boost factor {why}", id, session);
            if (RankChecks.Boost(boost) is { } range)
                return Fail(range.Code, $"{where}: {range.Text}", id, session);
        }
        if (_metadataProblem is not null)
            return Fail(RankingIssueCodes.InvalidMetadata, $"{where}: {_metadataProblem}", id, session);
        if (RankChecks.Metadata(_metadata) is { } metadataProblem)
            return Fail(metadataProblem.Code, $"{where}: {metadataProblem.Text}", id, session);

        // The rank's own metadata: none, the common single entry in two fields, or a copy.
        var rank = _metadata.Count switch
        {
            0 => new SnippetRank(),
            1 => SingleEntryRank(),
            _ => new SnippetRank(new Dictionary<string, string>(_metadata, StringComparer.OrdinalIgnoreCase)),
        };
        rank.SessionId = session;
        rank.SnippetId = id;
        rank.RelevanceScore = relevance;
        rank.BoostFactor = boost;
        rank.Signals = signals;
        return new RowReadResult(rank, null);
    }

    private static string FieldWords(RowField field) => field switch
    {
        RowField.SessionId => "session id",
        RowField.SnippetId => "snippet id",
        RowField.Relevance => "relevance score",
        RowField.Boost => "boost factor",
        RowField.Metadata => "metadata",
        _ => "row error",
    };

    // Rows of one session usually come together, so the last session id is compared before the pool is asked.
    private string SharedSession(string id) => id == _lastSession ? _lastSession : _lastSession = strings.Share(id);

    private SnippetRank SingleEntryRank()
    {
        foreach (var entry in _metadata) return new SnippetRank(entry.Key, entry.Value);
        throw new InvalidOperationException("the draft has no metadata entry");
    }

    private RowReadResult Fail(string code, string message, string id, string? session)
    {
        var issue = new RankingIssue(code, message, id.Length == 0 ? null : id);
        // A row of no session has no session to hold back.
        var standIn = invalidRowAction == InvalidRowAction.DropSession && !string.IsNullOrEmpty(session)
            ? new SnippetRank { SessionId = session, SnippetId = id, RowError = $"{code}: {message}" }
            : null;
        return new RowReadResult(null, issue, standIn);
    }
}
