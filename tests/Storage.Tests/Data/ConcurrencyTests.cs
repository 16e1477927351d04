using SupportLens.Storage.Data;

namespace SupportLens.Storage.Tests.Data;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Readers_on_other_threads_see_consistent_snapshots_during_a_write()
    {
        using var dir = new TempDirectory();
        var path = dir.File("concurrent.duckdb");
        using var writer = new DuckDbConnection(path);
        writer.Open();
        writer.ExecuteNonQuery("CREATE TABLE ledger (id BIGINT, amount INTEGER)");
        // Every committed batch adds +1 and -1 rows, so any consistent snapshot sums to zero.
        using var cancel = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            using var reader = new DuckDbConnection(path);
            reader.Open();
            using var command = new DuckDbCommand("SELECT coalesce(sum(amount), 0), count(*) FROM ledger", reader);
            var observations = 0;
            var lastCount = 0L;
            while (!cancel.IsCancellationRequested || observations < 10)
            {
                using var result = command.ExecuteReader();
                result.Read();
                Assert.Equal(0m, result.GetDecimal(0));
                var count = result.GetInt64(1);
                Assert.True(count >= lastCount, "a later snapshot never has fewer rows");
                lastCount = count;
                observations++;
            }
            return observations;
        })).ToArray();

        for (var batch = 0; batch < 200; batch++)
        {
            using var transaction = writer.BeginTransaction();
            using var appender = writer.CreateAppender("ledger");
            for (var i = 0; i < 50; i++)
            {
                appender.Append((long)((batch * 100) + i)).Append(1).EndRow();
                appender.Append((long)((batch * 100) + 50 + i)).Append(-1).EndRow();
            }
            appender.Close();
            transaction.Commit();
        }
        await cancel.CancelAsync();
        var seen = await Task.WhenAll(readers);
        Assert.All(seen, n => Assert.True(n >= 10));
        using var total = new DuckDbCommand("SELECT count(*) FROM ledger", writer);
        Assert.Equal(20_000L, total.ExecuteScalar());
    }

    [Fact]
    public async Task Connections_opened_and_closed_on_many_threads_share_one_database()
    {
        using var dir = new TempDirectory();
        var path = dir.File("threads.duckdb");
        using var anchor = new DuckDbConnection(path);
        anchor.Open();
        anchor.ExecuteNonQuery("CREATE TABLE hits (thread INTEGER)");
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++)
            {
                using var connection = new DuckDbConnection(path);
                connection.Open();
                using var command = new DuckDbCommand("INSERT INTO hits VALUES ($t)", connection);
                command.Parameters.Add("t", t);
                command.ExecuteNonQuery();
            }
        }));
        await Task.WhenAll(tasks);
        using var count = new DuckDbCommand("SELECT count(*) FROM hits", anchor);
        Assert.Equal(200L, count.ExecuteScalar());
    }
}
