namespace SupportLens.Testing;

/// <summary>Files of the repository the tests run in, found from the test assembly's folder upwards.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder that holds SupportLens.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A file of the committed sample history (sample-data/), e.g. "tickets.csv.gz".</summary>
    public static string SampleData(string name) => System.IO.Path.Combine(Root, "sample-data", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "SupportLens.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (SupportLens.slnx) not found.");
    }
}
