-- clickhouse-jdbc 0.10 (jdbc-v2) reads its connect timeout from `connection_timeout`; `connect_timeout`, which the
-- allowlist offered before, was ignored by the driver. Saved ClickHouse connections keep the value under the real name
-- (the allowlist no longer accepts the old one, and stored details are checked again each time they are used).
UPDATE connections
SET properties = ((properties::jsonb - 'connect_timeout')
        || jsonb_build_object('connection_timeout', properties::jsonb -> 'connect_timeout'))::text
WHERE type = 'clickhouse'
  AND properties::jsonb ? 'connect_timeout'
  AND NOT properties::jsonb ? 'connection_timeout';

UPDATE connections
SET properties = (properties::jsonb - 'connect_timeout')::text
WHERE type = 'clickhouse'
  AND properties::jsonb ? 'connect_timeout';
