package dev.spindle.yarn.client.staging;

import java.util.List;
import java.util.Map;

import org.apache.hadoop.yarn.api.records.LocalResource;

/**
 * The local resources of a deployment, by link name, and what had to be uploaded for them.
 *
 * @param frameworkJarLinks link names of all framework jars (uploaded or provided), for the classpath
 * @param userJarLink link name of the user jar, null when there is none
 * @param uploaded link names of the files copied into the staging dir
 * @param uploadedBytes bytes copied
 */
public record StagingResult(
        Map<String, LocalResource> resources,
        List<String> frameworkJarLinks,
        String userJarLink,
        List<String> uploaded,
        long uploadedBytes) {
    /**
     * These resources plus one written by the client beside staging (the keytab), which every
     * container gets through the launch spec and which counts as neither a jar nor an upload.
     */
    public StagingResult withResource(String link, LocalResource resource) {
        Map<String, LocalResource> all = new java.util.LinkedHashMap<>(resources);
        all.put(link, resource);
        return new StagingResult(all, frameworkJarLinks, userJarLink, uploaded, uploadedBytes);
    }
}
