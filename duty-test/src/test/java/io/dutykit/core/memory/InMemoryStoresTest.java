package io.dutykit.core.memory;

import io.dutykit.core.port.DutyStores;
import io.dutykit.test.store.StoreContract;

/**
 * The in-memory stores keep the store contract that the JDBC store keeps on H2 and PostgreSQL
 * (duty-test's {@link StoreContract}); each test gets a fresh set.
 */
class InMemoryStoresTest extends StoreContract {

    @Override
    protected DutyStores openStores() {
        return InMemoryStores.create();
    }
}
