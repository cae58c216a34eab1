/**
 * The live use cases a property system calls as things happen at a service centre, behind one facade:
 * {@link io.dutykit.core.usecase.DutyDesk}. Each refuses what the acting person may not do, naming the
 * clause of the procedure, and writes nothing when it refuses.
 */
package io.dutykit.core.usecase;
