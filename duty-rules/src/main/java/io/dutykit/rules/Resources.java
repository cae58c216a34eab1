package io.dutykit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the rule set's own files from the classpath. */
final class Resources {
    private Resources() {}

    static byte[] bytes(String location) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new RulesException("the default rule file " + location + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RulesException("the default rule file " + location + " cannot be read: " + e.getMessage(), e);
        }
    }

    static String text(String location) {
        return new String(bytes(location), StandardCharsets.UTF_8);
    }
}
