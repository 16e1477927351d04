-- SupportLens warehouse, version 7: every active client's health on every day of the history, and its churn risk, each
-- computed from what was known on that day. Kept by `supportlens refresh` (the client-health derived table); reads only
-- read them. Replaces version 1's placeholder health_scores.

DROP TABLE health_scores;

CREATE TABLE health_scores (
    client_id       VARCHAR NOT NULL,
    as_of           DATE NOT NULL,        -- a day in the reporting time zone; windows end with it
    score           INTEGER,              -- 0..100; NULL = not measured (too little of the weight had data)
    band            VARCHAR CHECK (band IN ('green', 'amber', 'red')),
    coverage        DOUBLE NOT NULL,      -- share of the configured weight whose component had data
    survey_answers  BIGINT NOT NULL,      -- CSAT + NPS answers behind the score
    tickets         BIGINT NOT NULL,      -- tickets created in the ticket window
    components      VARCHAR NOT NULL,     -- JSON: [{component, weight, share, figure, target, score, evidence, text, not_measured}]
    drivers         VARCHAR NOT NULL,     -- JSON: [{component, points_lost, text}], what pulls the score down, worst first
    earlier_score   INTEGER,              -- the score trend_days before, when there was one
    trend_change    INTEGER,
    trend           VARCHAR CHECK (trend IN ('improving', 'steady', 'declining')),
    fingerprint     VARCHAR NOT NULL,     -- digest of the row, so a refresh rewrites only rows that changed
    PRIMARY KEY (client_id, as_of)
);

-- One risk model per run: trained with what was known on run_as_of (snapshots up to it, churns known by it), assessing
-- the days from run_as_of up to the next run. Runs are the first of each month and the data horizon's day.
CREATE TABLE risk_runs (
    run_as_of     DATE PRIMARY KEY,
    assesses_to   DATE NOT NULL,        -- last day this run assessed
    method        VARCHAR NOT NULL CHECK (method IN ('model', 'health_rules')),
    model         VARCHAR,              -- the classifier kept, when method = 'model'
    churn_events  INTEGER NOT NULL,
    auc           DOUBLE,
    brier         DOUBLE,
    card          VARCHAR NOT NULL,     -- JSON model card: window, events, candidates with AUC/Brier, features, note
    fingerprint   VARCHAR NOT NULL,     -- digest of everything the run read, so an unchanged run is not retrained
    refreshed_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE client_risk (
    client_id    VARCHAR NOT NULL,
    as_of        DATE NOT NULL,
    run_as_of    DATE NOT NULL,         -- the risk_runs row that assessed it
    probability  DOUBLE,                -- calibrated probability of churn within the horizon; NULL under health rules
    at_risk      BOOLEAN NOT NULL,
    method       VARCHAR NOT NULL CHECK (method IN ('model', 'health_rules')),
    drivers      VARCHAR NOT NULL,      -- JSON: [{feature, weight, text}]
    PRIMARY KEY (client_id, as_of)
);
