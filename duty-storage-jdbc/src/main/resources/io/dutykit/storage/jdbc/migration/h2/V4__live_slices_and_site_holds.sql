-- DutyKit schema, version 4 (SPEC 8.1, issue 13): what live calls read, through indexes.
--
-- Live calls (due, the completion decision, the use cases' refusal checks) read a bounded slice of a
-- site's records, never its whole history. The columns below say where a record falls in such a slice.
-- They are GENERATED from the row's data (its canonical JSON, docs/log-integrity.md), so they always
-- agree with it: the database computes them on every INSERT and UPDATE, refuses to have them set, and
-- verification, which compares data with the log, covers them too. Canonical instants are UTC text
-- of exactly 24 characters ("2026-11-02T13:05:00.000Z") and dates are "YYYY-MM-DD", so text
-- order is time order.
-- A value is found by the position of its key and quote ("closedAt":"): inside a JSON string every
-- quote is escaped, so no text can match, and no record of these tables has a nested object holding
-- the same key; a missing or null value has no quote after its key. (Positions, not regular
-- expressions: they cost a fraction of a regular expression on every write.)

-- open work (4.2.2): an entry is open until its closedAt, or for ever while it has none; PATROL, THANKS
-- and CORRECTION entries are records, never open work (SPEC 4; EntryKind.canBeOpenWork, the same list,
-- is checked against this column by LiveSliceContract)
ALTER TABLE duty_entry ADD COLUMN open_until CHARACTER VARYING(40) GENERATED ALWAYS AS (
    CASE WHEN LOCATE('"kind":"PATROL"', data) > 0 OR LOCATE('"kind":"THANKS"', data) > 0 OR LOCATE('"kind":"CORRECTION"', data) > 0 THEN NULL
         ELSE COALESCE(CASE WHEN LOCATE('"closedAt":"', data) > 0 THEN SUBSTRING(data, LOCATE('"closedAt":"', data) + 12, 24) END, '9999-12-31T23:59:59.999Z') END);
CREATE INDEX duty_entry_open ON duty_entry (site_id, open_until);

-- entries and calls by the instant they were logged: due reads the requests and calls logged within the
-- longest closing or logging limit before now (SPEC 4.1, CALL_NOT_LOGGED, REQUEST_NOT_CLOSED). Both
-- records are flat (no nested object) and "at" sorts first among their keys, so the first "at":" is theirs
ALTER TABLE duty_entry ADD COLUMN logged_at CHARACTER VARYING(40) GENERATED ALWAYS AS (
    CASE WHEN LOCATE('"at":"', data) > 0 THEN SUBSTRING(data, LOCATE('"at":"', data) + 6, 24) END);
CREATE INDEX duty_entry_logged ON duty_entry (site_id, logged_at);
ALTER TABLE duty_call ADD COLUMN logged_at CHARACTER VARYING(40) GENERATED ALWAYS AS (
    CASE WHEN LOCATE('"at":"', data) > 0 THEN SUBSTRING(data, LOCATE('"at":"', data) + 6, 24) END);
CREATE INDEX duty_call_logged ON duty_call (site_id, logged_at);

-- an incident is open until its resolvedAt; due reads the incidents opened in its window
ALTER TABLE duty_incident ADD COLUMN open_until CHARACTER VARYING(40) GENERATED ALWAYS AS (
    COALESCE(CASE WHEN LOCATE('"resolvedAt":"', data) > 0 THEN SUBSTRING(data, LOCATE('"resolvedAt":"', data) + 14, 24) END, '9999-12-31T23:59:59.999Z'));
ALTER TABLE duty_incident ADD COLUMN opened_at CHARACTER VARYING(40) GENERATED ALWAYS AS (
    CASE WHEN LOCATE('"openedAt":"', data) > 0 THEN SUBSTRING(data, LOCATE('"openedAt":"', data) + 12, 24) END);
CREATE INDEX duty_incident_open ON duty_incident (site_id, open_until);
CREATE INDEX duty_incident_opened ON duty_incident (site_id, opened_at);

-- the duty date of leaves, supervisor reviews and duty reports (handovers keep handover_date since V1,
-- rosters are keyed by their month)
ALTER TABLE duty_leave ADD COLUMN duty_date CHARACTER VARYING(20) GENERATED ALWAYS AS (
    CASE WHEN LOCATE('"date":"', data) > 0 THEN SUBSTRING(data, LOCATE('"date":"', data) + 8, 10) END);
CREATE INDEX duty_leave_date ON duty_leave (site_id, duty_date);
ALTER TABLE duty_review ADD COLUMN duty_date CHARACTER VARYING(20) GENERATED ALWAYS AS (
    CASE WHEN LOCATE('"date":"', data) > 0 THEN SUBSTRING(data, LOCATE('"date":"', data) + 8, 10) END);
CREATE INDEX duty_review_date ON duty_review (site_id, duty_date);
ALTER TABLE duty_report ADD COLUMN duty_date CHARACTER VARYING(20) GENERATED ALWAYS AS (
    CASE WHEN LOCATE('"date":"', data) > 0 THEN SUBSTRING(data, LOCATE('"date":"', data) + 8, 10) END);
CREATE INDEX duty_report_date ON duty_report (site_id, duty_date);

-- a site whose chain was found broken (by verify, or by an append that re-hashed the last record) is
-- held: its appends are refused until an operator releases the hold (docs/storage.md, "A broken chain
-- stops writes"). Released holds stay as the record of who released what, when and why.
CREATE TABLE duty_site_hold (
    site_id VARCHAR(200) NOT NULL,
    held_at TIMESTAMP WITH TIME ZONE NOT NULL,
    found_by VARCHAR(20) NOT NULL,
    seq BIGINT,
    record_id VARCHAR(500),
    problem VARCHAR(64) NOT NULL,
    message VARCHAR(2000) NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE,
    released_by VARCHAR(200),
    release_reason VARCHAR(2000),
    CONSTRAINT duty_site_hold_pk PRIMARY KEY (site_id, held_at)
);

-- every key leads with the site id, so the schema can be distributed by site (docs/storage.md, "Several
-- nodes, one database"): the purge audit's key becomes (site_id, id)
ALTER TABLE duty_purge_audit DROP PRIMARY KEY;
ALTER TABLE duty_purge_audit ADD CONSTRAINT duty_purge_audit_pk PRIMARY KEY (site_id, id);
