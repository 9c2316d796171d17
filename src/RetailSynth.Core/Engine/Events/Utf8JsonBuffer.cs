using System.Buffers.Text;
using System.Text;

namespace RetailSynth.Engine.Events;

/// <summary>
/// A reusable, growable UTF-8 buffer with the few JSON primitives the envelope needs (events.md §2.2).
/// Hand-written rather than <c>Utf8JsonWriter</c> because money must be written from cents with exactly
/// two decimals and timestamps in one fixed format, and it avoids per-event writer state.
/// </summary>
internal sealed class Utf8JsonBuffer
{
    private byte[] _buffer = new byte[1024];
    private int _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    /// <summary>Bytes already valid as JSON (literal keys and punctuation).</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Null() => Raw("null"u8);

    /// <summary>A JSON string, or null.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        Ensure(value.Length + 2);
        var span = _buffer.AsSpan(_length);
        span[0] = (byte)'"';
        var i = 0;
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (c is < (char)0x20 or '"' or '\\' or >= (char)0x80)
            {
                break;
            }

            span[i + 1] = (byte)c;
        }

        _length += i + 1;
        if (i < value.Length)
        {
            Escaped(value.AsSpan(i)); // rare: ids and enumerations are plain ASCII
        }

        Ensure(1);
        _buffer[_length++] = (byte)'"';
    }

    /// <summary>A JSON string of already-encoded ASCII bytes (ids).</summary>
    public void String(ReadOnlySpan<byte> ascii)
    {
        Ensure(ascii.Length + 2);
        _buffer[_length++] = (byte)'"';
        ascii.CopyTo(_buffer.AsSpan(_length));
        _length += ascii.Length;
        _buffer[_length++] = (byte)'"';
    }

    public void Integer(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    public void Integer(long? value)
    {
        if (value is { } v)
        {
            Integer(v);
        }
        else
        {
            Null();
        }
    }

    /// <summary>Money from cents with exactly two fraction digits, never through binary floating point.</summary>
    public void Money(long cents)
    {
        Ensure(24);
        var magnitude = (ulong)Math.Abs(cents); // long.MinValue cents cannot occur
        if (cents < 0)
        {
            _buffer[_length++] = (byte)'-';
        }

        Utf8Formatter.TryFormat(magnitude / 100, _buffer.AsSpan(_length), out var written);
        _length += written;
        var fraction = (int)(magnitude % 100);
        _buffer[_length++] = (byte)'.';
        _buffer[_length++] = (byte)('0' + (fraction / 10));
        _buffer[_length++] = (byte)('0' + (fraction % 10));
    }

    /// <summary>A quoted <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> timestamp.</summary>
    public void Timestamp(DateTime value)
    {
        Ensure(26);
        _buffer[_length++] = (byte)'"';
        _length += WriteTimestamp(value, _buffer.AsSpan(_length));
        _buffer[_length++] = (byte)'"';
    }

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (24 bytes); also used for row keys.</summary>
    public static int WriteTimestamp(DateTime value, Span<byte> destination)
    {
        var (year, month, day) = value;
        var time = value.TimeOfDay;
        Digits(destination, 0, year, 4);
        destination[4] = (byte)'-';
        Digits(destination, 5, month, 2);
        destination[7] = (byte)'-';
        Digits(destination, 8, day, 2);
        destination[10] = (byte)'T';
        Digits(destination, 11, time.Hours, 2);
        destination[13] = (byte)':';
        Digits(destination, 14, time.Minutes, 2);
        destination[16] = (byte)':';
        Digits(destination, 17, time.Seconds, 2);
        destination[19] = (byte)'.';
        Digits(destination, 20, time.Milliseconds, 3);
        destination[23] = (byte)'Z';
        return 24;
    }

    /// <summary>Writes <c>yyyy-MM-dd</c> (10 bytes) for row keys.</summary>
    public static int WriteDate(DateOnly value, Span<byte> destination)
    {
        Digits(destination, 0, value.Year, 4);
        destination[4] = (byte)'-';
        Digits(destination, 5, value.Month, 2);
        destination[7] = (byte)'-';
        Digits(destination, 8, value.Day, 2);
        return 10;
    }

    public void IntegerArray(long[] values)
    {
        Raw("["u8);
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                Raw(","u8);
            }

            Integer(values[i]);
        }

        Raw("]"u8);
    }

    private static void Digits(Span<byte> destination, int offset, int value, int count)
    {
        for (var i = offset + count - 1; i >= offset; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private void Escaped(ReadOnlySpan<char> rest)
    {
        var i = 0;
        while (i < rest.Length)
        {
            var c = rest[i];
            switch (c)
            {
                case '"':
                    Raw("\\\""u8);
                    i++;
                    break;
                case '\\':
                    Raw("\\\\"u8);
                    i++;
                    break;
                case < (char)0x20:
                    Ensure(6);
                    Raw("\\u00"u8);
                    _buffer[_length++] = (byte)"0123456789abcdef"[c >> 4];
                    _buffer[_length++] = (byte)"0123456789abcdef"[c & 0xF];
                    i++;
                    break;
                case < (char)0x80:
                    Ensure(1);
                    _buffer[_length++] = (byte)c;
                    i++;
                    break;
                default:
                    // A run of non-ASCII characters, encoded at once so surrogate pairs stay together.
                    var end = i + 1;
                    while (end < rest.Length && rest[end] >= (char)0x80)
                    {
                        end++;
                    }

                    var run = rest[i..end];
                    Ensure(Encoding.UTF8.GetMaxByteCount(run.Length));
                    _length += Encoding.UTF8.GetBytes(run, _buffer.AsSpan(_length));
                    i = end;
                    break;
            }
        }
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
        }
    }
}
