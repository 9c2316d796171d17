using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Errors;
using RetailSynth.Reference;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Foundation.Configuration;

public class SettingsLoaderTests
{
    private static readonly DictionaryLimits s_limits = ReferenceDictionaries.LoadEmbedded().Limits;

    private static RetailSynthSettings Load(
        Dictionary<string, string?>? environment = null, Dictionary<string, string?>? overrides = null, string? json = null)
    {
        using var folder = new TempFolder();
        if (json is not null)
        {
            File.WriteAllText(folder.File(SettingsSources.DefaultConfigFile), json);
        }

        return SettingsLoader.Load(
            new SettingsSources
            {
                WorkingDirectory = folder.Path,
                Environment = environment ?? [],
                Overrides = overrides ?? [],
            },
            s_limits);
    }

    private static SettingsException LoadFails(Dictionary<string, string?> overrides, string? json = null) =>
        Assert.Throws<SettingsException>(() => Load(overrides: overrides, json: json));

    [Fact]
    public void Small_profile_is_the_default()
    {
        var settings = Load();
        Assert.Equal("small", settings.Simulation.Profile);
        Assert.Equal(20, settings.Simulation.Stores);
        Assert.Equal(40_000, settings.Simulation.Customers);
        Assert.Equal(new DateOnly(2024, 1, 1), settings.Simulation.StartDate);
        Assert.Equal(3m, settings.Simulation.MarketingCpm["EMAIL"].Max);
    }

    [Fact]
    public void Large_profile_applies_its_column_and_single_values_can_be_overridden()
    {
        var settings = Load(overrides: new() { ["Simulation:Profile"] = "large", ["Simulation:Stores"] = "50" });
        Assert.Equal(403_000, settings.Simulation.Customers);
        Assert.Equal(50, settings.Simulation.Stores);
    }

    [Fact]
    public void Command_line_overrides_environment_which_overrides_the_file()
    {
        const string json = """{ "Simulation": { "Seed": 1, "Stores": 5, "Customers": 900 } }""";
        var env = new Dictionary<string, string?> { ["RETAILSYNTH__Simulation__Seed"] = "2", ["RETAILSYNTH__Simulation__Stores"] = "6", ["PATH"] = "/bin" };
        var settings = Load(environment: env, overrides: new() { ["Simulation:Seed"] = "3" }, json: json);
        Assert.Equal(3, settings.Simulation.Seed);
        Assert.Equal(6, settings.Simulation.Stores);
        Assert.Equal(900, settings.Simulation.Customers);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_each_naming_its_setting()
    {
        var error = LoadFails(new()
        {
            ["Simulation:Customers"] = "-5",
            ["Simulation:MarketingCpm:EMAIL:Min"] = "60",
            ["Simulation:MarketingCpm:EMAIL:Max"] = "50",
            ["Simulation:Seed"] = "abc",
        });
        Assert.Contains(error.Problems, p => p.StartsWith("Simulation:Customers must be > 0", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Simulation:MarketingCpm:EMAIL:Min (60) must not exceed", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Simulation:Seed must be a whole number", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void More_distribution_centers_than_hub_eligible_geographies_is_rejected()
    {
        var hubs = s_limits.HubEligibleRows;
        var error = LoadFails(new()
        {
            ["Simulation:Geographies"] = "600",
            ["Simulation:Stores"] = "600",
            ["Simulation:DistributionCenters"] = $"{hubs + 1}",
        });
        Assert.Contains($"Simulation:DistributionCenters ({hubs + 1}) exceeds the {hubs} hub-eligible rows of the geography dictionary", error.Message);
        Assert.Equal(hubs, Load(overrides: new()
        {
            ["Simulation:Geographies"] = "600",
            ["Simulation:Stores"] = "600",
            ["Simulation:DistributionCenters"] = $"{hubs}",
        }).Simulation.DistributionCenters);
    }

    [Fact]
    public void More_distribution_centers_than_geographies_is_rejected()
    {
        var error = LoadFails(new() { ["Simulation:Geographies"] = "5", ["Simulation:DistributionCenters"] = "6" });
        Assert.Contains("Simulation:DistributionCenters (6) must not exceed Simulation:Geographies (5)", error.Message);
    }

    [Fact]
    public void Geographies_beyond_the_dictionary_are_rejected()
    {
        var error = LoadFails(new() { ["Simulation:Geographies"] = "100000" });
        Assert.Contains("exceeds the", error.Message);
        Assert.Contains("Simulation:Geographies", error.Message);
    }

    [Fact]
    public void Unknown_profile_is_rejected_with_the_valid_names()
    {
        var error = LoadFails(new() { ["Simulation:Profile"] = "medium" });
        Assert.Contains("Simulation:Profile 'medium' is not a profile (use small or large)", error.Message);
    }

    [Fact]
    public void Unknown_setting_is_rejected_with_a_suggestion()
    {
        var error = LoadFails(new() { ["Simulation:Customer"] = "10" });
        Assert.Contains("unknown setting 'Simulation:Customer' (did you mean 'Simulation:Customers'?)", error.Message);
    }

    [Fact]
    public void Unknown_setting_in_the_file_is_rejected_too()
    {
        var error = LoadFails([], json: """{ "Simulation": { "Colour": "blue" } }""");
        Assert.Contains("unknown setting 'Simulation:Colour'", error.Message);
    }

    [Fact]
    public void Malformed_json_file_is_reported_as_such()
    {
        var error = LoadFails([], json: "{ \"Simulation\": ");
        Assert.Contains("is not valid JSON", error.Message);
    }

    [Theory]
    [InlineData("Simulation:StartDate", "2024-13-01", "a date in yyyy-MM-dd form")]
    [InlineData("Simulation:FleetHeadroom", "1", "Simulation:FleetHeadroom must be > 1")]
    [InlineData("Simulation:PoolTruckShare", "1.5", "Simulation:PoolTruckShare must be ≥ 0 and ≤ 1")]
    [InlineData("Simulation:MarketingCpm:EMAIL:Min", "9", "Simulation:MarketingCpm:EMAIL:Min (9) must not exceed")]
    [InlineData("Simulation:StoreInitialInventoryMin", "10", "was removed in model v2: store and DC stock is planned from expected demand")]
    [InlineData("Simulation:DcReorderPointMax", "500", "was removed in model v2: store and DC stock is planned from expected demand")]
    [InlineData("Performance:MaxDegreeOfParallelism", "0", "Performance:MaxDegreeOfParallelism must be ≥ 1")]
    public void Invalid_values_name_the_setting_and_the_rule(string key, string value, string expected)
    {
        var error = LoadFails(new() { [key] = value });
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Explicit_config_file_that_does_not_exist_is_an_error()
    {
        var error = Assert.Throws<SettingsException>(() => SettingsLoader.Load(
            new SettingsSources { ConfigFile = "/nonexistent/retailsynth.json" }, s_limits));
        Assert.Contains("does not exist", error.Message);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    public void Start_dates_outside_the_supported_calendar_range_are_rejected(string startDate)
    {
        var error = LoadFails(new() { ["Simulation:StartDate"] = startDate });
        Assert.Contains($"Simulation:StartDate must be between 1900-01-01 and 2199-12-31, got {startDate}", error.Problems);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2199-12-31")]
    public void Start_dates_on_the_boundaries_are_accepted(string startDate)
    {
        var settings = Load(overrides: new() { ["Simulation:StartDate"] = startDate });
        Assert.Equal(DateOnly.Parse(startDate, System.Globalization.CultureInfo.InvariantCulture), settings.Simulation.StartDate);
    }

    [Fact]
    public void Every_volume_beyond_what_the_machine_can_hold_is_reported_at_once()
    {
        var error = LoadFails(new()
        {
            ["Simulation:Customers"] = "1000000000",
            ["Simulation:Stores"] = "5001",
            ["Simulation:Products"] = "100001",
            ["Simulation:CustomersPerStoreDay"] = "10001",
            ["Simulation:OnlineOrdersPerDay"] = "1000001",
            ["Simulation:MarketingImpressionsPerDay"] = "10000001",
            ["Simulation:SupplierRefrigeratedTrucks"] = "10001",
            ["Simulation:SupplierDryTrucks"] = "10001",
            ["Simulation:TruckCapacityUnits"] = "1000001",
            ["Simulation:MarketingCpm:EMAIL:Max"] = "5000000",
            ["Performance:MaxDegreeOfParallelism"] = "100000",
        });

        string[] expected =
        [
            "Simulation:Customers must be at most 5000000, got 1000000000",
            "Simulation:Stores must be at most 5000, got 5001",
            "Simulation:Products must be at most 100000, got 100001",
            "Simulation:CustomersPerStoreDay must be at most 10000, got 10001",
            "Simulation:OnlineOrdersPerDay must be at most 1000000, got 1000001",
            "Simulation:MarketingImpressionsPerDay must be at most 10000000, got 10000001",
            "Simulation:SupplierRefrigeratedTrucks must be at most 10000, got 10001",
            "Simulation:SupplierDryTrucks must be at most 10000, got 10001",
            "Simulation:TruckCapacityUnits must be at most 1000000, got 1000001",
            "Simulation:MarketingCpm:EMAIL:Max must be at most 1000000 USD per 1,000 impressions, got 5000000",
            "Performance:MaxDegreeOfParallelism must be at most 256, got 100000",
        ];
        Assert.All(expected, problem => Assert.Contains(problem, error.Problems));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("1", "got 1")]
    [InlineData("-0.1", "got -0.1")]
    public void An_anonymous_share_outside_0_to_below_1_is_refused_naming_the_setting(string value, string got)
    {
        var error = LoadFails(new() { ["Simulation:AnonymousShare"] = value });
        Assert.Contains($"Simulation:AnonymousShare must be ≥ 0 and < 1, {got}", error.Message);
    }

    [Fact]
    public void An_anonymous_share_that_is_not_a_number_is_refused_naming_the_setting() =>
        Assert.Contains("Simulation:AnonymousShare", LoadFails(new() { ["Simulation:AnonymousShare"] = "NaN" }).Message);

    [Fact]
    public void Both_profiles_leave_35_percent_of_walk_in_buyers_anonymous_and_0_is_accepted()
    {
        Assert.Equal(0.35, Load().Simulation.AnonymousShare);
        Assert.Equal(0.35, Load(overrides: new() { ["Simulation:Profile"] = "large" }).Simulation.AnonymousShare);
        Assert.Equal(0, Load(overrides: new() { ["Simulation:AnonymousShare"] = "0" }).Simulation.AnonymousShare);
    }

    [Fact]
    public void Stores_times_products_beyond_the_inventory_slots_a_machine_holds_is_rejected()
    {
        var error = LoadFails(new() { ["Simulation:Stores"] = "5000", ["Simulation:Products"] = "20000", ["Simulation:CustomersPerStoreDay"] = "100" });
        Assert.Contains("Simulation:Stores × Simulation:Products (5000 × 20000) must be at most 50000000", error.Message);
    }

    [Fact]
    public void Stores_times_customers_per_store_day_beyond_the_daily_visit_limit_is_rejected()
    {
        var error = LoadFails(new() { ["Simulation:Stores"] = "1000", ["Simulation:Products"] = "500", ["Simulation:CustomersPerStoreDay"] = "5000" });
        Assert.Contains("Simulation:Stores × Simulation:CustomersPerStoreDay (1000 × 5000) must be at most 2000000", error.Message);
    }

    [Fact]
    public void The_large_profile_sits_well_inside_every_limit()
    {
        var settings = Load(overrides: new()
        {
            ["Simulation:Profile"] = "large",
            ["Simulation:Customers"] = "4000000",
            ["Simulation:Stores"] = "860",
        });
        Assert.Equal(4_000_000, settings.Simulation.Customers);
    }

    [Fact]
    public void Streaming_and_upload_settings_beyond_their_limits_are_reported_at_once()
    {
        var error = LoadFails(new()
        {
            ["Streaming:Speed"] = "0.000000001",
            ["Streaming:MaxEventsPerSecond"] = "2000000000",
            ["Streaming:BatchSize"] = "1000000",
            ["Streaming:LeaseDuration"] = "30d",
            ["Streaming:BreakerFailureThreshold"] = "5000",
            ["Upload:Parallelism"] = "64",
        });

        string[] expected =
        [
            "Streaming:Speed must be between 0.01 and 1000000",
            "Streaming:MaxEventsPerSecond must be at most 1000000",
            "Streaming:BatchSize must be between 1 and 100000, got 1000000",
            "Streaming:LeaseDuration must be at most 1.00:00:00",
            "Streaming:BreakerFailureThreshold must be at most 1000, got 5000",
            "Upload:BlockSizeMegabytes (8) with Upload:Parallelism (64) may buffer 32768 MiB at once",
        ];
        Assert.All(expected, problem => Assert.Contains(error.Problems, p => p.StartsWith(problem, StringComparison.Ordinal)));
    }

    [Fact]
    public void An_event_hubs_connection_string_without_entity_path_needs_an_event_hub_name()
    {
        const string withoutEntityPath = "Endpoint=sb://myns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0";
        var error = LoadFails(new() { ["Streaming:Sink"] = "eventhubs", ["Streaming:EventHubs:ConnectionString"] = withoutEntityPath });

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("Streaming:EventHubs:EventHubName is required: the connection string has no EntityPath", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);

        var named = Load(overrides: new()
        {
            ["Streaming:Sink"] = "eventhubs",
            ["Streaming:EventHubs:ConnectionString"] = withoutEntityPath,
            ["Streaming:EventHubs:EventHubName"] = "orders",
        });
        Assert.Equal("orders", named.Streaming.EventHubs.EventHubName);
    }

    [Fact]
    public void An_event_hub_name_that_contradicts_the_entity_path_is_rejected()
    {
        var error = LoadFails(new()
        {
            ["Streaming:Sink"] = "eventhubs",
            ["Streaming:EventHubs:ConnectionString"] = "Endpoint=sb://myns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0;EntityPath=orders",
            ["Streaming:EventHubs:EventHubName"] = "returns",
        });
        Assert.Contains("Streaming:EventHubs:EventHubName ('returns') differs from the hub the connection string's EntityPath names ('orders')", error.Message);
    }

    [Theory]
    [InlineData("Streaming:BatchSze", "Streaming:BatchSize")]
    [InlineData("Streaming:Kafka:Topc", "Streaming:Kafka:Topic")]
    [InlineData("Simulation:MarketingCpm:EMAL:Min", "Simulation:MarketingCpm:EMAIL:Min")]
    [InlineData("Upload:Parallelsm", "Upload:Parallelism")]
    public void Unknown_setting_in_any_section_is_rejected_with_a_suggestion(string key, string suggestion)
    {
        var error = LoadFails(new() { [key] = "1" });
        Assert.Contains($"unknown setting '{key}' (did you mean '{suggestion}'?)", error.Problems);
    }

    [Fact]
    public void Every_unknown_setting_is_reported_at_once_with_the_bad_values_beside_them()
    {
        var error = LoadFails(new() { ["Simulation:Stors"] = "5", ["Server:ApiKy"] = "x", ["Streaming:BatchSize"] = "many" });
        Assert.Contains("unknown setting 'Simulation:Stors' (did you mean 'Simulation:Stores'?)", error.Problems);
        Assert.Contains("unknown setting 'Server:ApiKy' (did you mean 'Server:ApiKey'?)", error.Problems);
        Assert.Contains("Streaming:BatchSize must be a whole number (32-bit), got 'many'", error.Problems);
    }

    [Fact]
    public void Values_that_do_not_convert_are_reported_at_once_across_every_section()
    {
        var error = LoadFails(new()
        {
            ["Simulation:Seed"] = "abc",
            ["Simulation:StartDate"] = "2024-1-31",
            ["Simulation:FleetHeadroom"] = "NaN",
            ["Simulation:MarketingCpm:EMAIL:Max"] = "cheap",
            ["Performance:MaxDegreeOfParallelism"] = "lots",
            ["Streaming:Sink"] = "pigeon",
            ["Streaming:Pacing"] = "1",
            ["Streaming:Speed"] = "Infinity",
            ["Streaming:LeaseDuration"] = "soon",
            ["Streaming:MaxEventsPerSecond"] = "2.5",
            ["Streaming:EventHubs:MaxBatchBytes"] = "1MB",
            ["Upload:Parallelism"] = "four",
        });

        string[] expected =
        [
            "Simulation:Seed must be a whole number (64-bit), got 'abc'",
            "Simulation:StartDate must be a date in yyyy-MM-dd form, got '2024-1-31'",
            "Simulation:FleetHeadroom must be a number, got 'NaN'",
            "Simulation:MarketingCpm:EMAIL:Max must be a number, got 'cheap'",
            "Performance:MaxDegreeOfParallelism must be a whole number (32-bit), got 'lots'",
            "Streaming:Sink must be one of file, stdout, eventhubs, kafka, got 'pigeon'",
            "Streaming:Pacing must be one of max, realtime, accelerated, got '1'",
            "Streaming:Speed must be a number, got 'Infinity'",
            "Streaming:LeaseDuration must be a duration such as 30s, 10m, 2h or 00:10:00, got 'soon'",
            "Streaming:MaxEventsPerSecond must be a whole number (32-bit), got '2.5'",
            "Streaming:EventHubs:MaxBatchBytes must be a whole number (64-bit), got '1MB'",
            "Upload:Parallelism must be a whole number (32-bit), got 'four'",
        ];
        Assert.All(expected, problem => Assert.Contains(problem, error.Problems));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Durations_enums_and_nullable_settings_bind_as_people_type_them()
    {
        var settings = Load(overrides: new()
        {
            ["Streaming:Sink"] = "KAFKA",
            ["Streaming:Kafka:BootstrapServers"] = "127.0.0.1:9092",
            ["Streaming:Kafka:Topic"] = "retail",
            ["Streaming:LeaseDuration"] = "90s",
            ["Streaming:RetryMaxDelay"] = "00:01:00",
            ["Streaming:MaxEventsPerSecond"] = "",
            ["Simulation:MarketingCpm:EMAIL:Max"] = "2.5",
        });
        Assert.Equal(SinkKind.Kafka, settings.Streaming.Sink);
        Assert.Equal(TimeSpan.FromSeconds(90), settings.Streaming.LeaseDuration);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.Streaming.RetryMaxDelay);
        Assert.Null(settings.Streaming.MaxEventsPerSecond);
        Assert.Equal(2.5m, settings.Simulation.MarketingCpm["EMAIL"].Max);
    }

    [Fact]
    public void Bad_values_of_secret_settings_are_reported_without_echoing_them()
    {
        const string apiKey = "short-s3cret-key";
        const string connectionString = "sb://myns.servicebus.windows.net/;SharedAccessKey=s3cretPart";
        var error = LoadFails(new()
        {
            ["Server:ApiKey"] = apiKey[..15],
            ["Streaming:Sink"] = "eventhubs",
            ["Streaming:EventHubs:ConnectionString"] = connectionString,
        });

        Assert.Contains("Server:ApiKey must be at least 16 characters", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("Streaming:EventHubs:ConnectionString is malformed", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }
}
