using System.Buffers;
using System.Globalization;
using System.Text;

namespace SupportLens.Ingest.Readers;

/// <summary>What one pass over a file's text found: its encoding, CSV or JSON, and, when it is not UTF-8, where it first is not.</summary>
internal sealed record SniffedText(TextEncoding Encoding, InputFormat Format, string? Note);

/// <summary>
/// Reads a file's (decompressed) bytes to the end once: a byte order mark decides UTF-8 or UTF-16; otherwise the bytes
/// are checked as UTF-8 (vectorised, a chunk at a time), remembering the line of the first byte that is not and
/// whether any valid multi-byte character was seen, which tells a legacy Windows-1252 file from a UTF-8 file with a
/// foreign line. The first non-blank character tells JSON (<c>[</c> or <c>{</c>) from CSV.
/// </summary>
internal static class TextSniffer
{
    public static SniffedText Sniff(Stream text)
    {
        var buffer = new byte[1 << 16];
        var length = text.ReadAtLeast(buffer, 4, throwOnEndOfStream: false);
        var head = buffer.AsSpan(0, length);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var encoding = head[0] == 0xFF ? TextEncoding.Utf16LittleEndian : TextEncoding.Utf16BigEndian;
            return new SniffedText(encoding, Utf16Format(text, buffer, length, TextEncodings.Source(encoding)!), null);
        }
        var bom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        return Utf8(text, buffer, length, bom);
    }

    private static InputFormat Utf16Format(Stream text, byte[] buffer, int length, Encoding encoding)
    {
        var decoder = encoding.GetDecoder();
        var chars = new char[buffer.Length];
        var format = InputFormat.Empty;
        var start = 2;
        do
        {
            if (format == InputFormat.Empty)
            {
                var count = decoder.GetChars(buffer, start, length - start, chars, 0);
                format = FormatOf(chars.AsSpan(0, count));
            }
            start = 0;
        }
        while ((length = text.Read(buffer)) > 0);
        return format;
    }

    private static InputFormat FormatOf(ReadOnlySpan<char> text)
    {
        var first = text.IndexOfAnyExcept(" \t\r\n");
        return first < 0 ? InputFormat.Empty : text[first] is '[' or '{' ? InputFormat.Json : InputFormat.Csv;
    }

    private static SniffedText Utf8(Stream text, byte[] buffer, int length, int bom)
    {
        var format = InputFormat.Empty;
        var multiByte = false;
        var breaks = new LineCounter();
        (long Line, byte Byte)? foreign = null;
        var chars = ArrayPool<char>.Shared.Rent(buffer.Length);
        try
        {
            var start = bom;
            var carry = 0;
            while (true)
            {
                var final = length == carry;
                var span = buffer.AsSpan(start, length - start);
                if (format == InputFormat.Empty)
                {
                    var first = span.IndexOfAnyExcept(" \t\r\n"u8);
                    if (first >= 0)
                    {
                        format = span[first] is (byte)'[' or (byte)'{' ? InputFormat.Json : InputFormat.Csv;
                    }
                }
                carry = 0;
                // Once both facts are known, the rest only needs reading (for the hash and the gzip check).
                if (foreign is null || !multiByte)
                {
                    if (System.Text.Unicode.Utf8.IsValid(span))
                    {
                        multiByte = multiByte || span.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
                        if (foreign is null)
                        {
                            breaks.Add(span);
                        }
                    }
                    else
                    {
                        carry = Walk(span, final, chars, ref multiByte, ref foreign, ref breaks);
                    }
                }
                if (final)
                {
                    break;
                }
                // A character cut by the end of the buffer is finished by the next read.
                buffer.AsSpan(length - carry, carry).CopyTo(buffer);
                start = 0;
                var read = text.Read(buffer, carry, buffer.Length - carry);
                length = carry + read;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
        if (foreign is not { } at)
        {
            return new SniffedText(TextEncoding.Utf8, format, null);
        }
        if (multiByte || bom > 0)
        {
            return new SniffedText(TextEncoding.MixedUtf8, format, null);
        }
        return new SniffedText(TextEncoding.Windows1252, format, string.Create(CultureInfo.InvariantCulture,
            $"the file is not UTF-8 (line {at.Line} has the byte 0x{at.Byte:X2}, which UTF-8 does not allow there): read as Windows-1252"));
    }

    /// <summary>Decodes a span that is not all valid UTF-8, noting the first foreign byte; returns how many bytes at its end await the next read.</summary>
    private static int Walk(ReadOnlySpan<byte> span, bool final, char[] chars, ref bool multiByte, ref (long Line, byte Byte)? foreign, ref LineCounter breaks)
    {
        var position = 0;
        while (position < span.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(span[position..], chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: final);
            multiByte |= read > written;
            if (foreign is null)
            {
                breaks.Add(span.Slice(position, read));
            }
            position += read;
            switch (status)
            {
                case OperationStatus.NeedMoreData:
                    return span.Length - position;
                case OperationStatus.InvalidData:
                    foreign ??= (breaks.Line, span[position]);
                    position++;
                    break;
                default:
                    return 0;
            }
        }
        return 0;
    }

    /// <summary>Counts lines as an editor does: LF, CRLF and a lone CR each end one.</summary>
    private struct LineCounter
    {
        private long _breaks;
        private bool _pendingCr;

        public readonly long Line => _breaks + 1;

        public void Add(ReadOnlySpan<byte> span)
        {
            if (span.IsEmpty)
            {
                return;
            }
            var lf = span.Count((byte)'\n');
            var cr = span.Count((byte)'\r');
            var crlf = cr == 0 ? 0 : span.Count("\r\n"u8);
            if (_pendingCr && span[0] == '\n')
            {
                crlf++;
            }
            _breaks += lf + cr - crlf;
            _pendingCr = span[^1] == '\r';
        }
    }
}
