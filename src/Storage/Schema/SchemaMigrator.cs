using System.Globalization;
using SupportLens.Storage.Sql;

namespace SupportLens.Storage.Schema;

/// <summary>
/// Brings a database to the newest schema this build knows, one migration per transaction, and refuses a
/// database written by a newer build rather than guessing at tables it does not understand.
/// </summary>
public sealed class SchemaMigrator
{
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly TimeProvider _time;

    public SchemaMigrator(IReadOnlyList<Migration> migrations, TimeProvider time)
    {
        var versions = migrations.Select(m => m.Version).ToList();
        if (versions.Count == 0 || !versions.SequenceEqual(Enumerable.Range(1, versions.Count)))
        {
            throw new ArgumentException("Migrations must be numbered 1, 2, 3, ... without gaps.", nameof(migrations));
        }
        _migrations = migrations;
        _time = time;
    }

    /// <summary>The migrations shipped in this assembly (Schema/Migrations/NNNN_name.sql).</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    public int LatestVersion => _migrations[^1].Version;

    /// <summary>Applies what is missing; returns the versions applied now.</summary>
    internal IReadOnlyList<int> Migrate(WarehouseConnection connection)
    {
        connection.ExecuteNonQuery(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)");
        var current = CurrentVersion(connection);
        if (current > LatestVersion)
        {
            throw new SchemaVersionException(
                $"This database has schema version {current}, written by a newer SupportLens; this build knows versions up to {LatestVersion}. " +
                "Upgrade SupportLens to open it (nothing was changed).");
        }
        var applied = new List<int>();
        foreach (var migration in _migrations.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            connection.ExecuteNonQuery(migration.Sql);
            using var record = connection.CreateCommand();
            record.CommandText = "INSERT INTO schema_migrations VALUES ($version, $name, $applied_at)";
            record.Parameters.Add("version", migration.Version);
            record.Parameters.Add("name", migration.Name);
            record.Parameters.Add("applied_at", _time.GetUtcNow());
            record.ExecuteNonQuery();
            transaction.Commit();
            applied.Add(migration.Version);
        }
        return applied;
    }

    internal static int CurrentVersion(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("migrations/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileNameWithoutExtension(resource["migrations/".Length..]);
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(fileName[..separator], CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd()));
        }
        return migrations;
    }
}

/// <summary>The database's schema cannot be used by this build.</summary>
public sealed class SchemaVersionException(string message) : Exception(message);
