using System.IO.Compression;
using System.Text;
using SupportLens.Storage;

namespace SupportLens.Ingest.Tests;

/// <summary>A temp data directory with a warehouse, and files written into it.</summary>
internal sealed class IngestFixture : IDisposable
{
    public IngestFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "supportlens-ingest-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Warehouse = Warehouse.Open(Path.Combine(Directory, "data"), TimeProvider.System);
        Ingestor = new Ingestor(Warehouse, TimeProvider.System);
    }

    public string Directory { get; }

    public Warehouse Warehouse { get; }

    public Ingestor Ingestor { get; }

    public string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(text));
        return path;
    }

    public string WriteGzip(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }

    public IngestReport Ingest(IngestKind kind, string path, string? profile = null, bool strict = false, string? timezone = null) =>
        Ingestor.Ingest(path, new IngestRequest(kind) { Profile = profile, Strict = strict, TimeZone = timezone });

    public const string Clients = "client_id,name,tier\nC1,Acme,enterprise\nC2,Globex,starter\n509974,Zendesk Org,business\n67001265522,Freshdesk Co,professional\n";

    public void LoadClients()
    {
        var report = Ingest(IngestKind.Clients, Write("clients.csv", Clients));
        Assert.Equal(0, report.RowsRejected);
    }

    public long Count(string sql)
    {
        using var connection = Warehouse.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public object? Scalar(string sql)
    {
        using var connection = Warehouse.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        Warehouse.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The shared real vendor data: the repository's ../shared/data, found by walking up from the test binaries.</summary>
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
