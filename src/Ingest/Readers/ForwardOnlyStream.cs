namespace SupportLens.Ingest.Readers;

/// <summary>
/// A read-only stream read once from start to end, over another it owns: what every ingest stream layer is (gzip and
/// zip checks, hashing, sniffed prefixes). Subclasses give <see cref="Stream.Read(byte[], int, int)"/>; disposing
/// disposes the inner stream.
/// </summary>
internal abstract class ForwardOnlyStream(Stream inner) : Stream
{
    /// <summary>The stream read from, disposed with this one.</summary>
    protected Stream Inner { get; } = inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

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
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
