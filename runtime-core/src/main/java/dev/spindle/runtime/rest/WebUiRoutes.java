package dev.spindle.runtime.rest;

import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.dispatcher.JobResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The web UI's static assets, shipped in this jar (nothing is fetched from elsewhere). The page
 * reads the read-only JSON routes with relative URLs, so it works at the endpoint's root and
 * behind the web proxy's {@code /proxy/<application>/} prefix alike.
 */
final class WebUiRoutes {

    private static final String ROOT = "/dev/spindle/runtime/rest/ui/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "application/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final Dispatcher dispatcher;

    WebUiRoutes(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/", this::index),
                Route.get("/ui/{file}", ex -> asset(ex, ex.param("file"))));
    }

    /** The page, with the job table filled in on the server so it shows the jobs before its script runs. */
    private void index(RestExchange ex) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (JobResult r : Futures.await(dispatcher.listJobs())) {
            rows.append("<tr><td>").append(r.jobId()).append("</td><td>").append(escape(r.jobName())).append("</td><td>")
                    .append(r.status()).append("</td><td>").append(Instant.ofEpochMilli(r.startTime())).append("</td><td>")
                    .append(r.durationMillis()).append("</td></tr>\n");
        }
        String page = new String(read("index.html"), StandardCharsets.UTF_8).replace("<!--JOBS-->", rows);
        ex.response.setHeader("Cache-Control", "no-cache");
        ex.text(200, TYPES.get("html"), page);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] read(String file) throws IOException, RestError {
        try (InputStream in = WebUiRoutes.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new RestError(404, "no such asset: " + file);
            }
            return in.readAllBytes();
        }
    }

    private static void asset(RestExchange ex, String file) throws IOException, RestError {
        String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        if (type == null || !file.matches("[a-z0-9-]+\\.[a-z]+")) {
            throw new RestError(404, "no such asset: " + file);
        }
        byte[] body = read(file);
        ex.response.setHeader("Cache-Control", "no-cache");
        ex.bytes(200, type, body);
    }
}
