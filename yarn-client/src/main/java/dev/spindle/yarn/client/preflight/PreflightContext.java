package dev.spindle.yarn.client.preflight;

import java.net.URI;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.Configuration;

/**
 * What the checks look at: the effective configuration, the user program (null for a session),
 * and the cluster as this client sees it.
 *
 * @param maximumAllocation the scheduler's largest container, as the ResourceManager reported it for a new application
 */
public record PreflightContext(
        Configuration configuration,
        URI userJar,
        String mainClass,
        YarnConfiguration yarnConf,
        YarnClient yarnClient,
        FileSystem fileSystem,
        Resource maximumAllocation) {
}
