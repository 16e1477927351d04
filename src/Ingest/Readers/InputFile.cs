using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace SupportLens.Ingest.Readers;

internal enum InputFormat
{
    Empty,
    Csv,
    Json,
}

/// <summary>
/// What one pass over a file learns before it is parsed: the SHA-256 of its bytes (as given, compressed or not),
/// whether it is gzip (or a zip holding one export, see <see cref="ZipInput"/>), how its text is encoded (UTF-8, UTF-16 with a byte order mark, else Windows-1252; see
/// <see cref="TextSniffer"/>), and whether it is CSV or JSON. The pass streams, so it costs a read of the file and no
/// memory. A gzip file is proven whole in this pass; when it is not, <see cref="Damage"/> says why and nothing of it
/// may load.
/// </summary>
internal sealed record InputFile(string Path, string Sha256, long Bytes, bool Gzip, TextEncoding Encoding, InputFormat Format)
{
    /// <summary>Why nothing of the file may load (a truncated or damaged gzip or zip, trailing bytes, a zip of several files), or null.</summary>
    public string? Damage { get; init; }

    /// <summary>The entry of a zip file that holds the export, or null when the file is not a zip.</summary>
    public string? ZipEntry { get; init; }

    /// <summary>What the report should say about how the file was read (not UTF-8, read as Windows-1252), or null.</summary>
    public string? Note { get; init; }

    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static InputFile Inspect(string path)
    {
        using var file = OpenRaw(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[4];
        var headLength = file.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        if (ZipInput.IsZip(head.AsSpan(0, headLength)))
        {
            return ZipInput.Inspect(path, file.Length);
        }
        hash.AppendData(head, 0, headLength);
        var gzip = headLength >= 2 && head[0] == 0x1F && head[1] == 0x8B;
        var hashing = new HashingStream(file, hash);
        using var inflated = gzip ? new ChecksumStream(new GZipStream(new PrefixedStream(head, headLength, hashing), CompressionMode.Decompress)) : null;
        using var text = inflated ?? (Stream)new PrefixedStream(head, headLength, hashing);
        var sniffed = new SniffedText(TextEncoding.Utf8, InputFormat.Empty, null);
        var whole = !gzip;
        try
        {
            sniffed = TextSniffer.Sniff(text);
            whole = whole || LastTrailerMatches(file, inflated!);
        }
        catch (InvalidDataException) when (gzip)
        {
            // Told precisely below.
        }
        // Read what the sniff left, so the hash covers the whole file.
        hashing.CopyTo(Stream.Null);
        // The framework's inflater (native zlib, fast) checks each whole member but takes a truncated file's prefix for
        // all of it and skips trailing bytes. A single-member file is whole when its output matches the one trailer at
        // the end; anything else (several members, or damage) is walked member by member to be proven or refused.
        var damage = whole ? null : CheckedGzipStream.Verify(path);
        return new InputFile(path, Convert.ToHexStringLower(hash.GetHashAndReset()), file.Length, gzip, sniffed.Encoding, sniffed.Format)
        {
            Damage = damage,
            Note = sniffed.Note,
        };
    }

    /// <summary>Whether the CRC-32 and length of everything inflated are those the file's last 8 bytes (a member trailer) state.</summary>
    private static bool LastTrailerMatches(FileStream file, ChecksumStream inflated)
    {
        if (file.Length < 18)
        {
            return false;
        }
        Span<byte> trailer = stackalloc byte[8];
        RandomAccess.Read(file.SafeFileHandle, trailer, file.Length - 8);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer) == inflated.Crc32
               && BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) == (uint)inflated.Length;
    }

    /// <summary>The decompressed bytes of the file.</summary>
    public Stream OpenContent()
    {
        if (ZipEntry is not null)
        {
            return ZipInput.Open(Path, ZipEntry);
        }
        var raw = OpenRaw(Path);
        return Gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
    }

    /// <summary>
    /// The content as UTF-8 bytes without a byte order mark: UTF-16 and Windows-1252 files transcoded, and in a UTF-8
    /// file with foreign bytes each of them as a <see cref="ForeignBytes.Marker"/>.
    /// </summary>
    public Stream OpenUtf8()
    {
        var content = OpenContent();
        var utf8 = TextEncodings.Source(Encoding) is { } source
            ? System.Text.Encoding.CreateTranscodingStream(content, source, System.Text.Encoding.UTF8)
            : content;
        var bom = new byte[3];
        var read = utf8.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        return read == 3 && bom.AsSpan().SequenceEqual(Bom) ? utf8 : new PrefixedStream(bom, read, utf8);
    }

    private static FileStream OpenRaw(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>Hashes what passes through it.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : ForwardOnlyStream(inner)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = Inner.Read(buffer, offset, count);
            hash.AppendData(buffer, offset, read);
            return read;
        }
    }
}

/// <summary>Bytes already read (a sniffed head) followed by the rest of a stream.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner) : ForwardOnlyStream(inner)
{
    private int _offset;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_offset < prefixLength)
        {
            var n = Math.Min(count, prefixLength - _offset);
            Array.Copy(prefix, _offset, buffer, offset, n);
            _offset += n;
            return n;
        }
        return Inner.Read(buffer, offset, count);
    }
}
