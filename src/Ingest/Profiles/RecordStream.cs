using System.Globalization;
using SupportLens.Ingest.Readers;
using SupportLens.Ingest.Validation;

namespace SupportLens.Ingest.Profiles;

/// <summary>
/// The records of one file in the fields of a kind: CSV columns or JSON fields picked, mapped and defaulted as a
/// mapping file says. A CSV header that lacks a required field rejects the file before any row is read.
/// </summary>
internal sealed class RecordStream : IDisposable
{
    private readonly KindSchema _schema;
    private readonly FieldBinding?[] _bindings;
    private readonly CsvRecordSource? _csv;
    private readonly int[] _csvIndex = [];
    private readonly IEnumerable<ConvertedRecord>? _json;
    private readonly IDisposable? _jsonSource;
    private readonly IReadOnlyList<RowFilter> _filters;
    private readonly int[] _filterIndex = [];
    private bool _foreignBytes;

    private RecordStream(KindSchema schema, MappingFile mapping, string[] columnNames)
    {
        _schema = schema;
        _filters = mapping.Filters;
        _bindings = schema.Fields.Select(f => mapping.Fields.GetValueOrDefault(f.Name)).ToArray();
        ColumnNames = columnNames;
        Provided = schema.Fields.Select(f => mapping.Fields.ContainsKey(f.Name)).ToArray();
        Rules = mapping.RulesFor(schema, "profile");
    }

    /// <summary>Per field, how to read it (date format, minutes after another field).</summary>
    public IReadOnlyList<FieldRule> Rules { get; }

    private RecordStream(KindSchema schema, MappingFile mapping, CsvRecordSource csv)
        : this(schema, mapping, schema.Fields.Select(f => mapping.Fields.GetValueOrDefault(f.Name)?.Column ?? f.Name).ToArray())
    {
        _csv = csv;
        var header = csv.Header;
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            if (_bindings[i]?.Column is { } column)
            {
                RefuseTwice(header, column, schema.Fields[i].Name);
            }
        }
        _csvIndex = _bindings.Select(b => b?.Column is { } column ? IndexOf(header, column) : -1).ToArray();
        _filterIndex = _filters.Select(filter =>
        {
            RefuseTwice(header, filter.Column, "the filter");
            var index = IndexOf(header, filter.Column);
            return index >= 0 ? index : throw new FileRejectedException(
                $"the filter column '{Echo.Value(filter.Column)}' is not in the header; found: {(header.Count == 0 ? "(nothing)" : Echo.List(header))}");
        }).ToArray();
        var missing = new List<string>();
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            var spec = schema.Fields[i];
            var bound = _bindings[i] is { Constant: not null } || _csvIndex[i] >= 0;
            Provided[i] = bound;
            if (!bound && spec.Required && (spec.RequiredUnless is null || _csvIndex[schema.FieldIndex[spec.RequiredUnless]] < 0))
            {
                missing.Add(_bindings[i]?.Column is { } c && c != spec.Name ? $"{spec.Name} (column '{c}')" : spec.Name);
            }
        }
        if (missing.Count > 0)
        {
            throw new FileRejectedException(
                $"the header lacks required field(s) for {schema.Kind.Name()}: {string.Join(", ", missing)}; " +
                $"found: {(header.Count == 0 ? "(nothing)" : Echo.List(header))}");
        }
    }

    /// <summary>Per field, the name of the column (or JSON field) it is read from, for error messages.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Per field, whether this file gives it at all; fields it does not give keep their stored values on update.</summary>
    public bool[] Provided { get; }

    public static RecordStream OpenCsv(KindSchema schema, MappingFile mapping, InputFile file, char? separator) =>
        OpenWith(new CsvRecordSource(file, separator ?? mapping.Delimiter), csv => new RecordStream(schema, mapping, csv)
        {
            _foreignBytes = file.Encoding == TextEncoding.MixedUtf8,
        });

    public static RecordStream OpenJson(
        KindSchema schema, MappingFile mapping, InputFile file, IReadOnlySet<string> wrappers,
        Func<IEnumerable<(JsonRecord? Record, RowError? Error)>, IEnumerable<ConvertedRecord>> convert, bool flat)
    {
        // A record of a generic or mapped export has one of the mapped names at its top level (the first part of a path).
        var recordKeys = flat
            ? mapping.Fields.Values.Select(b => b.Column).OfType<string>().Concat(mapping.Filters.Select(f => f.Column))
                .Select(c => c.Trim().Split('.')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
        var source = new JsonRecordSource(file, wrappers, recordKeys);
        return new RecordStream(schema, mapping, convert(source.Records()), source) { _foreignBytes = file.Encoding == TextEncoding.MixedUtf8 };
    }

    public IEnumerable<MappedRecord> Records() => _csv is not null ? CsvRecords(_csv) : JsonRecords();

    public void Dispose()
    {
        _csv?.Dispose();
        _jsonSource?.Dispose();
    }

    private RecordStream(KindSchema schema, MappingFile mapping, IEnumerable<ConvertedRecord> json, IDisposable source)
        : this(schema, mapping, schema.Fields.Select(f => mapping.Fields.GetValueOrDefault(f.Name)?.Column ?? f.Name).ToArray())
    {
        _json = json;
        _jsonSource = source;
        // A JSON file gives a field when any of its records has a value for it (set while reading).
        Array.Fill(Provided, false);
    }

    private IEnumerable<MappedRecord> CsvRecords(CsvRecordSource csv)
    {
        while (csv.Read())
        {
            foreach (var bad in csv.TakeMalformed())
            {
                yield return new MappedRecord(bad.Line, null, bad);
            }
            if (!Kept(i => csv.Get(_filterIndex[i])))
            {
                yield return MappedRecord.Skip(csv.Line);
                continue;
            }
            if (_foreignBytes && Foreign(csv.Line, i => _csvIndex[i] >= 0 ? csv.Get(_csvIndex[i]) : null) is { } foreign)
            {
                yield return new MappedRecord(csv.Line, null, foreign);
                continue;
            }
            var fields = new string?[_bindings.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                if (_bindings[i] is { } binding)
                {
                    fields[i] = binding.Apply(_csvIndex[i] >= 0 ? csv.Get(_csvIndex[i]) : null);
                }
            }
            yield return new MappedRecord(csv.Line, fields, null);
        }
        foreach (var bad in csv.TakeMalformed())
        {
            yield return new MappedRecord(bad.Line, null, bad);
        }
    }

    private IEnumerable<MappedRecord> JsonRecords()
    {
        foreach (var record in _json!)
        {
            if (record.Fields is not { } source)
            {
                yield return new MappedRecord(record.Line, null, record.Error);
                continue;
            }
            if (source is FlatRecord flat && Repeated(record.Line, flat) is { } repeated)
            {
                yield return new MappedRecord(record.Line, null, repeated);
                continue;
            }
            if (!Kept(i => source.GetValueOrDefault(_filters[i].Column)))
            {
                yield return MappedRecord.Skip(record.Line);
                continue;
            }
            if (_foreignBytes && Foreign(record.Line, i => _bindings[i]?.Column is { } c ? source.GetValueOrDefault(c) : null) is { } foreign)
            {
                yield return new MappedRecord(record.Line, null, foreign);
                continue;
            }
            var fields = new string?[_bindings.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                if (_bindings[i] is { } binding)
                {
                    fields[i] = binding.Apply(binding.Column is { } column ? source.GetValueOrDefault(column) : null);
                    Provided[i] |= fields[i] is not null;
                }
            }
            yield return new MappedRecord(record.Line, fields, null);
        }
    }

    /// <summary>A key the profile reads (or filters on) that the object holds twice, or in two cases: the CSV header rule, per record.</summary>
    private RowError? Repeated(long line, FlatRecord record)
    {
        for (var i = 0; i < _bindings.Length; i++)
        {
            if (_bindings[i]?.Column is { } column && record.Repeated(column) is { } why)
            {
                return RowError.Of(line, column.Trim(), null, $"{why}: which one holds {_schema.Fields[i].Name} is ambiguous; rename or remove one");
            }
        }
        foreach (var filter in _filters)
        {
            if (record.Repeated(filter.Column) is { } why)
            {
                return RowError.Of(line, filter.Column.Trim(), null, $"{why}: which one the filter reads is ambiguous; rename or remove one");
            }
        }
        return null;
    }

    /// <summary>
    /// In a UTF-8 file with bytes from another encoding, the first field read that holds one: that row cannot be read
    /// right in either encoding, so it is quarantined, naming the byte.
    /// </summary>
    private RowError? Foreign(long line, Func<int, string?> raw)
    {
        for (var i = 0; i < _bindings.Length; i++)
        {
            if (_bindings[i] is not null && raw(i) is { } value && ForeignBytes.First(value) is { } b)
            {
                return RowError.Of(line, ColumnNames[i], ForeignBytes.Show(value), string.Create(CultureInfo.InvariantCulture,
                    $"{_schema.Fields[i].Name} is not valid UTF-8 (the byte 0x{b:X2}), though the rest of the file is: the line comes from another encoding; save the export as UTF-8"));
            }
        }
        return null;
    }

    /// <summary>Whether every filter keeps the record whose filter columns <paramref name="value"/> reads by filter index.</summary>
    private bool Kept(Func<int, string?> value)
    {
        for (var i = 0; i < _filters.Count; i++)
        {
            if (!_filters[i].Keeps(value(i)))
            {
                return false;
            }
        }
        return true;
    }

    private static RecordStream OpenWith(CsvRecordSource csv, Func<CsvRecordSource, RecordStream> create)
    {
        try
        {
            return create(csv);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A column the profile reads must be in the header once, as the matcher sees names (ignoring case and surrounding
    /// spaces): with two, which one holds the field is a guess. Columns nobody reads may repeat.
    /// </summary>
    private static void RefuseTwice(IReadOnlyList<string> header, string column, string field)
    {
        var name = column.Trim();
        var positions = Enumerable.Range(0, header.Count).Where(i => string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (positions.Count > 1)
        {
            throw new FileRejectedException(
                $"the header has the column '{Echo.Value(name)}' {(positions.Count == 2 ? "twice" : $"{positions.Count} times")} " +
                $"(columns {string.Join(", ", positions.SkipLast(1).Select(p => p + 1))} and {positions[^1] + 1}, matched ignoring case and surrounding spaces): " +
                $"which one holds {field} is ambiguous; rename or remove one");
        }
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
