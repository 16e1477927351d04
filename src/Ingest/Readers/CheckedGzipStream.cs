using System.Buffers.Binary;
using System.Globalization;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Checksum;
using ICSharpCode.SharpZipLib.Zip.Compression;

namespace SupportLens.Ingest.Readers;

/// <summary>
/// Decompresses a gzip file member by member (RFC 1952) and proves it whole: every member's CRC-32 and length, a file
/// that ends inside a member, and bytes after the last member that are not another member all fail with
/// <see cref="InvalidDataException"/>, as <c>gzip -t</c> would. The framework's GZipStream returns a truncated file's
/// prefix as if it were all of it and skips trailing bytes, so a cut-off export would load as complete. SharpZipLib's
/// inflater is used because it tells how much input a member used, which is what finds where the next one starts.
/// </summary>
internal sealed class CheckedGzipStream(Stream raw) : ForwardOnlyStream(raw)
{
    /// <summary>Reads the gzip file at <paramref name="path"/> to its end: null when it is whole, else why it is not.</summary>
    public static string? Verify(string path)
    {
        using var gzip = new CheckedGzipStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        try
        {
            gzip.CopyTo(Stream.Null, 1 << 16);
            return null;
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
    }

    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;
    private const byte FlagsReserved = 0xE0;

    private readonly byte[] _input = new byte[1 << 16];
    private readonly Inflater _inflater = new(noHeader: true);
    private readonly Crc32 _crc = new();

    // Unread input is _input[_start.._end); _input[0] is byte _offset of the file.
    private int _start;
    private int _end;
    private long _offset;
    private bool _eof;
    private long _length;
    private int _members;
    private bool _inMember;
    private bool _done;

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (!_done && count > 0)
        {
            if (!_inMember)
            {
                if (!StartMember())
                {
                    _done = true;
                }
                continue;
            }
            if (_inflater.IsFinished)
            {
                _start = _end - _inflater.RemainingInput;
                EndMember();
                continue;
            }
            if (_inflater.IsNeedingInput)
            {
                if (!Fill())
                {
                    throw Truncated($"inside the compressed data of member {_members}");
                }
                _inflater.SetInput(_input, _start, _end - _start);
                // The inflater owns these bytes now; whatever it leaves after the member comes back via RemainingInput.
                _start = _end;
            }
            int produced;
            try
            {
                produced = _inflater.Inflate(buffer, offset, count);
            }
            catch (SharpZipBaseException e)
            {
                throw Damaged($"member {_members} is not valid deflate data ({e.Message})");
            }
            if (produced > 0)
            {
                _crc.Update(new ArraySegment<byte>(buffer, offset, produced));
                _length += produced;
                return produced;
            }
            if (_inflater.IsNeedingDictionary)
            {
                throw Damaged($"member {_members} asks for a preset dictionary, which gzip does not have");
            }
        }
        return 0;
    }

    /// <summary>Reads the header of the next member; false at the clean end of the file.</summary>
    private bool StartMember()
    {
        var at = At();
        if (!Ensure(1))
        {
            if (_members == 0)
            {
                throw Truncated("before the first member");
            }
            return false;
        }
        if (_input[_start] != 0x1F || (Ensure(2) && _input[_start + 1] != 0x8B))
        {
            throw _members == 0
                ? Damaged("it does not start with the gzip signature")
                : new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"damaged gzip: trailing bytes that are not gzip data after the end of the compressed data at byte {at} (gzip -t: trailing garbage); the file is refused whole"));
        }
        if (!Ensure(10))
        {
            throw Truncated($"inside the header of member {_members + 1}");
        }
        var method = _input[_start + 2];
        var flags = _input[_start + 3];
        if (method != 8)
        {
            throw Damaged($"member {_members + 1} uses compression method {method}, not deflate (8)");
        }
        if ((flags & FlagsReserved) != 0)
        {
            throw Damaged($"member {_members + 1} has reserved header flags set");
        }
        _start += 10;
        if ((flags & FlagExtra) != 0)
        {
            if (!Ensure(2))
            {
                throw Truncated($"inside the header of member {_members + 1}");
            }
            var extra = BinaryPrimitives.ReadUInt16LittleEndian(_input.AsSpan(_start, 2));
            _start += 2;
            Skip(extra);
        }
        if ((flags & FlagName) != 0)
        {
            SkipZeroTerminated();
        }
        if ((flags & FlagComment) != 0)
        {
            SkipZeroTerminated();
        }
        if ((flags & FlagHeaderCrc) != 0)
        {
            Skip(2);
        }
        _members++;
        _inflater.Reset();
        _crc.Reset();
        _length = 0;
        _inMember = true;
        return true;
    }

    private void EndMember()
    {
        if (!Ensure(8))
        {
            throw Truncated($"inside the trailer of member {_members}");
        }
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(_input.AsSpan(_start, 4));
        var length = BinaryPrimitives.ReadUInt32LittleEndian(_input.AsSpan(_start + 4, 4));
        if (crc != (uint)_crc.Value)
        {
            throw Damaged($"member {_members} fails its CRC-32 check");
        }
        if (length != (uint)_length)
        {
            throw Damaged($"member {_members} has {_length} bytes where its trailer says {length}");
        }
        _start += 8;
        _inMember = false;
    }

    private void Skip(int count)
    {
        while (count > 0)
        {
            if (!Ensure(1))
            {
                throw Truncated($"inside the header of member {_members + 1}");
            }
            var n = Math.Min(count, _end - _start);
            _start += n;
            count -= n;
        }
    }

    private void SkipZeroTerminated()
    {
        while (true)
        {
            if (!Ensure(1))
            {
                throw Truncated($"inside the header of member {_members + 1}");
            }
            var zero = Array.IndexOf(_input, (byte)0, _start, _end - _start);
            if (zero >= 0)
            {
                _start = zero + 1;
                return;
            }
            _start = _end;
        }
    }

    /// <summary>Makes at least <paramref name="count"/> unread bytes available (fewer only at the end of the file).</summary>
    private bool Ensure(int count)
    {
        if (_end - _start >= count)
        {
            return true;
        }
        Compact();
        while (_end - _start < count && !_eof)
        {
            ReadMore();
        }
        return _end - _start >= count;
    }

    /// <summary>Reads more input once all of it was handed to the inflater; false at the end of the file.</summary>
    private bool Fill()
    {
        Compact();
        while (_end == _start && !_eof)
        {
            ReadMore();
        }
        return _end > _start;
    }

    private void Compact()
    {
        var unread = _end - _start;
        Array.Copy(_input, _start, _input, 0, unread);
        _offset += _start;
        _start = 0;
        _end = unread;
    }

    private void ReadMore()
    {
        var read = Inner.Read(_input, _end, _input.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        _end += read;
    }

    private long At() => _offset + _start;

    private InvalidDataException Truncated(string where) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"truncated gzip: the file ends {where} at byte {At()} (gzip -t: unexpected end of file), so it is not the whole export; nothing was loaded"));

    private static InvalidDataException Damaged(string why) => new($"damaged gzip: {why}; nothing was loaded");
}
