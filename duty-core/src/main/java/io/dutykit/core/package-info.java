/** The duty and shift-handover procedure as a pure domain model: values, entities, use cases and ports. */
package io.dutykit.core;
