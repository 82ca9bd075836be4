package dev.spindle.yarn.client.preflight;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.yarn.client.deployment.LogConfiguration;

/** A log config file the user named ({@code yarn.log-config-file} / {@code log4j.configurationFile}) is a readable file. */
final class LogConfigFileCheck implements PreflightCheck {

    @Override
    public void check(PreflightContext context) throws PreflightException {
        Optional<Path> file;
        try {
            file = LogConfiguration.chosenFile(context.configuration());
        } catch (IllegalArgumentException e) {
            throw new PreflightException(YarnConfigOptions.LOG_CONFIG_FILE.key() + " is not a file path or file: URI ("
                    + e.getMessage() + ").");
        }
        if (file.isPresent() && !(Files.isRegularFile(file.get()) && Files.isReadable(file.get()))) {
            throw new PreflightException(YarnConfigOptions.LOG_CONFIG_FILE.key() + " (or log4j.configurationFile) names "
                    + file.get() + ", which is not a readable file; fix the path or drop the option to ship conf/log4j2.properties.");
        }
    }
}
