package io.dutykit.core.port;

/**
 * Hears about every transaction that appended to a duty log, after it committed (never for one rolled
 * back, refused or in conflict): register it with {@link DutyLogReader#subscribe}. For an outbox, a cache
 * or a push to screens; what it may rely on is in docs/embedding.md, "Events and tailing".
 */
@FunctionalInterface
public interface ChangeListener {
    void committed(DutyChange change);
}
