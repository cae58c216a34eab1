-- Version 3 (issue 18, finding 1): the append-only guards of V2 hold against a database user who plays
-- with names or writes a forged audit row.
--
-- * Every name inside a trigger function is schema-qualified and every function pins its search_path
--   (pg_temp last), so a temporary table called duty_purge_audit cannot stand in for the real one.
-- * The audit table stamps each row itself with the session user and the transaction that wrote it.
-- * The purge's DELETE must match the audit row that this transaction's own session user wrote: only
--   records before the audited first kept seq, written before the day after the audited cut-off (with a
--   day's margin for night shifts and zones), the whole oldest part of the site's log and nothing else,
--   as many records as the audit row says, the last of them hashing to the audited chains_from.
-- * A site's head row only moves forward, to a record of its log, and is never deleted.
-- A superuser or the tables' owner can still disable triggers; verification catches what they change.

CREATE OR REPLACE FUNCTION "${flyway:defaultSchema}".duty_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, "${flyway:defaultSchema}", pg_temp
AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND pg_catalog.current_setting('dutykit.retention_purge', true) = 'on'
       AND EXISTS (SELECT 1 FROM "${flyway:defaultSchema}".duty_purge_audit a
                   WHERE a.site_id = OLD.site_id
                     AND a.tx_id = pg_catalog.txid_current()
                     AND a.db_user = SESSION_USER::text
                     AND OLD.seq < a.first_kept_seq
                     AND OLD.at < ((a.purged_before + 2)::timestamp AT TIME ZONE 'UTC')) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the duty log is append-only (clause 4.1.8): % of log record % of site % refused',
        TG_OP, OLD.seq, OLD.site_id
        USING HINT = 'close or correct a record by appending a new one; old records go only through the retention purge';
END
$$;

ALTER FUNCTION "${flyway:defaultSchema}".duty_log_refuse_statement()
    SET search_path = pg_catalog, "${flyway:defaultSchema}", pg_temp;

-- after the purge's DELETE statement: what it removed is exactly what its audit row describes
CREATE FUNCTION "${flyway:defaultSchema}".duty_log_purge_matches_audit() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, "${flyway:defaultSchema}", pg_temp
AS $$
DECLARE
    purged RECORD;
BEGIN
    FOR purged IN SELECT r.site_id, pg_catalog.max(r.seq) AS last_seq, pg_catalog.count(*) AS records,
                         pg_catalog.max(r.at) AS latest
                  FROM removed r GROUP BY r.site_id LOOP
        IF NOT EXISTS (SELECT 1 FROM "${flyway:defaultSchema}".duty_purge_audit a
                       WHERE a.site_id = purged.site_id
                         AND a.tx_id = pg_catalog.txid_current()
                         AND a.db_user = SESSION_USER::text
                         AND a.first_kept_seq = purged.last_seq + 1
                         AND a.removed_log_records = purged.records
                         AND purged.latest < ((a.purged_before + 2)::timestamp AT TIME ZONE 'UTC')
                         AND a.chains_from = (SELECT r.hash FROM removed r
                                              WHERE r.site_id = purged.site_id AND r.seq = purged.last_seq))
           OR EXISTS (SELECT 1 FROM "${flyway:defaultSchema}".duty_log l
                      WHERE l.site_id = purged.site_id AND l.seq <= purged.last_seq) THEN
            RAISE EXCEPTION 'the retention purge of site % does not match its audit row (clause 4.1.8): % log records up to seq % refused',
                purged.site_id, purged.records, purged.last_seq
                USING HINT = 'a purge removes only the oldest whole duty dates its audit row names, written by the same session in the same transaction';
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

CREATE TRIGGER duty_log_purge_matches_audit AFTER DELETE ON "${flyway:defaultSchema}".duty_log
    REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION "${flyway:defaultSchema}".duty_log_purge_matches_audit();

-- who wrote an audit row, and in which transaction, is what the database says, not what the row claims
CREATE FUNCTION "${flyway:defaultSchema}".duty_purge_audit_stamp() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, "${flyway:defaultSchema}", pg_temp
AS $$
BEGIN
    NEW.db_user := SESSION_USER::text;
    NEW.tx_id := pg_catalog.txid_current();
    RETURN NEW;
END
$$;

CREATE TRIGGER duty_purge_audit_stamp BEFORE INSERT ON "${flyway:defaultSchema}".duty_purge_audit
    FOR EACH ROW EXECUTE FUNCTION "${flyway:defaultSchema}".duty_purge_audit_stamp();

-- a site's head only moves forward, to a record of its log: a truncation cannot be made clean
CREATE FUNCTION "${flyway:defaultSchema}".duty_log_head_moves_forward() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, "${flyway:defaultSchema}", pg_temp
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the head row of site % is never deleted (clause 4.1.8)', OLD.site_id;
    END IF;
    IF NEW.site_id <> OLD.site_id
       OR NEW.seq < OLD.seq
       OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash)
       OR (NEW.seq > OLD.seq AND NOT EXISTS (SELECT 1 FROM "${flyway:defaultSchema}".duty_log l
                                             WHERE l.site_id = NEW.site_id AND l.seq = NEW.seq
                                               AND l.hash = NEW.hash)) THEN
        RAISE EXCEPTION 'the chain head of site % only moves forward to a record of its log (clause 4.1.8): seq % to % refused',
            OLD.site_id, OLD.seq, NEW.seq
            USING HINT = 'the head is moved by appends and the retention purge only';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER duty_log_head_moves_forward BEFORE UPDATE OR DELETE ON "${flyway:defaultSchema}".duty_log_head
    FOR EACH ROW EXECUTE FUNCTION "${flyway:defaultSchema}".duty_log_head_moves_forward();
CREATE TRIGGER duty_log_head_no_truncate BEFORE TRUNCATE ON "${flyway:defaultSchema}".duty_log_head
    FOR EACH STATEMENT EXECUTE FUNCTION "${flyway:defaultSchema}".duty_log_refuse_statement();
