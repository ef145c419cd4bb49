namespace CXoneRanking.Audit;

/// <summary>One column of the export: its name, type and how to read it from an entry. Exactly one getter is set, the one of its type.</summary>
internal sealed class AuditExportColumn
{
    private AuditExportColumn(string name, AuditExportColumnType type, bool required = false)
    {
        Name = name;
        Type = type;
        Required = required;
    }

    public string Name { get; }
    public AuditExportColumnType Type { get; }

    /// <summary>True when every row has a value (timestamp, event, audit_file).</summary>
    public bool Required { get; }

    public Func<AuditExportRow, DateTime>? Timestamp { get; private init; }
    public Func<AuditExportRow, string?>? String { get; private init; }
    public Func<AuditExportRow, int?>? Int32 { get; private init; }
    public Func<AuditExportRow, long?>? Int64 { get; private init; }
    public Func<AuditExportRow, double?>? Double { get; private init; }
    public Func<AuditExportRow, bool?>? Boolean { get; private init; }
    public Func<AuditExportRow, IReadOnlyList<string>?>? StringList { get; private init; }

    public static AuditExportColumn OfTimestamp(string name, Func<AuditExportRow, DateTime> get) =>
        new(name, AuditExportColumnType.Timestamp, required: true) { Timestamp = get };

    public static AuditExportColumn OfString(string name, Func<AuditExportRow, string?> get, bool required = false) =>
        new(name, AuditExportColumnType.String, required) { String = get };

    public static AuditExportColumn OfInt32(string name, Func<AuditExportRow, int?> get) =>
        new(name, AuditExportColumnType.Int32) { Int32 = get };

    public static AuditExportColumn OfInt64(string name, Func<AuditExportRow, long?> get) =>
        new(name, AuditExportColumnType.Int64) { Int64 = get };

    public static AuditExportColumn OfDouble(string name, Func<AuditExportRow, double?> get) =>
        new(name, AuditExportColumnType.Double) { Double = get };

    public static AuditExportColumn OfBoolean(string name, Func<AuditExportRow, bool?> get) =>
        new(name, AuditExportColumnType.Boolean) { Boolean = get };

    public static AuditExportColumn OfStringList(string name, Func<AuditExportRow, IReadOnlyList<string>?> get) =>
        new(name, AuditExportColumnType.StringList) { StringList = get };
}
