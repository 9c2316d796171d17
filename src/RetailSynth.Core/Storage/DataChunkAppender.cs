using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using NativeAppender = DuckDB.NET.Native.DuckDBAppender;

namespace RetailSynth.Storage;

/// <summary>
/// Appends one table's rows by writing them straight into a DuckDB data chunk and handing each full chunk to the
/// table's Appender (<c>duckdb_append_data_chunk</c>). One chunk is reused for the whole day, so its memory stays warm.
/// </summary>
/// <remarks>
/// Why not DuckDB.NET's row API (<c>CreateRow().AppendValue(…)</c>, still the bench's raw baseline): its per-value
/// dispatch and conversions (a <see cref="decimal"/> division per money value) cost about as much as DuckDB's own
/// append. Here a money value is its cents stored as the DECIMAL's unscaled integer, a timestamp is one subtraction,
/// and a string of up to 12 UTF-8 bytes is written inline. The writer thread is left with little more than DuckDB's
/// work, which runs in native code while the simulator's garbage collections pause managed threads. Measured in
/// docs/decisions.md ("Day commit write path").
/// </remarks>
internal sealed unsafe class DataChunkAppender : IRowAppender<DataChunkRow>, IDisposable
{
    // duckdb_string_t: a 4-byte length, then up to 12 bytes inline (zero-padded) or a 4-byte prefix and a pointer.
    private const int StringSize = 16;
    private const int InlineStringBytes = 12;

    // DuckDB's Appender buffers up to 204,800 rows before moving them into the transaction's storage; with 19 tables
    // open all day that outgrew the 192 MB buffer pool and spilled to temporary files. So it is flushed every 16,384
    // rows (10 large days: 21.5 s against 27.2 s, peak RSS 853 against 974 MiB; every 2–16 chunks beat never).
    private const int ChunksPerFlush = 8;

    private readonly string _table;
    private readonly NativeAppender _appender;
    private readonly DuckDBDataChunk _chunk;
    private readonly Column[] _columns;
    private readonly nint[] _vectors;
    private readonly nint[] _data;
    private readonly nint[] _validity; // 0 until the chunk's first NULL in the column
    private readonly int _capacity;
    private byte[] _utf8 = new byte[256];
    private int _size;
    private int _chunksSinceFlush;

    /// <param name="connection">The connection whose transaction takes the rows.</param>
    /// <param name="table">The table appended to.</param>
    /// <param name="columns">
    /// The columns each row gives, in order; the table's other columns take their defaults. Null: every column.
    /// </param>
    public DataChunkAppender(DuckDBConnection connection, string table, IReadOnlyList<string>? columns = null)
    {
        _table = table;
        Check(NativeMethods.Appender.DuckDBAppenderCreate(connection.NativeConnection, null, table, out _appender), "open");
        try
        {
            foreach (var column in columns ?? [])
            {
                Check(AppenderColumns.Add(_appender, column), $"activate column {column} of");
            }
        }
        catch
        {
            _appender.Dispose();
            throw;
        }

        var count = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(_appender);
        _columns = new Column[count];
        var types = new DuckDBLogicalType[count];
        try
        {
            for (var c = 0; c < count; c++)
            {
                types[c] = NativeMethods.Appender.DuckDBAppenderColumnType(_appender, (ulong)c);
                _columns[c] = Column.Of(types[c]);
            }

            _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk([.. types.Select(t => t.DangerousGetHandle())], (ulong)count);
        }
        finally
        {
            foreach (var type in types)
            {
                type?.Dispose();
            }
        }

        _capacity = (int)NativeMethods.Helpers.DuckDBVectorSize();
        _vectors = new nint[count];
        _data = new nint[count];
        _validity = new nint[count];
        BindVectors();
    }

    public DataChunkRow CreateRow()
    {
        if (_size == _capacity)
        {
            AppendChunk();
        }

        return new DataChunkRow(this, _size, 0);
    }

    /// <summary>Appends the rows still in the chunk and closes the Appender: the table's rows are then in the open transaction.</summary>
    public void Close()
    {
        AppendChunk();
        Check(NativeMethods.Appender.DuckDBAppenderClose(_appender), "close");
    }

    /// <summary>
    /// Destroying an Appender flushes the rows it already took, so on an abandoned day this must run while the
    /// transaction is still open (see <see cref="AppendersByTable{TAppender}"/>). Rows still in the chunk are dropped.
    /// </summary>
    public void Dispose()
    {
        _chunk.Dispose();
        _appender.Dispose();
    }

    internal void EndRow(int columns)
    {
        if (columns != _columns.Length)
        {
            throw new InvalidOperationException($"{_table}: a row ended after {columns} of its {_columns.Length} columns.");
        }

        _size++;
    }

    internal void WriteString(int row, int column, string? value)
    {
        if (column < _columns.Length && _columns[column].Type == DuckDBType.Enum)
        {
            WriteEnum(row, column, value);
            return;
        }

        Expect(column, DuckDBType.Varchar, "VARCHAR");
        if (value is null)
        {
            SetNull(row, column);
            return;
        }

        var target = (byte*)_data[column] + ((long)row * StringSize);
        if (value.Length <= InlineStringBytes)
        {
            var inline = new Span<byte>(target + sizeof(uint), InlineStringBytes);
            inline.Clear();
            if (Encoding.UTF8.TryGetBytes(value, inline, out var written))
            {
                *(uint*)target = (uint)written;
                return;
            }
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length)
        {
            _utf8 = new byte[max];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        fixed (byte* bytes = _utf8)
        {
            // "Unsafe" skips DuckDB's UTF-8 validation: .NET's encoder only produces valid UTF-8.
            NativeMethods.Vectors.DuckDBUnsafeVectorAssignStringElementLength(_vectors[column], (ulong)row, bytes, length);
        }
    }

    /// <summary>An ENUM stores the value's position in the type's dictionary, in an integer as wide as the dictionary needs.</summary>
    private void WriteEnum(int row, int column, string? value)
    {
        if (value is null)
        {
            SetNull(row, column);
            return;
        }

        var enumColumn = _columns[column];
        if (!enumColumn.EnumValues!.TryGetValue(value, out var position))
        {
            throw new InvalidOperationException($"{_table}: column {column + 1} is an ENUM without the value '{value}'.");
        }

        switch (enumColumn.Storage)
        {
            case DuckDBType.UnsignedTinyInt:
                ((byte*)_data[column])[row] = (byte)position;
                break;
            case DuckDBType.UnsignedSmallInt:
                ((ushort*)_data[column])[row] = (ushort)position;
                break;
            default:
                ((uint*)_data[column])[row] = (uint)position;
                break;
        }
    }

    internal void WriteInt64(int row, int column, long? value) => WriteFixed(row, column, DuckDBType.BigInt, "BIGINT", value);

    internal void WriteInt32(int row, int column, int? value) => WriteFixed(row, column, DuckDBType.Integer, "INTEGER", value);

    internal void WriteInt16(int row, int column, short value) => WriteFixed<short>(row, column, DuckDBType.SmallInt, "SMALLINT", value);

    internal void WriteDouble(int row, int column, double value) => WriteFixed<double>(row, column, DuckDBType.Double, "DOUBLE", value);

    /// <summary>DuckDB's BOOLEAN is one byte, 0 or 1.</summary>
    internal void WriteBoolean(int row, int column, bool value) => WriteFixed<byte>(row, column, DuckDBType.Boolean, "BOOLEAN", value ? (byte)1 : (byte)0);

    /// <summary>DuckDB's TIMESTAMP is microseconds since the Unix epoch.</summary>
    internal void WriteTimestamp(int row, int column, DateTime? value) =>
        WriteFixed(row, column, DuckDBType.Timestamp, "TIMESTAMP", value is { } v ? (v.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond : (long?)null);

    /// <summary>A fixed-width value goes straight into the column's data vector; a null only sets the validity bit.</summary>
    private void WriteFixed<T>(int row, int column, DuckDBType type, string typeName, T? value)
        where T : unmanaged
    {
        Expect(column, type, typeName);
        if (value is { } v)
        {
            ((T*)_data[column])[row] = v;
        }
        else
        {
            SetNull(row, column);
        }
    }

    /// <summary>
    /// DuckDB's UUID is a 128-bit integer (lower half first): the UUID's bytes read big-endian, its top bit flipped so
    /// that UUIDs sort as their text does.
    /// </summary>
    internal void WriteUuid(int row, int column, Guid value)
    {
        Expect(column, DuckDBType.Uuid, "UUID");
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        var target = (ulong*)_data[column] + (2L * row);
        target[0] = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        target[1] = BinaryPrimitives.ReadUInt64BigEndian(bytes) ^ (1UL << 63);
    }

    internal void WriteDate(int row, int column, DateOnly value)
    {
        Expect(column, DuckDBType.Date, "DATE");
        ((int*)_data[column])[row] = value.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    }

    internal void WriteDecimal(int row, int column, long unscaled, int scale)
    {
        Expect(column, DuckDBType.Decimal, "DECIMAL");
        var decimalColumn = _columns[column];
        if (decimalColumn.Scale != scale)
        {
            throw new InvalidOperationException($"{_table}: column {column + 1} is a DECIMAL of scale {decimalColumn.Scale}, the row appended scale {scale}.");
        }

        // The unscaled value is what DuckDB stores, in an integer as wide as the DECIMAL's width needs.
        switch (decimalColumn.Storage)
        {
            case DuckDBType.BigInt:
                ((long*)_data[column])[row] = unscaled;
                break;
            case DuckDBType.Integer:
                ((int*)_data[column])[row] = checked((int)unscaled);
                break;
            case DuckDBType.SmallInt:
                ((short*)_data[column])[row] = checked((short)unscaled);
                break;
            default:
                throw new InvalidOperationException($"{_table}: column {column + 1} is a DECIMAL stored as {decimalColumn.Storage}, which this writer does not fill.");
        }
    }

    internal void WriteInt64List(int row, int column, long[] values)
    {
        Expect(column, DuckDBType.List, "BIGINT[]");
        if (_columns[column].Storage != DuckDBType.BigInt)
        {
            throw new InvalidOperationException($"{_table}: column {column + 1} is a list of {_columns[column].Storage}, the row appended BIGINT[].");
        }

        var vector = _vectors[column];
        var offset = (ulong)NativeMethods.Vectors.DuckDBListVectorGetSize(vector);
        var size = offset + (ulong)values.Length;
        Check(NativeMethods.Vectors.DuckDBListVectorReserve(vector, size), "grow a list in");
        var child = (long*)NativeMethods.Vectors.DuckDBVectorGetData(NativeMethods.Vectors.DuckDBListVectorGetChild(vector));
        values.CopyTo(new Span<long>(child + offset, values.Length));
        Check(NativeMethods.Vectors.DuckDBListVectorSetSize(vector, size), "grow a list in");
        ((ListEntry*)_data[column])[row] = new ListEntry(offset, (ulong)values.Length);
    }

    /// <summary>Hands the filled rows to DuckDB's Appender and starts the chunk over.</summary>
    private void AppendChunk()
    {
        if (_size == 0)
        {
            return;
        }

        NativeMethods.DataChunks.DuckDBDataChunkSetSize(_chunk, (ulong)_size);
        Check(NativeMethods.Appender.DuckDBAppendDataChunk(_appender, _chunk), "append to");
        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        _size = 0;
        BindVectors();
        if (++_chunksSinceFlush == ChunksPerFlush)
        {
            _chunksSinceFlush = 0;
            Check(NativeMethods.Appender.DuckDBAppenderFlush(_appender), "flush");
        }
    }

    private void BindVectors()
    {
        for (var c = 0; c < _columns.Length; c++)
        {
            _vectors[c] = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, c);
            _data[c] = (nint)NativeMethods.Vectors.DuckDBVectorGetData(_vectors[c]);
            _validity[c] = 0;
        }
    }

    private void SetNull(int row, int column)
    {
        if (_validity[column] == 0)
        {
            NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(_vectors[column]);
            _validity[column] = (nint)NativeMethods.Vectors.DuckDBVectorGetValidity(_vectors[column]);
        }

        ((ulong*)_validity[column])[row >> 6] &= ~(1UL << (row & 63));
    }

    private void Expect(int column, DuckDBType type, string name)
    {
        if (column >= _columns.Length)
        {
            throw new InvalidOperationException($"{_table}: the row appended more than its {_columns.Length} columns.");
        }

        if (_columns[column].Type != type)
        {
            throw new InvalidOperationException($"{_table}: column {column + 1} is {_columns[column].Type}, the row appended {name}.");
        }
    }

    private void Check(DuckDBState state, string what)
    {
        if (state == DuckDBState.Success)
        {
            return;
        }

        var message = "unknown error";
        if (_appender is { IsInvalid: false })
        {
            using var error = NativeMethods.Appender.DuckDBAppenderErrorData(_appender);
            message = error.Message;
        }

        throw new RetailSynthException($"Could not {what} the Appender of {_table}: {message}");
    }

    /// <summary>
    /// A column's type; for DECIMAL its scale and the integer it is stored in, for a LIST its element type, for an ENUM
    /// the integer it is stored in and each value's position.
    /// </summary>
    private readonly record struct Column(DuckDBType Type, int Scale, DuckDBType Storage, FrozenDictionary<string, int>? EnumValues = null)
    {
        public static Column Of(DuckDBLogicalType logical)
        {
            var type = NativeMethods.LogicalType.DuckDBGetTypeId(logical);
            if (type == DuckDBType.Decimal)
            {
                return new Column(type, NativeMethods.LogicalType.DuckDBDecimalScale(logical), NativeMethods.LogicalType.DuckDBDecimalInternalType(logical));
            }

            if (type == DuckDBType.Enum)
            {
                var size = (int)NativeMethods.LogicalType.DuckDBEnumDictionarySize(logical);
                var values = Enumerable.Range(0, size).ToFrozenDictionary(
                    i => NativeMethods.LogicalType.DuckDBEnumDictionaryValue(logical, i), i => i, StringComparer.Ordinal);
                return new Column(type, 0, NativeMethods.LogicalType.DuckDBEnumInternalType(logical), values);
            }

            if (type == DuckDBType.List)
            {
                using var element = NativeMethods.LogicalType.DuckDBListTypeChildType(logical);
                return new Column(type, 0, NativeMethods.LogicalType.DuckDBGetTypeId(element));
            }

            return new Column(type, 0, type);
        }
    }

    /// <summary>duckdb_list_entry: where a row's elements sit in the list's child vector.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct ListEntry(ulong Offset, ulong Length);
}
