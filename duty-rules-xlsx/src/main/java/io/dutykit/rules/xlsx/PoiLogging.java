package io.dutykit.rules.xlsx;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the spreadsheet library from printing "ERROR StatusLogger Log4j API could not find a logging
 * provider" on a host that has no Log4j provider. Apache POI logs through the Log4j API; when no
 * provider is on the class path, that API prints the line to stderr and then logs through its simple
 * logger anyway. DutyKit selects that simple logger up front instead ({@code log4j.provider}), and only
 * then: a host with a provider of its own — Log4j Core, or {@code log4j-to-slf4j}, which routes POI's
 * logging to the host's SLF4J backend (the {@code duty} command brings it) — and a host that sets
 * {@code log4j.provider} itself are left alone. DutyKit forces no logging backend on anyone.
 */
final class PoiLogging {
    static final String PROVIDER_PROPERTY = "log4j.provider";
    private static final String LEGACY_PROPERTY = "log4j2.loggerContextFactory";
    private static final String SIMPLE_PROVIDER = "org.apache.logging.log4j.simple.internal.SimpleProvider";
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private PoiLogging() {}

    /** Call before the first use of a POI class; does its work once. */
    static void quiet() {
        if (!DONE.compareAndSet(false, true)) {
            return;
        }
        if (System.getProperty(PROVIDER_PROPERTY) != null || System.getProperty(LEGACY_PROPERTY) != null) {
            return;
        }
        if (!hasProvider()) {
            System.setProperty(PROVIDER_PROPERTY, SIMPLE_PROVIDER);
        }
    }

    /** Whether a Log4j API provider is on the class path (a service file, or the older properties file). */
    static boolean hasProvider() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader()
                : PoiLogging.class.getClassLoader();
        try {
            return loader.getResources("META-INF/services/org.apache.logging.log4j.spi.Provider")
                            .hasMoreElements()
                    || loader.getResources("META-INF/log4j-provider.properties").hasMoreElements();
        } catch (IOException e) {
            return true; // cannot tell: leave the Log4j API to decide
        }
    }
}
