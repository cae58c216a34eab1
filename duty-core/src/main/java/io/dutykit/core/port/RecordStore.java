package io.dutykit.core.port;

import io.dutykit.core.ConflictException;
import java.util.List;
import java.util.Optional;

/**
 * The common shape of the stores: read one record by key, read all of a site's, and save a new state
 * as a change of the site's duty log.
 *
 * @param <T> the record type
 */
public interface RecordStore<T> {

    Optional<T> find(String siteId, String key);

    /** Every record of the site, in the order they were first saved. */
    List<T> all(String siteId);

    /**
     * Saves {@code next} as the change {@code change}. {@code previous} is the state the caller read
     * (null when creating): when the stored state is no longer {@code previous}, or a record with the
     * same key exists on creation, the save is refused with {@link ConflictException} and nothing is
     * written. Saving the same change id again with the same state is accepted once and does nothing.
     */
    void save(String siteId, T previous, T next, Change change);
}
