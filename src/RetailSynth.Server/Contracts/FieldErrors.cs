using RetailSynth.Jobs.Report;

namespace RetailSynth.Server.Contracts;

/// <summary>Collects every bad field of a request, then answers 400 ProblemDetails naming each one.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
        title: "One or more fields are invalid");

    /// <summary>Parses an optional yyyy-MM-dd date, recording a problem for <paramref name="field"/> if it is malformed.</summary>
    public DateOnly? Date(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(field, $"must be a date in yyyy-MM-dd form, got '{Shorten(text)}'");
        return null;
    }

    /// <summary>Parses optional <c>from</c> and <c>to</c> dates of a range, recording a problem if from is after to.</summary>
    public (DateOnly? From, DateOnly? To) DateRange(string? from, string? to)
    {
        var first = Date("from", from);
        var last = Date("to", to);
        if (first > last)
        {
            Add("from", $"{first:yyyy-MM-dd} is after to {last:yyyy-MM-dd}");
        }

        return (first, last);
    }

    /// <summary>
    /// Runs a read over a range of committed days: its answer, or 400 naming the field when the range lies outside
    /// what the database holds (<see cref="ReportRangeException"/>).
    /// </summary>
    public Results<Ok<T>, ValidationProblem> OverCommittedDays<T>(Func<T> read)
    {
        try
        {
            return TypedResults.Ok(read());
        }
        catch (ReportRangeException ex)
        {
            Add(ex.Field, ex.Problem);
            return ToProblem();
        }
    }

    /// <summary>Parses an optional whole-number query value within bounds.</summary>
    public int Number(string field, string? text, int fallback, int min, int max)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Add(field, $"must be a whole number from {min} to {max}, got '{Shorten(text)}'");
        return fallback;
    }

    /// <summary>Parses an optional enum name (case-insensitive, numbers refused), recording a problem listing the names.</summary>
    public TEnum? Choice<TEnum>(string field, string? text)
        where TEnum : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }

        Add(field, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}; got '{Shorten(text)}'");
        return null;
    }

    /// <summary>
    /// Checks a folder path a client sends: at most <see cref="RequestLimits.MaxPathLength"/> characters, no control
    /// characters (NUL is invalid in any path, the others make names no one can read or type), no folder name longer
    /// than a file system allows. Records a problem for <paramref name="field"/> and returns false if any check fails.
    /// </summary>
    public bool PathText(string field, string text)
    {
        if (text.Length > RequestLimits.MaxPathLength)
        {
            Add(field, $"must be at most {RequestLimits.MaxPathLength} characters, got {text.Length}");
            return false;
        }

        if (text.Any(char.IsControl))
        {
            Add(field, "must not contain control characters (U+0000–U+001F, U+007F–U+009F)");
            return false;
        }

        if (text.Split('/', '\\').Any(name => System.Text.Encoding.UTF8.GetByteCount(name) > RequestLimits.MaxFolderNameBytes))
        {
            Add(field, $"each folder name must be at most {RequestLimits.MaxFolderNameBytes} bytes of UTF-8");
            return false;
        }

        return true;
    }

    /// <summary>The first <see cref="RequestLimits.MaxEchoedValues"/> bad values, shortened and quoted, and how many more there are.</summary>
    public static string Echo(IReadOnlyCollection<string> values)
    {
        var quoted = string.Join(", ", values.Take(RequestLimits.MaxEchoedValues).Select(v => $"'{Shorten(v)}'"));
        return values.Count > RequestLimits.MaxEchoedValues ? $"{quoted} and {values.Count - RequestLimits.MaxEchoedValues} more" : quoted;
    }

    /// <summary>Echoes at most 40 characters of a bad value (request values only, never settings).</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
