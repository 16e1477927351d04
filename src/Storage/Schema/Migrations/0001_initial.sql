-- SupportLens warehouse, version 1.
-- Instants are TIMESTAMPTZ in UTC; periods are cut in the reporting time zone at query time.
-- Imported rows are keyed by (source, external id) so re-ingesting an export never duplicates.

CREATE SEQUENCE ingest_batch_ids START 1;
CREATE SEQUENCE job_run_ids START 1;
CREATE SEQUENCE report_run_ids START 1;

CREATE TABLE ingest_batches (
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
    status        VARCHAR NOT NULL CHECK (status IN ('running', 'loaded', 'rejected', 'failed')),
    message       VARCHAR
);

CREATE TABLE quarantine (
    batch_id    BIGINT NOT NULL,
    line        BIGINT NOT NULL,
    column_name VARCHAR,
    value       VARCHAR,
    reason      VARCHAR NOT NULL
);

CREATE TABLE clients (
    client_id       VARCHAR PRIMARY KEY,
    source          VARCHAR NOT NULL,
    name            VARCHAR NOT NULL,
    tier            VARCHAR NOT NULL CHECK (tier IN ('starter', 'professional', 'business', 'enterprise')),
    timezone        VARCHAR,
    region          VARCHAR,
    success_manager VARCHAR,
    contract_start  DATE,
    renewal_date    DATE,
    mrr             DECIMAL(14, 2),
    churned_on      DATE,
    updated_at      TIMESTAMPTZ,
    batch_id        BIGINT
);

CREATE TABLE tickets (
    source            VARCHAR NOT NULL,
    ticket_id         VARCHAR NOT NULL,
    client_id         VARCHAR NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    channel           VARCHAR NOT NULL CHECK (channel IN ('email', 'chat', 'phone', 'web', 'api')),
    priority          VARCHAR NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    status            VARCHAR NOT NULL CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
    category          VARCHAR,
    support_level     TINYINT CHECK (support_level BETWEEN 1 AND 3),
    agent_id          VARCHAR,
    first_response_at TIMESTAMPTZ,
    solved_at         TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ,
    agent_replies     INTEGER,
    reopens           INTEGER,
    escalated         BOOLEAN,
    batch_id          BIGINT,
    PRIMARY KEY (source, ticket_id)
);

CREATE TABLE ticket_events (
    source      VARCHAR NOT NULL,
    ticket_id   VARCHAR NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    event       VARCHAR NOT NULL CHECK (event IN ('status', 'public_reply', 'escalation', 'assignment')),
    value       VARCHAR,
    batch_id    BIGINT
);

CREATE TABLE csat_responses (
    source       VARCHAR NOT NULL,
    response_id  VARCHAR NOT NULL,
    ticket_id    VARCHAR,
    client_id    VARCHAR NOT NULL,
    responded_at TIMESTAMPTZ NOT NULL,
    score        TINYINT CHECK (score BETWEEN 1 AND 5),   -- NULL when the survey was good/bad
    good         BOOLEAN NOT NULL,                        -- 4-5 or "good"
    comment      VARCHAR,
    updated_at   TIMESTAMPTZ,
    batch_id     BIGINT,
    PRIMARY KEY (source, response_id)
);

CREATE TABLE nps_responses (
    source       VARCHAR NOT NULL,
    response_id  VARCHAR NOT NULL,
    client_id    VARCHAR NOT NULL,
    respondent   VARCHAR,
    responded_at TIMESTAMPTZ NOT NULL,
    score        TINYINT NOT NULL CHECK (score BETWEEN 0 AND 10),
    comment      VARCHAR,
    updated_at   TIMESTAMPTZ,
    batch_id     BIGINT,
    PRIMARY KEY (source, response_id)
);

CREATE TABLE incidents (
    source          VARCHAR NOT NULL,
    incident_id     VARCHAR NOT NULL,
    severity        TINYINT NOT NULL CHECK (severity BETWEEN 1 AND 4),
    title           VARCHAR NOT NULL,
    component       VARCHAR,
    started_at      TIMESTAMPTZ NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    first_update_at TIMESTAMPTZ,
    resolved_at     TIMESTAMPTZ,
    affects_all     BOOLEAN NOT NULL DEFAULT false,
    updated_at      TIMESTAMPTZ,
    batch_id        BIGINT,
    PRIMARY KEY (source, incident_id)
);

-- The clients an incident hit, when it did not hit all of them.
CREATE TABLE incident_clients (
    source      VARCHAR NOT NULL,
    incident_id VARCHAR NOT NULL,
    client_id   VARCHAR NOT NULL,
    PRIMARY KEY (source, incident_id, client_id)
);

CREATE TABLE checks (
    source     VARCHAR NOT NULL,
    component  VARCHAR NOT NULL,
    checked_at TIMESTAMPTZ NOT NULL,
    ok         BOOLEAN NOT NULL,
    latency_ms DOUBLE,
    client_id  VARCHAR,
    batch_id   BIGINT
);

CREATE TABLE job_runs (
    run_id      BIGINT PRIMARY KEY DEFAULT nextval('job_run_ids'),
    job         VARCHAR NOT NULL,
    trigger     VARCHAR NOT NULL,
    attempt     INTEGER NOT NULL DEFAULT 1,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status      VARCHAR NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
    message     VARCHAR
);

CREATE TABLE report_runs (
    run_id      BIGINT PRIMARY KEY DEFAULT nextval('report_run_ids'),
    report      VARCHAR NOT NULL,
    period      VARCHAR NOT NULL,
    client_id   VARCHAR,
    path        VARCHAR,
    pages       INTEGER,
    bytes       BIGINT,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status      VARCHAR NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    message     VARCHAR
);

CREATE TABLE forecasts (
    generated_at  TIMESTAMPTZ NOT NULL,
    series_key    VARCHAR NOT NULL,
    model         VARCHAR NOT NULL,
    backtest_mase DOUBLE,
    day           DATE NOT NULL,
    value         DOUBLE NOT NULL,
    lo80          DOUBLE,
    hi80          DOUBLE,
    lo95          DOUBLE,
    hi95          DOUBLE,
    PRIMARY KEY (generated_at, series_key, day)
);

CREATE TABLE spikes (
    client_id   VARCHAR NOT NULL,
    day         DATE NOT NULL,
    tickets     INTEGER NOT NULL,
    expected    DOUBLE NOT NULL,
    score       DOUBLE NOT NULL,
    detected_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_id, day)
);

CREATE TABLE health_scores (
    client_id  VARCHAR NOT NULL,
    as_of      DATE NOT NULL,
    score      DOUBLE NOT NULL,
    band       VARCHAR NOT NULL CHECK (band IN ('green', 'amber', 'red')),
    risk       DOUBLE,
    at_risk    BOOLEAN NOT NULL DEFAULT false,
    components VARCHAR,     -- JSON: component -> points
    drivers    VARCHAR[],   -- the components that pull the score down, in words
    PRIMARY KEY (client_id, as_of)
);
