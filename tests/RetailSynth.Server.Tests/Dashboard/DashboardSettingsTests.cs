using System.Text.Json;
using Microsoft.Playwright;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Dashboard;

/// <summary>The Settings page in headless Chromium: the configuration as fields and JSON, validation errors, saving, and deleting the dataset.</summary>
public sealed class DashboardSettingsTests
{
    [Fact]
    public async Task Settings_page_shows_field_errors_saves_a_valid_configuration_and_deletes_the_dataset_only_with_its_id()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        var datasetId = (await server.GetJsonAsync("/api/status")).GetProperty("dataset").GetProperty("dataset_id").GetString()!;
        var configPath = Path.Combine(server.Folder, "retailsynth.json");
        await File.WriteAllTextAsync(configPath, """{"Simulation": {"Seed": 3}, "Server": {"ApiKey": "kept-secret-0123456789"}}""");

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1100 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(server.Address.ToString());
        await page.ClickAsync("#nav-settings");

        // The file's settings as fields, without its secret.
        await Assertions.Expect(page.Locator("#settings-page")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#settings-fields tr[data-key='Simulation:Seed'] input")).ToHaveValueAsync("3", new() { Timeout = 15_000 });
        Assert.DoesNotContain("kept-secret", await page.InputValueAsync("#settings-json"), StringComparison.Ordinal);

        // Invalid JSON settings: every field error listed by setting, nothing written.
        await page.FillAsync("#settings-json", """{"Simulation": {"Seed": 3, "Customers": -5, "Stors": 4}}""");
        await page.ClickAsync("#settings-validate");
        await Assertions.Expect(page.Locator("#settings-errors li[data-field='Simulation:Customers']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#settings-errors li[data-field='Simulation:Stors']")).ToContainTextAsync("did you mean");
        await page.ClickAsync("#settings-save");
        await Assertions.Expect(page.Locator("#settings-result")).ToHaveTextAsync("invalid");
        var screenshot = Path.Combine(RepositoryRoot(), "artifacts", "screenshots", "settings.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Contains("\"Seed\": 3", await File.ReadAllTextAsync(configPath), StringComparison.Ordinal);

        // A field edit goes into the JSON; Save writes it and keeps the file's secret.
        await page.FillAsync("#settings-json", """{"Simulation": {"Seed": 3}}""");
        await page.FillAsync("#settings-fields tr[data-key='Simulation:Seed'] input", "11");
        await page.ClickAsync("#settings-validate");
        await Assertions.Expect(page.Locator("#settings-result")).ToHaveTextAsync("valid");
        await page.ClickAsync("#settings-save");
        await Assertions.Expect(page.Locator("#settings-result")).ToContainTextAsync("saved");
        using (var written = JsonDocument.Parse(await File.ReadAllTextAsync(configPath)))
        {
            Assert.Equal(11, written.RootElement.GetProperty("Simulation").GetProperty("Seed").GetInt32());
            Assert.Equal("kept-secret-0123456789", written.RootElement.GetProperty("Server").GetProperty("ApiKey").GetString());
        }

        // Delete: enabled only once the dataset id is typed.
        await Assertions.Expect(page.Locator("#delete-dataset-id")).ToHaveTextAsync(datasetId);
        await page.FillAsync("#delete-confirm", "not-the-id");
        await Assertions.Expect(page.Locator("#delete-dataset")).ToBeDisabledAsync();
        Assert.Equal(5, await server.RowsAsync("dim_stores"));
        await page.FillAsync("#delete-confirm", datasetId);
        await page.ClickAsync("#delete-dataset");
        await Assertions.Expect(page.Locator("#delete-result")).ToContainTextAsync($"deleted dataset {datasetId}");
        await Assertions.Expect(page.Locator("#delete-dataset-id")).ToHaveTextAsync("no dataset");
        Assert.Equal(0, await server.RowsAsync("dim_stores"));

        await page.ClickAsync("#nav-dashboard");
        await Assertions.Expect(page.Locator("main")).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RetailSynth.slnx")))
            {
                return folder.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
