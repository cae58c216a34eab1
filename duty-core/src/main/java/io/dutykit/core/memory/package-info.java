/**
 * A complete, thread-safe set of stores held in memory, with the chained duty log:
 * {@link io.dutykit.core.memory.InMemoryStores#create()}. For tests, examples and trying DutyKit out;
 * nothing survives the process.
 */
package io.dutykit.core.memory;
