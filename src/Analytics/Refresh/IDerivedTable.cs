using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Refresh;

/// <summary>
/// A table worked out from the imported data (SLA ledger, data horizons, forecasts, health scores, spikes). Only
/// <c>supportlens refresh</c> (run after each ingest and nightly) writes it; dashboards, reports and metrics read it.
/// </summary>
public interface IDerivedTable
{
    /// <summary>A short name for progress and summaries, e.g. "sla-ledger".</summary>
    string Name { get; }

    /// <summary>Whether the table lags the data it is derived from (cheap: a stamp comparison, no full recompute).</summary>
    bool IsStale(WarehouseConnection connection);

    /// <summary>Brings the table up to date, incrementally where it can; returns how many rows it (re)wrote.</summary>
    long Refresh(WarehouseConnection connection);
}
