-- SupportLens warehouse, version 4: what ingest learned from real exports.

-- A batch none of whose rows loaded is 'all_rejected', not 'loaded'; rows a mapping file's filters dropped are
-- counted. DuckDB cannot alter a CHECK constraint, so the table is rebuilt with its rows.
CREATE TABLE ingest_batches_v4 (
    batch_id      BIGINT PRIMARY KEY DEFAULT nextval('ingest_batch_ids'),
    kind          VARCHAR NOT NULL,
    profile       VARCHAR NOT NULL,
    file          VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    duration_ms   BIGINT,
    rows_read     BIGINT NOT NULL DEFAULT 0,
    rows_loaded   BIGINT NOT NULL DEFAULT 0,
    rows_rejected BIGINT NOT NULL DEFAULT 0,
    rows_filtered BIGINT NOT NULL DEFAULT 0,
    status        VARCHAR NOT NULL CHECK (status IN ('running', 'loaded', 'all_rejected', 'rejected', 'failed')),
    message       VARCHAR
);
INSERT INTO ingest_batches_v4 (batch_id, kind, profile, file, sha256, started_at, finished_at, duration_ms, rows_read, rows_loaded, rows_rejected, status, message)
SELECT batch_id, kind, profile, file, sha256, started_at, finished_at, duration_ms, rows_read, rows_loaded, rows_rejected, status, message
FROM ingest_batches;
DROP TABLE ingest_batches;
ALTER TABLE ingest_batches_v4 RENAME TO ingest_batches;

-- Interval exports of telephony/ACD and chat platforms: counts per interval, not tickets (DESIGN.md §3).
-- Keyed by (source, interval_start, interval_minutes, channel, client_id, queue), client_id and queue compared
-- with IS NOT DISTINCT FROM (either may be absent), as the merge does; a newer export of an interval replaces it.
CREATE TABLE volume_intervals (
    source             VARCHAR NOT NULL,
    interval_start     TIMESTAMPTZ NOT NULL,
    interval_minutes   SMALLINT NOT NULL CHECK (interval_minutes IN (15, 30, 60, 1440)),
    channel            VARCHAR NOT NULL CHECK (channel IN ('email', 'chat', 'phone', 'web', 'api')),
    client_id          VARCHAR,
    queue              VARCHAR,
    offered            INTEGER NOT NULL CHECK (offered >= 0),
    handled            INTEGER CHECK (handled >= 0),
    abandoned          INTEGER CHECK (abandoned >= 0),
    avg_handle_seconds DOUBLE CHECK (avg_handle_seconds >= 0),
    avg_wait_seconds   DOUBLE CHECK (avg_wait_seconds >= 0),
    service_level_pct  DOUBLE CHECK (service_level_pct BETWEEN 0 AND 100),
    batch_id           BIGINT,
    CHECK (coalesce(handled, 0) + coalesce(abandoned, 0) <= offered)
);

-- Every component an incident affected, in the order the incident lists them; incidents.component stays the first.
CREATE TABLE incident_components (
    source      VARCHAR NOT NULL,
    incident_id VARCHAR NOT NULL,
    component   VARCHAR NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (source, incident_id, component)
);

-- Statuspage incidents loaded before version 4 hold their components joined with ', ': split them.
INSERT INTO incident_components (source, incident_id, component, position)
SELECT source, incident_id, name, min(position)
FROM (
    SELECT source, incident_id,
           trim(unnest(CASE WHEN source = 'statuspage' THEN string_split(component, ', ') ELSE [component] END)) AS name,
           generate_subscripts(CASE WHEN source = 'statuspage' THEN string_split(component, ', ') ELSE [component] END, 1) AS position
    FROM incidents
    WHERE component IS NOT NULL
)
WHERE name <> ''
GROUP BY ALL;
UPDATE incidents AS i SET component = c.component
FROM incident_components AS c
WHERE c.source = i.source AND c.incident_id = i.incident_id AND c.position = 1 AND i.source = 'statuspage';
