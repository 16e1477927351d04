-- SupportLens warehouse, version 2: each ticket's SLA deadlines, worked out once on its tier's business calendar
-- (with pauses) by the SLA clock, so that compliance over millions of tickets is one aggregate query.
-- Status is derived at query time against "now": achieved / breached / active.

CREATE TABLE ticket_sla (
    source                      VARCHAR NOT NULL,
    ticket_id                   VARCHAR NOT NULL,
    created_at                  TIMESTAMPTZ NOT NULL, -- copied from the ticket with its group keys: SLA queries need no join
    client_id                   VARCHAR NOT NULL,
    channel                     VARCHAR NOT NULL,
    policy                      VARCHAR NOT NULL,     -- fingerprint of the SLA policies used; a change re-evaluates
    ticket_updated_at           TIMESTAMPTZ,          -- the ticket version evaluated
    first_response_due          TIMESTAMPTZ NOT NULL,
    first_response_done_at      TIMESTAMPTZ,          -- first reply, or the solve when there was none
    first_response_business_min DOUBLE,               -- business minutes to the first response, once done
    resolution_due              TIMESTAMPTZ NOT NULL, -- projected as if a running pause ended at evaluation
    resolution_done_at          TIMESTAMPTZ,
    resolution_business_min     DOUBLE,               -- business minutes to the solve, pauses excluded, once done
    resolution_paused           BOOLEAN NOT NULL,     -- pending or on hold at evaluation: re-evaluated on every refresh
    evaluated_at                TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source, ticket_id)
);

-- What the ledger last saw of the tables it reads, so a query can tell in milliseconds whether to refresh first.
CREATE TABLE sla_ledger_state (
    policy       VARCHAR NOT NULL,
    stamp        VARCHAR NOT NULL,
    refreshed_at TIMESTAMPTZ NOT NULL
);
