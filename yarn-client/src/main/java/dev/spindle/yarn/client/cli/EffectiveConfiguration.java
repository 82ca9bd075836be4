package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DynamicProperties;
import dev.spindle.configuration.GlobalConfiguration;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The configuration an action runs with: the conf dir's spindle-conf.yaml, then -D, then the action's flags. */
public final class EffectiveConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EffectiveConfiguration.class);

    private EffectiveConfiguration() {
    }

    public static Configuration build(ParsedAction action, Map<String, String> environment) {
        Optional<Path> confDir = GlobalConfiguration.findConfDir(null, environment);
        Configuration configuration;
        if (confDir.isPresent()) {
            LOG.info("Using configuration directory {}", confDir.get().toAbsolutePath());
            configuration = GlobalConfiguration.loadConfiguration(confDir.get());
        } else {
            LOG.info("{} is not set; using built-in defaults", GlobalConfiguration.ENV_CONF_DIR);
            configuration = new Configuration();
        }
        configuration.addAll(DynamicProperties.parse(action.dynamicProperties()));
        action.applyTo(configuration);
        return configuration;
    }
}
