namespace SupportLens.SampleData.Tests;

/// <summary>The default history, generated once for all sample-data tests (a few seconds).</summary>
public sealed class SampleDataFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public SampleDataFixture()
    {
        Result = SampleDataGenerator.Generate(new SampleDataOptions(), _dir.Path);
    }

    internal SampleDataResult Result { get; }

    internal string Path => _dir.Path;

    internal string File(string relative) => System.IO.Path.Combine(_dir.Path, relative);

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SampleDataCollection : ICollectionFixture<SampleDataFixture>
{
    public const string Name = "sample data";
}
