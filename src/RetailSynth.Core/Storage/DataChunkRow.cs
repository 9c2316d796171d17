namespace RetailSynth.Storage;

/// <summary>A row being written into a <see cref="DataChunkAppender"/>'s chunk, one column after the other.</summary>
internal readonly struct DataChunkRow(DataChunkAppender appender, int row, int column) : IAppendRow<DataChunkRow>
{
    private DataChunkRow Next => new(appender, row, column + 1);

    public DataChunkRow Append(string? value)
    {
        appender.WriteString(row, column, value);
        return Next;
    }

    public DataChunkRow Append(long value)
    {
        appender.WriteInt64(row, column, value);
        return Next;
    }

    public DataChunkRow Append(long? value)
    {
        appender.WriteInt64(row, column, value);
        return Next;
    }

    public DataChunkRow Append(int value)
    {
        appender.WriteInt32(row, column, value);
        return Next;
    }

    public DataChunkRow Append(int? value)
    {
        appender.WriteInt32(row, column, value);
        return Next;
    }

    public DataChunkRow Append(short value)
    {
        appender.WriteInt16(row, column, value);
        return Next;
    }

    public DataChunkRow Append(DateTime value)
    {
        appender.WriteTimestamp(row, column, value);
        return Next;
    }

    public DataChunkRow Append(DateTime? value)
    {
        appender.WriteTimestamp(row, column, value);
        return Next;
    }

    public DataChunkRow Append(Guid value)
    {
        appender.WriteUuid(row, column, value);
        return Next;
    }

    public DataChunkRow Append(DateOnly value)
    {
        appender.WriteDate(row, column, value);
        return Next;
    }

    /// <summary>A DOUBLE.</summary>
    public DataChunkRow Append(double value)
    {
        appender.WriteDouble(row, column, value);
        return Next;
    }

    /// <summary>A BOOLEAN.</summary>
    public DataChunkRow Append(bool value)
    {
        appender.WriteBoolean(row, column, value);
        return Next;
    }

    public DataChunkRow Append(long[] values)
    {
        appender.WriteInt64List(row, column, values);
        return Next;
    }

    public DataChunkRow AppendDecimal(long unscaled, int scale)
    {
        appender.WriteDecimal(row, column, unscaled, scale);
        return Next;
    }

    public void EndRow() => appender.EndRow(column);
}
