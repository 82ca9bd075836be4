package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.security.ClusterSecret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stopping the endpoint while it serves a request: a per-job AM stops right after the cancel that ended its job. */
@Timeout(60)
class RestServerStopTest {

    @Test
    void aRequestInFlightIsAnsweredBeforeTheEndpointStops() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AbstractHandler slowAnswer = new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while answering", e);
                }
                response.setStatus(202);
                response.getOutputStream().write("cancelling".getBytes(StandardCharsets.UTF_8));
                base.setHandled(true);
            }
        };
        ClusterSecret secret = ClusterSecret.generate();
        RestServer server = RestServer.start("127.0.0.1", 0, secret, null, slowAnswer);
        HttpClient http = RestHttpClients.builder(secret, URI.create(server.getUrl())).connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(HttpRequest.newBuilder(URI.create(server.getUrl() + "/v1/jobs/x/cancel"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(30, TimeUnit.SECONDS), "the request reached its handler");

        Thread closer = new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "closer");
        closer.start();
        // Time for a stop that does not wait to cut the connection: the answer was lost then
        // ("header parser received no bytes"), the per-job cancel that exited 1.
        closer.join(RestServer.STOP_TIMEOUT_MILLIS / 2);
        release.countDown();
        closer.join();

        HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
        assertEquals(202, response.statusCode());
        assertEquals("cancelling", response.body());
    }
}
