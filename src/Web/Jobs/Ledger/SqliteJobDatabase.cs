using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SupportLens.Web.Jobs.Ledger;

/// <summary>
/// DATA/jobs.db: the embedded default. WAL lets the server and a `jobs run` on the same machine read while the other
/// writes; a writer waits for the other's transaction (busy timeout) rather than failing.
/// </summary>
internal sealed class SqliteJobDatabase : JobDatabase
{
    public const string FileName = "jobs.db";

    private readonly string _connectionString;

    public SqliteJobDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL";
        wal.ExecuteNonQuery();
    }

    public string Path { get; }

    public override string Description => Path;

    protected override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // A ledger row is what stops a second send: it must be on disk when the statement returns.
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000";
        pragma.ExecuteNonQuery();
        return connection;
    }

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) already makes schema creation exclusive.
    protected override void LockSchema(DbConnection connection, DbTransaction transaction)
    {
    }
}
