
namespace SupportLens.SampleData.Tests;

[Collection(SampleDataCollection.Name)]
public sealed class DeterminismTests(SampleDataFixture fixture)
{
    private static readonly string[] GeneratedFiles =
    [
        "README.md", "clients.csv", "tickets.csv.gz", "ticket-events.csv.gz", "csat.csv", "nps.csv", "incidents.csv", "checks.csv.gz",
        "volume.csv.gz", "zendesk/tickets.csv.gz", "statuspage/incidents.json",
    ];

    [Fact]
    public void The_same_seed_gives_the_same_bytes()
    {
        using var again = new TempDirectory();
        SampleDataGenerator.Generate(new SampleDataOptions(), again.Path);
        foreach (var file in GeneratedFiles)
        {
            Assert.True(File.ReadAllBytes(fixture.File(file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again.Path, file))), $"{file} differs between two runs");
        }
    }

    [Fact]
    public void A_different_seed_gives_different_data()
    {
        using var other = new TempDirectory();
        SampleDataGenerator.Generate(new SampleDataOptions { Seed = 7 }, other.Path);
        foreach (var file in new[] { "clients.csv", "tickets.csv.gz", "csat.csv", "incidents.csv" })
        {
            Assert.NotEqual(SampleFiles.ReadText(fixture.File(file)), SampleFiles.ReadText(Path.Combine(other.Path, file)));
        }
        Assert.Contains("--seed 7", File.ReadAllText(Path.Combine(other.Path, "README.md")));
    }

    /// <summary>The committed sample-data/ can never drift from the generator: regenerate it with `./supportlens sample-data`.</summary>
    [Fact]
    public void The_committed_sample_data_is_what_the_generator_writes_with_the_defaults()
    {
        var committed = RepositoryFiles.SampleData("");
        foreach (var file in GeneratedFiles)
        {
            var path = Path.Combine(committed, file);
            Assert.True(File.Exists(path), $"sample-data/{file} is not committed");
            // Compare gzip by content: compressed bytes may change with the runtime's zlib, the data must not.
            Assert.True(SampleFiles.ReadText(fixture.File(file)) == SampleFiles.ReadText(path),
                $"sample-data/{file} differs from the generator's output: run ./supportlens sample-data and commit the result");
        }
        var extra = Directory.EnumerateFiles(committed, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(committed, f).Replace('\\', '/'))
            .Except(GeneratedFiles)
            .ToList();
        Assert.Empty(extra);
    }
}
