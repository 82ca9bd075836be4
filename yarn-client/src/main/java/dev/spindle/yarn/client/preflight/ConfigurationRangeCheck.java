package dev.spindle.yarn.client.preflight;

import dev.spindle.configuration.ConfigurationValidator;

/**
 * Every deployment, whichever front end started it, refuses ill-typed values and values outside
 * an option's range before anything is uploaded, instead of an ApplicationMaster failing on them.
 */
final class ConfigurationRangeCheck implements PreflightCheck {

    @Override
    public void check(PreflightContext context) throws PreflightException {
        ConfigurationValidator.Result result = ConfigurationValidator.forClasspath().check(context.configuration());
        if (!result.isValid()) {
            throw new PreflightException(String.join("\n", result.errors()));
        }
    }
}
