namespace SupportLens.Web.Jobs.Ledger;

/// <summary>
/// Named locks in the job storage, so that one job never runs twice at once on any node. A lock is a lease: its holder
/// renews it every <see cref="Heartbeat"/>; a holder that dies stops renewing and the lock is free again once
/// <see cref="LeaseTime"/> has passed. Each acquisition has its own owner token, which the delivery claims record.
/// </summary>
internal sealed class JobLocks(JobDatabase database, TimeProvider time, JobNode node)
{
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>The lock, or null when another owner holds an unexpired lease on it.</summary>
    public JobLease? TryAcquire(string resource)
    {
        var owner = $"{node.Id}/{Guid.NewGuid():N}";
        var now = time.GetUtcNow();
        using var connection = database.Open();
        // One statement: insert, or take over a lease that has expired; 0 rows changed means someone else holds it.
        var taken = connection.Execute(
            "INSERT INTO supportlens_locks (resource, owner, node, liveness, acquired_at, expires_at) VALUES (@resource, @owner, @node, @liveness, @now, @expires) " +
            "ON CONFLICT (resource) DO UPDATE SET owner = excluded.owner, node = excluded.node, liveness = excluded.liveness, " +
            "acquired_at = excluded.acquired_at, expires_at = excluded.expires_at WHERE supportlens_locks.expires_at < @now",
            ("resource", resource), ("owner", owner), ("node", node.Id), ("liveness", node.Liveness), ("now", Db.Millis(now)),
            ("expires", Db.Millis(now + LeaseTime)));
        if (taken == 1)
        {
            return new JobLease(this, resource, owner);
        }

        // A holder on this machine whose process is gone (killed, crashed) need not be waited out for its lease.
        var holder = connection.Query("SELECT owner, liveness FROM supportlens_locks WHERE resource = @resource",
            r => (Owner: r.GetString(0), Liveness: r.NullableString(1)), ("resource", resource)).SingleOrDefault();
        if (holder.Liveness is { } liveness && node.IsGone(liveness)
            && connection.Execute(
                "UPDATE supportlens_locks SET owner = @owner, node = @node, liveness = @liveness, acquired_at = @now, expires_at = @expires " +
                "WHERE resource = @resource AND owner = @dead",
                ("owner", owner), ("node", node.Id), ("liveness", node.Liveness), ("now", Db.Millis(now)), ("expires", Db.Millis(now + LeaseTime)),
                ("resource", resource), ("dead", holder.Owner)) == 1)
        {
            return new JobLease(this, resource, owner);
        }

        return null;
    }

    /// <summary>Waits up to <paramref name="wait"/> for the lock, polling; null if it stayed taken.</summary>
    public JobLease? Acquire(string resource, TimeSpan wait, CancellationToken cancellation = default)
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            if (TryAcquire(resource) is { } lease)
            {
                return lease;
            }

            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }

            Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellation).GetAwaiter().GetResult();
        }
    }

    /// <summary>Who holds a lock now (node and since when), or null.</summary>
    public (string Node, DateTimeOffset Since)? Holder(string resource)
    {
        using var connection = database.Open();
        return connection.Query("SELECT node, acquired_at FROM supportlens_locks WHERE resource = @resource AND expires_at >= @now",
            r => (r.GetString(0), Db.Instant(r.GetInt64(1))), ("resource", resource), ("now", Db.Millis(time.GetUtcNow()))) is [var holder]
            ? holder
            : null;
    }

    internal bool Renew(string resource, string owner)
    {
        using var connection = database.Open();
        return connection.Execute("UPDATE supportlens_locks SET expires_at = @expires WHERE resource = @resource AND owner = @owner",
            ("expires", Db.Millis(time.GetUtcNow() + LeaseTime)), ("resource", resource), ("owner", owner)) == 1;
    }

    internal void Release(string resource, string owner)
    {
        using var connection = database.Open();
        connection.Execute("DELETE FROM supportlens_locks WHERE resource = @resource AND owner = @owner", ("resource", resource), ("owner", owner));
    }

    internal ITimer StartHeartbeat(Action beat) => time.CreateTimer(_ => beat(), null, Heartbeat, Heartbeat);
}

/// <summary>A held lock; renewed in the background until disposed. <see cref="EnsureHeld"/> fails once it was lost.</summary>
internal sealed class JobLease : IDisposable
{
    private readonly JobLocks _locks;
    private readonly ITimer _heartbeat;
    private readonly CancellationTokenSource _lost = new();
    private readonly object _gate = new();
    private bool _disposed;

    internal JobLease(JobLocks locks, string resource, string owner)
    {
        _locks = locks;
        Resource = resource;
        Owner = owner;
        _heartbeat = locks.StartHeartbeat(Beat);
    }

    public string Resource { get; }

    /// <summary>This acquisition's token: node id and a fresh GUID.</summary>
    public string Owner { get; }

    /// <summary>Cancelled when a renewal found the lock taken by someone else (this process stalled past the lease).</summary>
    public CancellationToken Lost => _lost.Token;

    public void EnsureHeld()
    {
        if (_lost.IsCancellationRequested)
        {
            throw new LockLostException($"lost the lock '{Resource}': this process stalled longer than the {JobLocks.LeaseTime.TotalSeconds:0} s lease");
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _heartbeat.Dispose();
        if (!_lost.IsCancellationRequested)
        {
            _locks.Release(Resource, Owner);
        }

        _lost.Dispose();
    }

    private void Beat()
    {
        lock (_gate)
        {
            if (_disposed || _lost.IsCancellationRequested)
            {
                return;
            }

            try
            {
                if (!_locks.Renew(Resource, Owner))
                {
                    _lost.Cancel();
                }
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                // A storage hiccup is not a lost lock; the next beat tries again well inside the lease.
            }
        }
    }
}

internal sealed class LockLostException(string message) : Exception(message);

/// <summary>
/// This process as the ledgers name it (host and process id), and, on Linux, a liveness key (PID namespace and pid) by
/// which another process on the same machine can tell that it is gone.
/// </summary>
internal sealed record JobNode(string Id, string? Liveness = null)
{
    public static JobNode Current { get; } = new($"{Environment.MachineName}:{Environment.ProcessId}", LivenessOf(Environment.ProcessId));

    /// <summary>
    /// True when <paramref name="liveness"/> names a process in this PID namespace that no longer runs (or is a zombie).
    /// Anything else, including a process on another machine, counts as alive: its lease decides.
    /// </summary>
    public bool IsGone(string liveness)
    {
        var colon = liveness.LastIndexOf(':');
        if (Liveness is null || colon < 0 || liveness[..colon] != Liveness[..Liveness.LastIndexOf(':')]
            || !int.TryParse(liveness[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e is FileNotFoundException or DirectoryNotFoundException;
        }
    }

    private static string? LivenessOf(int pid)
    {
        try
        {
            // "pid:[4026531836]": processes in one namespace see each other's pids.
            var link = new FileInfo("/proc/self/ns/pid").LinkTarget;
            return link is null ? null : $"{Environment.MachineName}/{link}:{pid}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return null;
        }
    }
}
