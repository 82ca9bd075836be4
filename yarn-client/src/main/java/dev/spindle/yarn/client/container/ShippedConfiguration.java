package dev.spindle.yarn.client.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.spindle.configuration.Configuration;

/**
 * The effective configuration a deployment ships to its containers as flat
 * {@code conf/spindle-conf.yaml}, and its reading back in the AM and TaskExecutors.
 */
public final class ShippedConfiguration {

    /** File name in the staging dir's and the container's {@code conf/} dir. */
    public static final String FILE_NAME = "spindle-conf.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ShippedConfiguration() {
    }

    public static String toYaml(Configuration configuration) {
        try {
            // Strings only: the typed reads convert them back exactly as from the user's own file.
            return YAML.writeValueAsString(new TreeMap<>(configuration.toMap()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write configuration as YAML", e);
        }
    }

    public static void write(Configuration configuration, Path file) throws IOException {
        Files.writeString(file, toYaml(configuration), StandardCharsets.UTF_8);
    }

    public static Configuration read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("shipped configuration " + file.toAbsolutePath() + " is missing from the container");
        }
        Map<?, ?> map = YAML.readValue(file.toFile(), Map.class);
        Configuration configuration = new Configuration();
        if (map != null) {
            map.forEach((k, v) -> configuration.setString(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return configuration;
    }
}
