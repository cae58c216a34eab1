/**
 * The reports of DutyKit (SPEC section 9): the daily duty report, the handover sheet, the monthly
 * review and the staff evaluation basis, as HTML, Markdown, CSV and JSON, in Chinese and English.
 * Start at {@link io.dutykit.reports.Reports}. Depends on the core only; the caller runs the rules
 * and passes the violations in.
 */
package io.dutykit.reports;
