-- The starter's DutyDueEvent.fresh() now leaves out the deadlines an earlier round published, so this
-- host no longer keeps a unique key to alert once: after a restart a deadline still due is fresh once more.
ALTER TABLE desk_alert DROP CONSTRAINT desk_alert_once;
