using ICSharpCode.SharpZipLib.Checksum;

namespace SupportLens.Ingest.Readers;

/// <summary>Passes a stream's bytes through, keeping their CRC-32 (as gzip computes it) and how many there were.</summary>
internal sealed class ChecksumStream(Stream inner) : Stream
{
    private readonly Crc32 _crc = new();

    public uint Crc32 => (uint)_crc.Value;

    public override long Length => _length;

    private long _length;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        if (read > 0)
        {
            _crc.Update(new ArraySegment<byte>(buffer, offset, read));
            _length += read;
        }
        return read;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
