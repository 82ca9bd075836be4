package dev.spindle.yarn.client.container;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;

/**
 * The AM's local resources written to a text file in its staging dir, so that it can give
 * TaskExecutor containers exactly the same files without uploading anything again. One line per
 * resource: link name, visibility, type, size, timestamp, URL (tab-separated).
 */
public final class LocalResourceListing {

    /** Link name of the listing in the AM container (it is not passed on to TaskExecutors). */
    public static final String FILE_NAME = "conf/local-resources.tsv";

    private LocalResourceListing() {
    }

    public static String encode(Map<String, LocalResource> resources) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, LocalResource> e : resources.entrySet()) {
            LocalResource r = e.getValue();
            URL u = r.getResource();
            sb.append(e.getKey()).append('\t').append(r.getVisibility()).append('\t').append(r.getType()).append('\t')
                    .append(r.getSize()).append('\t').append(r.getTimestamp()).append('\t');
            try {
                sb.append(u.toPath().toUri());
            } catch (URISyntaxException ex) {
                throw new IllegalArgumentException("resource " + e.getKey() + " has an invalid URL " + u, ex);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static Map<String, LocalResource> decode(String text) throws IOException {
        Map<String, LocalResource> result = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 6) {
                throw new IOException("line " + lineNo + " of " + FILE_NAME + " is malformed: " + line);
            }
            LocalResource r = LocalResource.newInstance(
                    URL.fromPath(new org.apache.hadoop.fs.Path(f[5])), LocalResourceType.valueOf(f[2]),
                    LocalResourceVisibility.valueOf(f[1]), Long.parseLong(f[3]), Long.parseLong(f[4]));
            result.put(f[0], r);
        }
        return result;
    }
}
