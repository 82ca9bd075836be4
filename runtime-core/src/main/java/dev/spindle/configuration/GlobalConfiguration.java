package dev.spindle.configuration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code spindle-conf.yaml} from a configuration directory. Keys are usually flat
 * ({@code a.b.c: v}); nested maps are flattened with dots and lists become {@code a;b}. Scalars
 * are kept as written, so typed reads see the user's text.
 */
public final class GlobalConfiguration {

    /** The configuration file inside a conf dir. */
    public static final String CONFIG_FILE = "spindle-conf.yaml";

    /** Environment variable naming the conf dir when none is given explicitly. */
    public static final String ENV_CONF_DIR = "SPINDLE_CONF_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(GlobalConfiguration.class);
    private static final YAMLFactory YAML = new YAMLFactory();

    private GlobalConfiguration() {
    }

    /**
     * The conf dir to use: the explicit one if given, else {@code SPINDLE_CONF_DIR} from
     * {@code environment}; empty when neither is set.
     */
    public static Optional<Path> findConfDir(Path explicitOrNull, Map<String, String> environment) {
        if (explicitOrNull != null) {
            return Optional.of(explicitOrNull);
        }
        String fromEnv = environment.get(ENV_CONF_DIR);
        if (fromEnv == null || fromEnv.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(fromEnv));
    }

    /** Loads from {@code SPINDLE_CONF_DIR}, or an empty configuration (all defaults) if it is not set. */
    public static Configuration loadConfiguration() {
        Optional<Path> dir = findConfDir(null, System.getenv());
        if (dir.isEmpty()) {
            LOG.info("{} is not set; using default configuration", ENV_CONF_DIR);
            return new Configuration();
        }
        return loadConfiguration(dir.get());
    }

    /** Loads {@code spindle-conf.yaml} from {@code confDir}; a dir without the file gives defaults. */
    public static Configuration loadConfiguration(Path confDir) {
        return loadConfiguration(confDir, new Configuration());
    }

    /** Loads {@code spindle-conf.yaml} from {@code confDir} and applies {@code overrides} (-D) on top. */
    public static Configuration loadConfiguration(Path confDir, Configuration overrides) {
        if (!Files.isDirectory(confDir)) {
            throw new IllegalConfigurationException("Configuration directory '" + confDir
                    + "' does not exist or is not a directory. Point " + ENV_CONF_DIR
                    + " (or the conf dir argument) at a directory holding " + CONFIG_FILE + ".");
        }
        Path file = confDir.resolve(CONFIG_FILE);
        Configuration conf;
        if (Files.isRegularFile(file)) {
            conf = loadYaml(file);
            LOG.debug("Loaded {} keys from {}", conf.keySet().size(), file);
        } else {
            LOG.info("No {} in {}; using default configuration", CONFIG_FILE, confDir);
            conf = new Configuration();
        }
        conf.addAll(overrides);
        return conf;
    }

    /** Parses one YAML file into a flat configuration; malformed input fails naming file, line and key. */
    public static Configuration loadYaml(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Configuration();
            }
            if (first != JsonToken.START_OBJECT) {
                throw error(file, parser.currentTokenLocation(), null,
                        "the file must be a map of keys to values, e.g. 'parallelism.default: 2'");
            }
            readMap(parser, file, "", values);
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        } catch (IOException e) {
            throw new IllegalConfigurationException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return Configuration.fromMap(values);
    }

    private static void readMap(JsonParser parser, Path file, String prefix, Map<String, String> values)
            throws IOException {
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT) {
                return;
            }
            String name = parser.currentName();
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            JsonLocation keyLocation = parser.currentTokenLocation();
            JsonToken value = parser.nextToken();
            switch (value) {
                case START_OBJECT -> readMap(parser, file, key, values);
                case START_ARRAY -> put(values, file, keyLocation, key, readList(parser, file, key));
                case VALUE_NULL -> LOG.warn("{}:{}: key '{}' has no value; ignored", file, keyLocation.getLineNr(), key);
                default -> put(values, file, keyLocation, key, parser.getText());
            }
        }
    }

    private static String readList(JsonParser parser, Path file, String key) throws IOException {
        List<String> items = new ArrayList<>();
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                return String.join(";", items);
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                throw error(file, parser.currentTokenLocation(), key,
                        "list items must be plain values (a list is stored as 'a;b;c'), not maps or lists");
            }
            if (token != JsonToken.VALUE_NULL) {
                items.add(parser.getText());
            }
        }
    }

    private static void put(Map<String, String> values, Path file, JsonLocation location, String key, String value) {
        if (values.containsKey(key)) {
            throw error(file, location, key, "the key is set twice (a flat key and a nested map can spell the same"
                    + " key); keep one");
        }
        values.put(key, value);
    }

    /** SnakeYAML's own mark is more precise than the location Jackson reports for scanner errors. */
    private static IllegalConfigurationException malformed(Path file, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                Mark mark = yaml.getProblemMark();
                return new IllegalConfigurationException("Invalid configuration file " + file + ":" + (mark.getLine() + 1)
                        + ":" + (mark.getColumn() + 1) + ": malformed YAML: " + yaml.getProblem()
                        + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")"), e);
            }
        }
        return error(file, e.getLocation(), null, "malformed YAML: " + e.getOriginalMessage());
    }

    private static IllegalConfigurationException error(Path file, JsonLocation location, String key, String problem) {
        StringBuilder where = new StringBuilder(file.toString());
        if (location != null && location.getLineNr() > 0) {
            where.append(':').append(location.getLineNr()).append(':').append(location.getColumnNr());
        }
        String keyPart = key == null ? "" : " key '" + key + "':";
        return new IllegalConfigurationException("Invalid configuration file " + where + ":" + keyPart + " " + problem);
    }
}
