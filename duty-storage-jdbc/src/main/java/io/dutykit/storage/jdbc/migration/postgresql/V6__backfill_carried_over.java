package io.dutykit.storage.jdbc.migration.postgresql;

import io.dutykit.storage.jdbc.CarriedOverBackfill;

/** Migration V6 on PostgreSQL: fills duty_carried_over for the handovers completed before V5. */
public final class V6__backfill_carried_over extends CarriedOverBackfill {}
