-- SupportLens warehouse, version 6: volume forecasts and spikes as `supportlens refresh` stores them (DESIGN.md §5).
-- Every forecast run is kept (reports compare this month's forecast with last month's); reads take the latest.
-- Version 1's single-table `forecasts` and per-client `spikes` never held rows: they are replaced.

DROP TABLE forecasts;
DROP TABLE spikes;

CREATE SEQUENCE forecast_run_ids START 1;

CREATE TABLE forecast_runs (
    run_id          BIGINT PRIMARY KEY,
    generated_at    TIMESTAMPTZ NOT NULL,
    frequency       VARCHAR NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    horizon         INTEGER NOT NULL,   -- periods ahead: days, or weeks for weekly runs
    history_through DATE NOT NULL,      -- the last complete day of history before the data horizon
    data_stamp      VARCHAR NOT NULL,   -- the data it saw (derived_state's stamp of the imported data)
    settings        VARCHAR NOT NULL,   -- the forecast settings it ran with
    sources         VARCHAR NOT NULL,   -- per channel: tickets, or the volume export from a day on
    coverage_points INTEGER NOT NULL,   -- held-out values the interval coverage was measured on
    coverage80      DOUBLE,             -- share of them inside the 80 % intervals; NULL = not measured
    coverage95      DOUBLE,
    elapsed_ms      BIGINT NOT NULL
);

CREATE TABLE forecast_series (
    run_id              BIGINT NOT NULL,
    series_key          VARCHAR NOT NULL, -- total, channel:NAME, tier:NAME, client:ID
    position            INTEGER NOT NULL, -- the order the series are shown in
    model               VARCHAR NOT NULL, -- the model or combination the backtest chose
    backtest_mase       DOUBLE,           -- its mean MASE over the backtest origins; NULL = history too short
    seasonal_naive_mase DOUBLE,           -- the seasonal naive baseline's, over the same origins
    history_start       DATE NOT NULL,
    history_periods     INTEGER NOT NULL,
    PRIMARY KEY (run_id, series_key)
);

CREATE TABLE forecasts (
    run_id     BIGINT NOT NULL,
    series_key VARCHAR NOT NULL,
    day        DATE NOT NULL,             -- the forecast day, or the Monday of the forecast week
    value      DOUBLE NOT NULL,
    lo80       DOUBLE,                    -- intervals NULL when no backtest could calibrate them
    hi80       DOUBLE,
    lo95       DOUBLE,
    hi95       DOUBLE,
    PRIMARY KEY (run_id, series_key, day)
);

-- Unusual days per client, on each channel and on the client's whole volume (channel 'all'); replaced on each refresh.
CREATE TABLE spikes (
    client_id     VARCHAR NOT NULL,
    channel       VARCHAR NOT NULL,
    day           DATE NOT NULL,
    volume        DOUBLE NOT NULL,        -- contacts that day
    expected      DOUBLE NOT NULL,        -- the seasonal fit: median of the same weekday in the nearer weeks
    expected_low  DOUBLE NOT NULL,        -- the range a day within the threshold falls in
    expected_high DOUBLE NOT NULL,
    score         DOUBLE NOT NULL,        -- robust standard deviations from the fit (negative: fewer contacts)
    direction     VARCHAR NOT NULL CHECK (direction IN ('high', 'low')),
    holiday       BOOLEAN NOT NULL,
    detected_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_id, channel, day)
);

-- The days each client's series were scanned over, so "no spike" can be told from "not scanned".
CREATE TABLE spike_scans (
    client_id   VARCHAR NOT NULL,
    channel     VARCHAR NOT NULL,
    first_day   DATE NOT NULL,
    last_day    DATE NOT NULL,
    detected_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_id, channel)
);
