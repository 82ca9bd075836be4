package dev.spindle.yarn.common;

import java.net.URI;
import java.net.URISyntaxException;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;

/**
 * One file a container gets localized, in the launch spec's plain form: YARN's {@link LocalResource}
 * is a protobuf-backed record that no JSON mapper should see.
 *
 * @param link name of the link in the container's working dir, e.g. {@code lib/spindle-runtime-core.jar}
 * @param uri where the file is on the cluster's file system
 * @param size and {@code timestamp} must be the file's, or the NodeManager refuses to localize it
 */
public record LocalizedResource(String link, URI uri, LocalResourceType type, LocalResourceVisibility visibility,
        long size, long timestamp) {

    public static LocalizedResource of(String link, LocalResource resource) {
        try {
            return new LocalizedResource(link, resource.getResource().toPath().toUri(), resource.getType(),
                    resource.getVisibility(), resource.getSize(), resource.getTimestamp());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("resource " + link + " has an invalid URL " + resource.getResource(), e);
        }
    }

    public LocalResource toYarn() {
        return LocalResource.newInstance(URL.fromPath(new Path(uri)), type, visibility, size, timestamp);
    }
}
