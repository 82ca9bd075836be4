package dev.spindle.yarn.client.preflight;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.spindle.configuration.ConfigOption;
import dev.spindle.configuration.YarnConfigOptions;

/** Every local file or dir to ship ({@code yarn.ship-files}, {@code yarn.ship-archives}) exists and is readable. */
final class ShipFilesCheck implements PreflightCheck {

    @Override
    public void check(PreflightContext context) throws PreflightException {
        check(context, YarnConfigOptions.SHIP_FILES);
        check(context, YarnConfigOptions.SHIP_ARCHIVES);
    }

    private static void check(PreflightContext context, ConfigOption<List<String>> option) throws PreflightException {
        for (String file : context.configuration().getOptional(option).orElse(List.of())) {
            Path p = Path.of(file).toAbsolutePath();
            if (!Files.exists(p)) {
                throw new PreflightException(option.key() + " names " + file + ", which does not exist (" + p
                        + "); fix the path or remove it from " + option.key() + ".");
            }
            if (!Files.isReadable(p)) {
                throw new PreflightException(option.key() + " names " + p + ", which this user cannot read.");
            }
        }
    }
}
