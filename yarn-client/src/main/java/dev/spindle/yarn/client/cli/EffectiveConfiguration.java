package dev.spindle.yarn.client.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DynamicProperties;
import dev.spindle.configuration.GlobalConfiguration;

/** The configuration a verb runs with: the conf dir's spindle-conf.yaml, then -D, then the verb's flags. */
public final class EffectiveConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EffectiveConfiguration.class);

    private EffectiveConfiguration() {
    }

    /** @param flags writes what the verb's flags mean (after -D, so flags win) */
    public static Configuration build(List<String> dynamicProperties, Map<String, String> environment,
            Consumer<Configuration> flags) {
        Optional<Path> confDir = GlobalConfiguration.findConfDir(null, environment);
        Configuration configuration;
        if (confDir.isPresent()) {
            LOG.info("Using configuration directory {}", confDir.get().toAbsolutePath());
            configuration = GlobalConfiguration.loadConfiguration(confDir.get());
        } else {
            LOG.info("{} is not set; using built-in defaults", GlobalConfiguration.ENV_CONF_DIR);
            configuration = new Configuration();
        }
        configuration.addAll(DynamicProperties.parse(dynamicProperties));
        flags.accept(configuration);
        return configuration;
    }
}
