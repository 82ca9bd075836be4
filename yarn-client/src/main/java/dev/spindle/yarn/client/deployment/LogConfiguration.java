package dev.spindle.yarn.client.deployment;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;

/**
 * The log4j2 config shipped with an application: the file named by {@code yarn.log-config-file}
 * (or {@code -Dlog4j.configurationFile}) if given, else the distribution's {@code conf/log4j2.properties}
 * (dir from {@value #CONF_DIR_PROPERTY} or {@code SPINDLE_CONF_DIR}) so that users' own settings
 * apply in containers, else a default that writes to the container's log file.
 */
public final class LogConfiguration {

    public static final String CONF_DIR_PROPERTY = "spindle.conf.dir";

    static final String DEFAULT = String.join("\n",
            "# Written by the Spindle client: no conf/log4j2.properties was found next to it.",
            "status = warn",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.fileName = ${sys:log.file}",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.file.ref = file",
            "logger.hadoop.name = org.apache.hadoop",
            "logger.hadoop.level = warn",
            "");

    private LogConfiguration() {
    }

    /** The config to ship: the one the user named in {@code configuration}, else {@link #resolve()}. */
    public static String resolve(Configuration configuration) throws IOException {
        Optional<Path> chosen = chosenFile(configuration);
        return chosen.isPresent() ? Files.readString(chosen.get()) : resolve();
    }

    /**
     * The file named by {@link YarnConfigOptions#LOG_CONFIG_FILE} (a {@code file:} URI is accepted,
     * as log4j takes one), or empty when none is named.
     */
    public static Optional<Path> chosenFile(Configuration configuration) {
        return configuration.getOptional(YarnConfigOptions.LOG_CONFIG_FILE).filter(v -> !v.isBlank())
                .map(v -> v.startsWith("file:") ? Path.of(URI.create(v)) : Path.of(v.trim()).toAbsolutePath());
    }

    public static String resolve() throws IOException {
        String dir = System.getProperty(CONF_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("SPINDLE_CONF_DIR");
        }
        if (dir != null && !dir.isBlank()) {
            Path f = Path.of(dir, "log4j2.properties");
            if (Files.isRegularFile(f)) {
                return Files.readString(f);
            }
        }
        return DEFAULT;
    }
}
