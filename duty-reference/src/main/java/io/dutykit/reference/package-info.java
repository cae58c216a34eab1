/** The default procedure rules in plain Java: the speed baseline and the test oracle for the Drools rules. */
package io.dutykit.reference;
