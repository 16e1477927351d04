using System.Globalization;
using System.Text;

namespace SupportLens.Ingest.Readers;

/// <summary>How the bytes of a file are text (README "Formats").</summary>
internal enum TextEncoding
{
    /// <summary>Valid UTF-8, with or without a byte order mark.</summary>
    Utf8,

    /// <summary>UTF-16 little endian with its byte order mark (Excel's "Unicode text").</summary>
    Utf16LittleEndian,

    /// <summary>UTF-16 big endian with its byte order mark.</summary>
    Utf16BigEndian,

    /// <summary>Not UTF-8 and nothing in it is: a legacy export, read as Windows-1252 (a superset of Latin-1's printable characters).</summary>
    Windows1252,

    /// <summary>
    /// UTF-8 (it has a byte order mark or valid multi-byte characters) with some bytes that are not: lines pasted in
    /// from another encoding. Those bytes are read as <see cref="ForeignBytes.Marker"/>s and their rows quarantined,
    /// since reading the whole file as either encoding would garble the other's lines.
    /// </summary>
    MixedUtf8,
}

/// <summary>Encodings by <see cref="TextEncoding"/>, for transcoding a file to UTF-8.</summary>
internal static class TextEncodings
{
    private static readonly Encoding Cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("the Windows-1252 code page is not available");

    private static readonly Encoding MarkedUtf8 = Encoding.GetEncoding(65001, EncoderFallback.ExceptionFallback, new ForeignBytes());

    /// <summary>The encoding to transcode from, or null when the bytes are UTF-8 already.</summary>
    public static Encoding? Source(TextEncoding encoding) => encoding switch
    {
        TextEncoding.Utf8 => null,
        TextEncoding.Utf16LittleEndian => Encoding.Unicode,
        TextEncoding.Utf16BigEndian => Encoding.BigEndianUnicode,
        TextEncoding.Windows1252 => Cp1252,
        TextEncoding.MixedUtf8 => MarkedUtf8,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };
}

/// <summary>
/// Decodes each byte that is not UTF-8 as <see cref="Marker"/> followed by its two hex digits, so a row holding one can
/// be told (and the byte named) after parsing. U+FDD0 is a noncharacter, reserved by Unicode for such internal use:
/// no export holds it.
/// </summary>
internal sealed class ForeignBytes : DecoderFallback
{
    public const char Marker = '\uFDD0';

    public override int MaxCharCount => 12;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

    /// <summary>The first foreign byte of <paramref name="value"/>, or null when it has none.</summary>
    public static byte? First(string? value)
    {
        var at = value?.IndexOf(Marker) ?? -1;
        return at >= 0 && at + 2 < value!.Length
            ? byte.Parse(value.AsSpan(at + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The value with each foreign byte written <c>\xE9</c>.</summary>
    public static string Show(string value) => value.Replace(Marker.ToString(), "\\x", StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ForeignBytes;

    public override int GetHashCode() => Marker;

    private sealed class Buffer : DecoderFallbackBuffer
    {
        private string _pending = "";
        private int _next;

        public override int Remaining => _pending.Length - _next;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            _pending = string.Concat(bytesUnknown.Select(b => string.Create(CultureInfo.InvariantCulture, $"{Marker}{b:X2}")));
            _next = 0;
            return true;
        }

        public override char GetNextChar() => _next < _pending.Length ? _pending[_next++] : '\0';

        public override bool MovePrevious()
        {
            if (_next == 0)
            {
                return false;
            }
            _next--;
            return true;
        }

        public override void Reset()
        {
            _pending = "";
            _next = 0;
        }
    }
}
