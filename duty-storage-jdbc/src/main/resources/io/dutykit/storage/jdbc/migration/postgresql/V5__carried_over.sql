-- DutyKit schema, version 5 (SPEC 4 "owned", issue 14): who each item was passed to at a handover.
--
-- One row per completed handover and id in its carriedOver: the entry or incident passed on, the
-- handover, its completion and its incoming, the new owner. Written in the same transaction as the
-- handover's completion (a completed handover never changes again), removed with its handover by the
-- retention purge, written by import, rebuilt from the handover table and compared by verify. The
-- completion decision reads through it the handovers that passed on the site's open work, however long
-- ago, instead of every handover of the site (docs/storage.md, "Live calls read bounded slices").
-- Version 6 (a Java migration) fills it for the handovers completed before this version.
CREATE TABLE duty_carried_over (
    site_id VARCHAR(200) NOT NULL,
    item_key VARCHAR(500) NOT NULL,
    handover_key VARCHAR(500) NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    incoming VARCHAR(200) NOT NULL,
    CONSTRAINT duty_carried_over_pk PRIMARY KEY (site_id, item_key, handover_key)
);
CREATE INDEX duty_carried_over_handover ON duty_carried_over (site_id, handover_key);
CREATE INDEX duty_carried_over_to ON duty_carried_over (site_id, incoming);
