-- SupportLens warehouse, version 3: how far each source's data reaches. Open tickets, incidents and checks are judged
-- as of this horizon (the newest instant the source's rows mention), not the wall clock, so the same data always gives
-- the same numbers. Kept by `supportlens refresh`; reads only read it.

CREATE TABLE data_horizon (
    kind         VARCHAR NOT NULL,   -- tickets (with their events), incidents, checks, csat, nps
    source       VARCHAR NOT NULL,
    horizon      TIMESTAMPTZ NOT NULL,
    refreshed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, source)
);

-- What each derived table last saw of the data (e.g. the newest loaded ingest batch), so that `refresh` and a read can
-- tell in milliseconds whether the table lags.
CREATE TABLE derived_state (
    name         VARCHAR PRIMARY KEY,
    stamp        VARCHAR NOT NULL,
    refreshed_at TIMESTAMPTZ NOT NULL
);
