-- tag::table[]
CREATE TABLE IF NOT EXISTS bucket (id VARCHAR PRIMARY KEY, state BYTEA, expires_at BIGINT);
-- end::table[]
