package dev.spindle.runtime.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.api.JobID;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** One request being served: its bound path parameters and the ways to answer it. */
final class RestExchange {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpServletRequest request;
    final HttpServletResponse response;
    private final Map<String, String> params;

    RestExchange(HttpServletRequest request, HttpServletResponse response, Map<String, String> params) {
        this.request = request;
        this.response = response;
        this.params = params;
    }

    String param(String name) {
        return params.get(name);
    }

    JobID jobId() throws RestError {
        String text = param("jobId");
        try {
            return JobID.fromHexString(text);
        } catch (IllegalArgumentException e) {
            throw new RestError(400, "bad job id '" + text + "': expected 32 hex characters");
        }
    }

    void json(int status, Object body) throws IOException {
        bytes(status, "application/json", JSON.writeValueAsBytes(body));
    }

    void text(int status, String contentType, String body) throws IOException {
        bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        if (contentType.startsWith("application/json")) {
            response.setCharacterEncoding("UTF-8");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
