package dev.spindle.yarn.client.logs;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.hadoop.yarn.api.records.ApplicationAttemptReport;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerReport;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the log files of a running application's containers from the NodeManagers' web services
 * ({@code /ws/v1/node/containers/<id>/logs}); the ResourceManager says which containers run where.
 * Requests name the calling user, never the application's owner: the NodeManager's ACLs decide
 * whether the caller may see them, as they do for {@code yarn logs}.
 */
final class NodeManagerLogReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MS = (int) Duration.ofSeconds(10).toMillis();

    private final YarnClient yarn;
    private final String caller;
    private final ApplicationReport application;

    /** {@code caller} is who asks (sent as {@code user.name}); the report's owner is named only in messages. */
    NodeManagerLogReader(YarnClient yarn, String caller, ApplicationReport application) {
        this.yarn = yarn;
        this.caller = caller;
        this.application = application;
    }

    /** A reader that asks as the current (Hadoop) user. */
    static NodeManagerLogReader asCurrentUser(YarnClient yarn, ApplicationReport application) throws IOException {
        return new NodeManagerLogReader(yarn, UserGroupInformation.getCurrentUser().getShortUserName(), application);
    }

    /** The containers of the application's attempts, the AM first. */
    List<RunningContainer> containers(ApplicationId appId) throws IOException, YarnException {
        List<RunningContainer> result = new ArrayList<>();
        for (ApplicationAttemptReport attempt : yarn.getApplicationAttempts(appId)) {
            List<ContainerReport> reports = new ArrayList<>(yarn.getContainers(attempt.getApplicationAttemptId()));
            reports.sort((a, b) -> a.getContainerId().compareTo(b.getContainerId()));
            for (ContainerReport c : reports) {
                result.add(new RunningContainer(c.getContainerId().toString(), httpAddress(c)));
            }
        }
        return result;
    }

    private static String httpAddress(ContainerReport c) {
        String address = c.getNodeHttpAddress();
        if (address == null || address.isBlank()) {
            return null;
        }
        return address.startsWith("http") ? address : "http://" + address;
    }

    /** Names of the container's log files (e.g. taskmanager.log), sorted. */
    List<String> files(RunningContainer container) throws IOException {
        String body = get(container.nodeHttpAddress() + "/ws/v1/node/containers/" + container.containerId() + "/logs",
                "application/json");
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode name : JSON.readTree(body).findValues("fileName")) {
            names.add(name.asText());
        }
        return List.copyOf(names);
    }

    /** The whole content of one log file. */
    String read(RunningContainer container, String file) throws IOException {
        return get(container.nodeHttpAddress() + "/ws/v1/node/containerlogs/" + container.containerId() + "/"
                + URLEncoder.encode(file, StandardCharsets.UTF_8), "text/plain");
    }

    private static String errorBody(HttpURLConnection c) {
        try (InputStream in = c.getErrorStream()) {
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return body.length() > 300 ? body.substring(0, 300) + "..." : body;
        } catch (IOException e) {
            return "";
        }
    }

    private String get(String url, String accept) throws IOException {
        String withUser = url + "?user.name=" + URLEncoder.encode(caller, StandardCharsets.UTF_8);
        HttpURLConnection c = (HttpURLConnection) new URL(withUser).openConnection();
        c.setConnectTimeout(TIMEOUT_MS);
        c.setReadTimeout(TIMEOUT_MS);
        c.setRequestProperty("Accept", accept);
        try {
            int code = c.getResponseCode();
            if (code == HttpURLConnection.HTTP_UNAUTHORIZED || code == HttpURLConnection.HTTP_FORBIDDEN) {
                throw new LogsAccessDeniedException("The NodeManager refused user '" + caller + "' the logs of application "
                        + application.getApplicationId() + " (owned by '" + application.getUser() + "', HTTP " + code
                        + "): YARN's ACLs do not let this user view them. Ask the owner to grant VIEW_APP access"
                        + " (or an administrator, yarn.admin.acl), or run 'spindle logs' as '" + application.getUser() + "'.");
            }
            if (code != 200) {
                throw new IOException("NodeManager answered HTTP " + code + " for " + url + ": " + errorBody(c));
            }
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            c.disconnect();
        }
    }
}
