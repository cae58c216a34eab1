-- The database itself keeps the duty log append-only (SPEC section 8, clause 4.1.8): every UPDATE, every
-- TRUNCATE and every DELETE of duty_log is refused, except a DELETE made by the retention purge, which
-- first writes its duty_purge_audit row in the same transaction and sets dutykit.retention_purge.
-- The audit table itself is append-only too.

CREATE FUNCTION duty_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND current_setting('dutykit.retention_purge', true) = 'on'
       AND EXISTS (SELECT 1 FROM duty_purge_audit a
                   WHERE a.site_id = OLD.site_id
                     AND a.first_kept_seq > OLD.seq
                     AND a.tx_id = txid_current()) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the duty log is append-only (clause 4.1.8): % of log record % of site % refused',
        TG_OP, OLD.seq, OLD.site_id
        USING HINT = 'close or correct a record by appending a new one; old records go only through the retention purge';
END
$$;

CREATE FUNCTION duty_log_refuse_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the duty log is append-only (clause 4.1.8): % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;

CREATE TRIGGER duty_log_append_only BEFORE UPDATE OR DELETE ON duty_log
    FOR EACH ROW EXECUTE FUNCTION duty_log_refuse_change();
CREATE TRIGGER duty_log_no_truncate BEFORE TRUNCATE ON duty_log
    FOR EACH STATEMENT EXECUTE FUNCTION duty_log_refuse_statement();
CREATE TRIGGER duty_purge_audit_append_only BEFORE UPDATE OR DELETE ON duty_purge_audit
    FOR EACH STATEMENT EXECUTE FUNCTION duty_log_refuse_statement();
CREATE TRIGGER duty_purge_audit_no_truncate BEFORE TRUNCATE ON duty_purge_audit
    FOR EACH STATEMENT EXECUTE FUNCTION duty_log_refuse_statement();
