using System.IO.Compression;
using System.Security.Cryptography;

namespace SupportLens.Ingest.Readers;

/// <summary>
/// A zip file holding one export, as helpdesks mail them. Folders and the metadata macOS adds (<c>__MACOSX/</c>,
/// <c>.DS_Store</c>) are not exports. The entry is read whole while the file is inspected and its CRC-32 and length
/// checked against the archive's, so a truncated or damaged zip is refused before anything of it loads. A zip of
/// several exports is refused naming them: each file is its own batch, and which entry a row came from must stay told.
/// </summary>
internal static class ZipInput
{
    /// <summary>A local file header or, for an empty archive, the end of the central directory: a CSV may well start with "PK".</summary>
    public static bool IsZip(ReadOnlySpan<byte> head) => head.SequenceEqual("PK\u0003\u0004"u8) || head.SequenceEqual("PK\u0005\u0006"u8);

    /// <summary>The one export of the zip at <paramref name="path"/>, sniffed: or, in <see cref="InputFile.Damage"/>, why it cannot load.</summary>
    public static InputFile Inspect(string path, long bytes)
    {
        var sha256 = Sha256(path);
        var refused = new InputFile(path, sha256, bytes, false, TextEncoding.Utf8, InputFormat.Empty);
        try
        {
            using var archive = ZipFile.OpenRead(path);
            var exports = Exports(archive);
            if (exports.Count != 1)
            {
                return refused with
                {
                    Damage = exports.Count == 0
                        ? "the zip holds no file"
                        : $"the zip holds {exports.Count} files ({Echo.List(exports.Select(e => e.FullName).ToList())}): give one export per zip, or unzip it and give the files",
                };
            }
            var entry = exports[0];
            SniffedText sniffed;
            using (var content = new ChecksumStream(entry.Open()))
            {
                sniffed = TextSniffer.Sniff(content);
                content.CopyTo(Stream.Null);
                if (content.Length != entry.Length || content.Crc32 != entry.Crc32)
                {
                    return refused with { Damage = $"damaged zip: {Echo.Value(entry.FullName)} does not inflate to the length and CRC-32 the zip states; nothing was loaded" };
                }
            }
            return new InputFile(path, sha256, bytes, false, sniffed.Encoding, sniffed.Format) { ZipEntry = entry.FullName, Note = sniffed.Note };
        }
        catch (InvalidDataException e)
        {
            return refused with { Damage = $"damaged zip: {Echo.Value(e.Message, Echo.MaxMessageChars)} (is it truncated?); nothing was loaded" };
        }
    }

    /// <summary>The entry's decompressed bytes; disposing the stream closes the archive.</summary>
    public static Stream Open(string path, string entryName)
    {
        var archive = ZipFile.OpenRead(path);
        try
        {
            var entry = archive.GetEntry(entryName) ?? throw new InvalidDataException($"the zip no longer holds {entryName}");
            return new ArchiveStream(entry.Open(), archive);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    private static List<ZipArchiveEntry> Exports(ZipArchive archive) =>
        archive.Entries.Where(e => e.Name.Length > 0 && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) && e.Name != ".DS_Store").ToList();

    private static string Sha256(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>An entry's stream that closes its archive with it.</summary>
    private sealed class ArchiveStream(Stream inner, ZipArchive archive) : ForwardOnlyStream(inner)
    {

        public override int Read(byte[] buffer, int offset, int count) => Inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => Inner.Read(buffer);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                archive.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
