/**
 * The procedure model: what the rules mean, defined once and read by both engines, the reports, the
 * command line and the docs (docs/architecture.md, "The procedure model").
 *
 * <ul>
 *   <li>{@link io.dutykit.core.procedure.RuleCatalogue}: every rule's id, clause, severity, title,
 *       message and description keys, the parameters it reads and its message arguments; the
 *       default rules' metadata is {@link io.dutykit.core.procedure.DefaultRules}.
 *   <li>{@link io.dutykit.core.procedure.Parameters}: every parameter of the procedure (key, type,
 *       default, range, clause, description); {@link io.dutykit.core.procedure.ParameterFile} is the
 *       one reader of the parameters file and {@link io.dutykit.core.procedure.ParameterValues} the
 *       effective values.
 *   <li>{@link io.dutykit.core.procedure.IncidentThresholdTable}: the incident threshold table and
 *       its one CSV reader.
 *   <li>{@link io.dutykit.core.procedure.Deadlines}: what {@code due} reports and the records it
 *       reads ({@link io.dutykit.core.procedure.DueWindow}); {@link
 *       io.dutykit.core.procedure.OpenCriticalWork}: the work that blocks a handover (4.2.2).
 * </ul>
 */
package io.dutykit.core.procedure;
