using System.Buffers;
using System.Text.Json;
using SupportLens.Ingest.Validation;

namespace SupportLens.Ingest.Readers;

/// <summary>One JSON object of a file, with the line it starts on and the wrapper property it came from (if any).</summary>
internal sealed record JsonRecord(long Line, string? Collection, JsonElement Element);

/// <summary>
/// Streams the objects of a JSON file: the elements of a top-level array, NDJSON (one value after another), or the
/// records inside a wrapper object such as an API page (<c>{"tickets": [...], "meta": ...}</c>) when the wrapper has
/// a property the profile names. One record (or one wrapper page) is held in memory at a time, and every record knows
/// its line, which <see cref="JsonDocument"/> alone would not tell.
/// </summary>
/// <remarks>
/// With <paramref name="recordKeys"/> (the names a record of the profile has), a top-level object that has none of them
/// and exactly one list of objects is a page under a name no profile knows (OData's <c>value</c>, <c>items</c>) and is
/// unwrapped too; an object with a record key is a record, whatever lists it holds.
/// </remarks>
internal sealed class JsonRecordSource(InputFile file, IReadOnlySet<string> wrapperProperties, IReadOnlySet<string>? recordKeys = null) : IDisposable
{
    private readonly Stream _stream = file.OpenUtf8();

    /// <summary>Records, or errors for values that are not objects or not JSON.</summary>
    public IEnumerable<(JsonRecord? Record, RowError? Error)> Records()
    {
        var buffer = new byte[1 << 16];
        var capture = new ArrayBufferWriter<byte>();
        var stack = new List<byte>();
        var line = 1L;
        bool inString = false, escape = false, capturing = false, topArray = false;
        byte previous = 0;
        long captureLine = 0;
        // Inside a captured top-level object: the line of each property value, and of each element of its arrays.
        var propertyLines = new List<long>();
        var elementLines = new List<(int Property, long Line)>();
        int read;
        while ((read = _stream.Read(buffer)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b == (byte)'\n')
                {
                    line++;
                }
                if (inString)
                {
                    if (escape)
                    {
                        escape = false;
                    }
                    else if (b == (byte)'\\')
                    {
                        escape = true;
                    }
                    else if (b == (byte)'"')
                    {
                        inString = false;
                    }
                    continue;
                }
                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                {
                    continue;
                }
                var top = stack.Count == 0 ? (byte)0 : stack[^1];
                var valueStart = b is not ((byte)']' or (byte)'}' or (byte)',' or (byte)':')
                    && (stack.Count == 0 || (top == '[' && previous is (byte)'[' or (byte)',') || (top == '{' && previous == ':'));
                if (valueStart)
                {
                    if (stack.Count == 0)
                    {
                        if (b == '[')
                        {
                            topArray = true;
                        }
                        else if (b == '{')
                        {
                            capturing = true;
                            captureLine = line;
                            start = i;
                            propertyLines.Clear();
                            elementLines.Clear();
                        }
                        else
                        {
                            throw new InvalidDataException($"line {line}: a JSON file must hold objects, an array of objects or NDJSON; found a bare value");
                        }
                    }
                    else if (topArray && stack.Count == 1)
                    {
                        if (b != '{')
                        {
                            yield return (null, RowError.Of(line, null, null, "the array element is not a JSON object"));
                        }
                        else
                        {
                            capturing = true;
                            captureLine = line;
                            start = i;
                        }
                    }
                    else if (capturing && !topArray && stack.Count == 1)
                    {
                        propertyLines.Add(line);
                    }
                    else if (capturing && !topArray && stack.Count == 2 && stack[1] == '[')
                    {
                        elementLines.Add((propertyLines.Count - 1, line));
                    }
                }
                switch (b)
                {
                    case (byte)'{' or (byte)'[':
                        stack.Add(b);
                        previous = b;
                        break;
                    case (byte)'}' or (byte)']':
                        if (stack.Count == 0 || stack[^1] != (b == '}' ? '{' : '['))
                        {
                            throw new InvalidDataException($"line {line}: unbalanced '{(char)b}' in JSON");
                        }
                        stack.RemoveAt(stack.Count - 1);
                        previous = (byte)'v';
                        if (capturing && stack.Count == (topArray ? 1 : 0))
                        {
                            capture.Write(buffer.AsSpan(start, i + 1 - start));
                            capturing = false;
                            foreach (var result in Emit(capture.WrittenMemory, captureLine, topArray, propertyLines, elementLines))
                            {
                                yield return result;
                            }
                            capture.ResetWrittenCount();
                        }
                        else if (topArray && stack.Count == 0)
                        {
                            topArray = false;
                        }
                        break;
                    case (byte)'"':
                        inString = true;
                        previous = (byte)'v';
                        break;
                    case (byte)',' or (byte)':':
                        previous = b;
                        break;
                    default:
                        previous = (byte)'v';
                        break;
                }
            }
            if (capturing)
            {
                capture.Write(buffer.AsSpan(start, read - start));
            }
        }
        if (capturing || stack.Count > 0)
        {
            yield return (null, RowError.Of(capturing ? captureLine : line, null, null, "truncated JSON: the file ends inside this value"));
        }
    }

    private IEnumerable<(JsonRecord?, RowError?)> Emit(
        ReadOnlyMemory<byte> json, long line, bool inArray, List<long> propertyLines, List<(int Property, long Line)> elementLines)
    {
        JsonDocument document;
        try
        {
            // A copy: the capture buffer is reused for the next record while this one is still being read.
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            return [(null, RowError.Of(line + (e.LineNumber ?? 0), null, null, $"malformed JSON: {e.Message}"))];
        }
        var root = document.RootElement;
        var wrappers = inArray ? NoWrappers : Wrappers(root);
        if (wrappers.Count == 0)
        {
            return [(new JsonRecord(line, null, root), null)];
        }
        var results = new List<(JsonRecord?, RowError?)>();
        var index = 0;
        foreach (var property in root.EnumerateObject())
        {
            var propertyLine = index < propertyLines.Count ? propertyLines[index] : line;
            if (wrappers.Contains(property.Name))
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    results.Add((new JsonRecord(propertyLine, property.Name, property.Value), null));
                }
                else if (property.Value.ValueKind == JsonValueKind.Array)
                {
                    var lines = elementLines.Where(e => e.Property == index).Select(e => e.Line).ToList();
                    var n = 0;
                    foreach (var element in property.Value.EnumerateArray())
                    {
                        var elementLine = n < lines.Count ? lines[n] : propertyLine;
                        n++;
                        results.Add(element.ValueKind == JsonValueKind.Object
                            ? (new JsonRecord(elementLine, property.Name, element), null)
                            : (null, RowError.Of(elementLine, property.Name, null, "the array element is not a JSON object")));
                    }
                }
            }
            index++;
        }
        return results;
    }

    private static readonly IReadOnlySet<string> NoWrappers = new HashSet<string>();

    /// <summary>The properties of a top-level object that hold the records, or none when the object is a record itself.</summary>
    private IReadOnlySet<string> Wrappers(JsonElement root)
    {
        var named = root.EnumerateObject().Select(p => p.Name).Where(wrapperProperties.Contains).ToHashSet(StringComparer.Ordinal);
        if (named.Count > 0 || recordKeys is null || root.EnumerateObject().Any(p => recordKeys.Contains(p.Name)))
        {
            return named;
        }
        var lists = root.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() > 0
                        && p.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object))
            .Select(p => p.Name)
            .ToList();
        return lists.Count == 1 ? new HashSet<string>(lists, StringComparer.Ordinal) : named;
    }

    public void Dispose() => _stream.Dispose();
}
