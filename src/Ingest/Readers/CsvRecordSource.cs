using System.Globalization;
using System.Text;
using CsvHelper;
using SupportLens.Ingest.Validation;

namespace SupportLens.Ingest.Readers;

/// <summary>
/// Streams the records of a CSV file with a header (CsvHelper: RFC 4180 quoting, embedded line breaks, separator
/// given or detected among , ; tab |). Malformed records (bad quoting, wrong field count) are not returned; they
/// come out of <see cref="TakeMalformed"/> as errors with the line they start on.
/// </summary>
internal sealed class CsvRecordSource : IDisposable
{
    /// <summary>A runaway quote must not read a whole large file into one field.</summary>
    internal const int MaxRecordBytes = 64 << 20;

    private readonly CsvReader _reader;
    private readonly Queue<RowError> _malformed = new();
    private readonly byte[] _headerStart;

    public CsvRecordSource(InputFile file, char? separator)
    {
        var options = new CsvReaderOptions
        {
            Separator = separator,
            TrackLineNumbers = true,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            // Field counts are judged in Read: a trailing delimiter is not a broken record.
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = m => _malformed.Enqueue(RowError.Of(m.LineNumber, null, m.RawRecord, Describe(m.Reason))),
        };
        // UTF-16 and Windows-1252 are transcoded here, the same way for CSV and JSON.
        _reader = CsvReader.Create(file.OpenUtf8(), options, leaveOpen: false);
        Header = _reader.Headers.Select(h => h.Trim()).ToArray();
        _headerStart = Header.Count > 0 ? Encoding.UTF8.GetBytes(Header[0]) : [];
    }

    public IReadOnlyList<string> Header { get; }

    public long Line => _reader.LineNumber;

    public int FieldCount => _reader.FieldCount;

    /// <summary>
    /// The next record. Spreadsheets pad: rows with a trailing delimiter the header lacks (or the header with one the rows
    /// lack), rows of empty cells below the data, lines of spaces. Those are read as the data they hold; a record that is
    /// short of a named column, or has a value beyond the header, is malformed and reported saying which.
    /// </summary>
    public bool Read()
    {
        while (_reader.Read())
        {
            var count = _reader.FieldCount;
            if (Blank(count) || RepeatsHeader(count))
            {
                continue;
            }
            if (count == Header.Count || FitsHeader(count) is not { } problem)
            {
                return true;
            }
            _malformed.Enqueue(RowError.Of(_reader.LineNumber, null, Encoding.UTF8.GetString(_reader.RawRecord), $"malformed CSV: {problem}"));
        }
        return false;
    }

    /// <summary>
    /// Whether the record is the header again, as where exports were joined (<c>cat</c> of CSVs, or of gzip files, which
    /// makes one multi-member gzip): names compared as the header matcher compares them.
    /// </summary>
    private bool RepeatsHeader(int count)
    {
        if (count < Header.Count || Header.Count == 0 || !Ascii.EqualsIgnoreCase(Trim(_reader.GetSpan(0)), _headerStart))
        {
            return false;
        }
        for (var i = 1; i < Header.Count; i++)
        {
            if (!string.Equals(_reader.GetString(i).Trim(), Header[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }

    // A joined file's own byte order mark stays in front of its header.
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> span) =>
        (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? span[3..] : span).Trim(" \t"u8);

    private bool Blank(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!_reader.IsEmpty(i) && _reader.GetSpan(i).IndexOfAnyExcept(" \t"u8) >= 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Why a record of <paramref name="count"/> fields does not fit the header, or null when the difference is only padding.</summary>
    private string? FitsHeader(int count)
    {
        var shape = string.Create(CultureInfo.InvariantCulture, $"the record has {count} fields and the header {Header.Count}");
        if (count > Header.Count)
        {
            for (var i = Header.Count; i < count; i++)
            {
                if (!_reader.IsEmpty(i))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{shape} (field {i + 1} '{Echo.Value(_reader.GetString(i))}' has no column)");
                }
            }
            return null;
        }
        var missing = Header.Skip(count).Where(name => name.Length > 0).ToList();
        return missing.Count == 0 ? null : $"{shape} ({Echo.List(missing)} missing)";
    }

    public string? Get(int index) => index < _reader.FieldCount ? _reader.GetString(index) : null;

    /// <summary>Malformed records met since the last call, in file order (all before the current record).</summary>
    public IEnumerable<RowError> TakeMalformed()
    {
        while (_malformed.TryDequeue(out var error))
        {
            yield return error;
        }
    }

    public void Dispose() => _reader.Dispose();

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "malformed CSV: a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "malformed CSV: text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "malformed CSV: a quoted field is never closed (runs to the end of the file)",
        CsvMalformedReason.LineBreakInQuotes => "malformed CSV: a line break inside a quoted field",
        CsvMalformedReason.FieldCountMismatch => "malformed CSV: the record does not have as many fields as the header",
        _ => $"malformed CSV: {reason}",
    };
}
