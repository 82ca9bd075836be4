package dev.spindle.yarn.client.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Spindle's version, written into a resource at build time. */
final class Version {

    private Version() {
    }

    static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/spindle-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
