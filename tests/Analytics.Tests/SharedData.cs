namespace SupportLens.Analytics.Tests;

/// <summary>The shared real data: the repository's ../shared/data, found by walking up from the test binaries.</summary>
internal static class SharedData
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SupportLens.slnx")))
            {
                var data = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data"));
                return System.IO.Path.Combine([data, .. parts]);
            }
        }
        throw new InvalidOperationException("the repository root (SupportLens.slnx) is not above " + AppContext.BaseDirectory);
    }
}
