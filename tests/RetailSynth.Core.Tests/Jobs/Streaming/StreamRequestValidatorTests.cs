using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs.Streaming;

namespace RetailSynth.Core.Tests.Jobs.Streaming;

public class StreamRequestValidatorTests
{
    private static string Name(StreamRequestField field) => field.ToString();

    [Fact]
    public void A_speed_is_accepted_when_the_settings_choose_accelerated_pacing()
    {
        var configured = new StreamingOptions { Pacing = PacingMode.Accelerated };

        Assert.Empty(StreamRequestValidator.Validate(new StreamRequest(Speed: 120), configured, Name));
    }

    [Theory]
    [InlineData(SinkKind.File, null)]
    [InlineData(SinkKind.Kafka, null)]
    [InlineData(SinkKind.File, PacingMode.Realtime)]
    public void A_speed_is_refused_when_the_pacing_in_effect_is_not_accelerated(SinkKind sink, PacingMode? pacing)
    {
        var configured = new StreamingOptions { Sink = sink, Pacing = pacing };

        var problem = Assert.Single(StreamRequestValidator.Validate(new StreamRequest(Speed: 120), configured, Name));

        Assert.Equal(new StreamRequestProblem(StreamRequestField.Speed, "applies only with Pacing accelerated", StreamRequestField.Pacing), problem);
    }

    [Fact]
    public void A_requested_pacing_overrides_the_configured_one()
    {
        var configured = new StreamingOptions { Pacing = PacingMode.Accelerated };

        Assert.Single(StreamRequestValidator.Validate(new StreamRequest(Pacing: PacingMode.Max, Speed: 120), configured, Name));
        Assert.Empty(StreamRequestValidator.Validate(new StreamRequest(Pacing: PacingMode.Accelerated, Speed: 120), new StreamingOptions(), Name));
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var request = new StreamRequest(Duration: TimeSpan.Zero, Days: 0, Pacing: PacingMode.Accelerated, Speed: -1, MaxEventsPerSecond: 0);

        var problems = StreamRequestValidator.Validate(request, new StreamingOptions(), Name);

        Assert.Equal(
            [StreamRequestField.Duration, StreamRequestField.Days, StreamRequestField.Speed, StreamRequestField.MaxEventsPerSecond],
            problems.Select(p => p.Field));
    }
}
