-- The jobs keep their run ledger beside Hangfire's state (DATA/jobs.db or PostgreSQL), where every node reads it, so
-- this warehouse table was never written; `db info` listed it at 0 rows.
DROP TABLE IF EXISTS job_runs;
DROP SEQUENCE IF EXISTS job_run_ids;
