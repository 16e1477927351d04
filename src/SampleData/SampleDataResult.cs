using SupportLens.SampleData.Readme;

namespace SupportLens.SampleData;

/// <summary>What one run wrote: a file (relative to the output folder), its data rows, what it holds.</summary>
public sealed record GeneratedFile(string Path, long Rows, string What);

/// <summary>The files written and, for the default history, the figures its README reports.</summary>
public sealed record SampleDataResult(IReadOnlyList<GeneratedFile> Files)
{
    internal SampleSummary? Summary { get; init; }
}
