using System.Text.Json;

namespace SupportLens.Web.Tests.Cli;

[Collection(ForecastDataCollection.Name)]
public sealed class ForecastCommandTests(ForecastData data)
{
    private static string M4 => Path.Combine(RepositoryFiles.Root, "..", "shared", "data", "m4-weekly");

    [Fact]
    public void Refresh_computes_the_forecasts_and_spikes()
    {
        Assert.Equal(0, data.Refresh.ExitCode);
        Assert.Contains("forecasts", data.Refresh.Output, StringComparison.Ordinal);
        Assert.Contains("spikes", data.Refresh.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_the_contract_shape()
    {
        var result = data.Run("forecast", "--json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.True(root.GetProperty("generated_at").TryGetDateTimeOffset(out _));
        Assert.Equal("daily", root.GetProperty("frequency").GetString());
        Assert.Equal(14, root.GetProperty("horizon_days").GetInt32());
        Assert.True(root.GetProperty("coverage").GetProperty("points").GetInt32() > 0);
        var series = root.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["total", "channel:email", "channel:chat", "tier:starter", "tier:business", "client:A", "client:B"],
            series.Select(s => s.GetProperty("key").GetString()));
        foreach (var s in series)
        {
            Assert.False(string.IsNullOrEmpty(s.GetProperty("model").GetString()));
            Assert.Equal(JsonValueKind.Number, s.GetProperty("backtest_mase").ValueKind);
            var points = s.GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(14, points.Count);
            foreach (var field in new[] { "date", "value", "lo80", "hi80", "lo95", "hi95" })
            {
                Assert.True(points[0].TryGetProperty(field, out _), field);
            }
        }

        // The last tickets are created 2026-05-24 (day 139) around 11:00 New York time: history through 05-23.
        Assert.Equal("2026-05-23", root.GetProperty("history_through").GetString());
        Assert.Equal("2026-05-24", series[0].GetProperty("points")[0].GetProperty("date").GetString());
    }

    [Fact]
    public void Series_and_horizon_cut_what_is_shown()
    {
        var result = data.Run("forecast", "--series", "channel", "--horizon", "7", "--json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var series = document.RootElement.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["channel:email", "channel:chat"], series.Select(s => s.GetProperty("key").GetString()));
        Assert.All(series, s => Assert.Equal(7, s.GetProperty("points").GetArrayLength()));
        Assert.Equal(7, document.RootElement.GetProperty("horizon_days").GetInt32());
    }

    [Fact]
    public void Asking_beyond_the_stored_horizon_says_so_and_shows_what_is_stored()
    {
        var result = data.Run("forecast", "--series", "total", "--horizon", "30", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("reaches 14 days", result.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(result.Output);
        Assert.Equal(14, document.RootElement.GetProperty("series")[0].GetProperty("points").GetArrayLength());

        Assert.Equal(2, data.Run("forecast", "--horizon", "91").ExitCode);
        Assert.Equal(2, data.Run("forecast", "--series", "region").ExitCode);
    }

    [Fact]
    public void Weekly_points_are_mondays()
    {
        var result = data.Run("forecast", "--weekly", "--series", "tier", "--json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        Assert.Equal("weekly", document.RootElement.GetProperty("frequency").GetString());
        var points = document.RootElement.GetProperty("series")[0].GetProperty("points").EnumerateArray().ToList();
        // 14 days are 2 weeks; whole weeks end Sunday 05-17, so the forecast weeks start on Mondays 05-18 and 05-25.
        Assert.Equal(["2026-05-18", "2026-05-25"], points.Select(p => p.GetProperty("date").GetString()));
    }

    [Fact]
    public void Text_shows_the_series_table_and_the_totals_days()
    {
        var result = data.Run("forecast");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Volume forecast (daily)", result.Output, StringComparison.Ordinal);
        Assert.Contains("History through 2026-05-23 (days cut in America/New_York); 14 days ahead", result.Output, StringComparison.Ordinal);
        Assert.Contains("next 7 days", result.Output, StringComparison.Ordinal);
        Assert.Contains("2026-05-24 Sun", result.Output, StringComparison.Ordinal);
        Assert.Contains("80 % interval", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_stored_forecast_it_says_to_refresh()
    {
        using var empty = new TempDirectory();
        var result = CliRunner.Run("forecast", "--data", empty.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("supportlens refresh", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_prints_the_m4_shape()
    {
        var result = CliRunner.Run("forecast", "evaluate", "--m4", M4, "--max-series", "4", "--json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal(4, root.GetProperty("series").GetInt32());
        Assert.Equal(13, root.GetProperty("horizon").GetInt32());
        foreach (var field in new[] { "smape", "mase", "owa" })
        {
            Assert.True(root.GetProperty(field).GetDouble() > 0, field);
        }
        Assert.True(root.GetProperty("naive2").GetProperty("smape").GetDouble() > 0);
        Assert.True(root.GetProperty("naive2").GetProperty("mase").GetDouble() > 0);
        Assert.Equal(4, root.GetProperty("models").EnumerateObject().Sum(m => m.Value.GetInt32()));
        Assert.Contains(root.GetProperty("published").EnumerateArray(), p => p.GetProperty("method").GetString() == "Theta");

        var text = CliRunner.Run("forecast", "evaluate", "--m4", M4, "--max-series", "2");
        Assert.Contains("Published M4 Weekly benchmarks", text.Output, StringComparison.Ordinal);

        Assert.Equal(2, CliRunner.Run("forecast", "evaluate", "--m4", Path.GetTempPath()).ExitCode);
    }
}
