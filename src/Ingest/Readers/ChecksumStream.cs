using ICSharpCode.SharpZipLib.Checksum;

namespace SupportLens.Ingest.Readers;

/// <summary>Passes a stream's bytes through, keeping their CRC-32 (as gzip computes it) and how many there were.</summary>
internal sealed class ChecksumStream(Stream inner) : ForwardOnlyStream(inner)
{
    private readonly Crc32 _crc = new();

    public uint Crc32 => (uint)_crc.Value;

    public override long Length => _length;

    private long _length;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = Inner.Read(buffer, offset, count);
        if (read > 0)
        {
            _crc.Update(new ArraySegment<byte>(buffer, offset, read));
            _length += read;
        }
        return read;
    }
}
