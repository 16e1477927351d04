-- SupportLens warehouse, version 8: what incremental refreshes compare with. Each forecast series keeps a digest of the
-- history it was fitted to, so that a refresh whose histories did not change skips the refit.
ALTER TABLE forecast_series ADD COLUMN input_digest VARCHAR; -- NULL for runs stored before: they are refitted once

-- The facts behind every stored health score (HealthInputsQuery's window counts),
-- so that a refresh after a small file recomputes only the clients and days its rows reach, and rebuilds the risk
-- snapshots of the other days from here instead of reading the whole ticket history again. Kept by `supportlens
-- refresh` (the client-health derived table); reads never read it.

CREATE TABLE health_inputs (
    client_id           VARCHAR NOT NULL,
    as_of               DATE NOT NULL,
    first_nps_day       DATE,               -- the first day with NPS data (the earlier NPS window is known from then)
    incident_data       BOOLEAN NOT NULL,   -- whether any incidents were loaded (else incidents are not measured)
    spike_days_observed INTEGER,            -- days of the ticket window scanned for spikes; NULL = not measured
    -- Counts over the windows that end with as_of (HealthSettings: tickets 30 days, surveys 90, baseline 90 before).
    tickets             BIGINT NOT NULL,
    baseline            BIGINT NOT NULL,
    esc_known           BIGINT NOT NULL,
    esc_yes             BIGINT NOT NULL,
    fcr_known           BIGINT NOT NULL,
    fcr_yes             BIGINT NOT NULL,
    reopen_known        BIGINT NOT NULL,
    reopen_yes          BIGINT NOT NULL,
    csat_total          BIGINT NOT NULL,
    csat_good           BIGINT NOT NULL,
    nps_pro             BIGINT NOT NULL,
    nps_pas             BIGINT NOT NULL,
    nps_det             BIGINT NOT NULL,
    nps_prev_pro        BIGINT NOT NULL,
    nps_prev_pas        BIGINT NOT NULL,
    nps_prev_det        BIGINT NOT NULL,
    sla_achieved        BIGINT NOT NULL,
    sla_breached        BIGINT NOT NULL,
    sla_breached_urgent BIGINT NOT NULL,
    sev1                BIGINT NOT NULL,
    sev2                BIGINT NOT NULL,
    sev3                BIGINT NOT NULL,
    sev4                BIGINT NOT NULL,
    spike_days          BIGINT NOT NULL,
    PRIMARY KEY (client_id, as_of)
);

-- Scores stored before this version have no inputs beside them: the next refresh rebuilds the client-health tables whole.
DELETE FROM derived_state WHERE name LIKE 'client-health%';
