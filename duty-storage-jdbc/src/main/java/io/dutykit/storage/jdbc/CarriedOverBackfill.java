package io.dutykit.storage.jdbc;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V6 of both databases (a thin subclass in each dialect's migration package): fills {@code
 * duty_carried_over} (V5) for the handovers completed before it existed. Public only because Flyway
 * instantiates it; not an API.
 */
public abstract class CarriedOverBackfill extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        CarriedOverTable.backfill(context.getConnection());
    }
}
