package dev.spindle.yarn.am;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.dispatcher.DispatcherGateway;
import dev.spindle.runtime.entrypoint.ClusterServices;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;

class SessionModeTest {

    @Test
    void runsUntilAStopIsRequestedAndThenSucceeds() throws Exception {
        FakeServices services = new FakeServices();
        CompletableFuture<AppMasterOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return new SessionMode().run(services, new Configuration());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Without a stop request the session keeps serving.
        assertFalse(outcome.isDone());
        services.shutDown.complete(ApplicationStatus.SUCCEEDED);
        AppMasterOutcome result = outcome.get(10, TimeUnit.SECONDS);
        assertEquals(ApplicationStatus.SUCCEEDED, result.status());
        assertTrue(result.diagnostics().contains("stopped on request"), result.diagnostics());
    }

    @Test
    void servicesStoppingWithoutARequestEndFailed() throws Exception {
        FakeServices services = new FakeServices();
        services.shutDown.complete(ApplicationStatus.UNKNOWN);
        AppMasterOutcome result = new SessionMode().run(services, new Configuration());
        assertEquals(ApplicationStatus.FAILED, result.status());
    }

    private static final class FakeServices implements ClusterServices {
        final CompletableFuture<ApplicationStatus> shutDown = new CompletableFuture<>();

        @Override
        public String getRpcHost() {
            return "localhost";
        }

        @Override
        public int getRpcPort() {
            return 1;
        }

        @Override
        public String getRestUrl() {
            return "http://localhost:1";
        }

        @Override
        public java.util.function.DoubleSupplier getProgress() {
            return () -> 0;
        }

        @Override
        public DispatcherGateway getDispatcher() {
            throw new UnsupportedOperationException("a session runs no program of its own");
        }

        @Override
        public CompletableFuture<ApplicationStatus> getShutDownFuture() {
            return shutDown;
        }

        @Override
        public void shutDown(ApplicationStatus status, String diagnostics) {
        }

        @Override
        public void close() {
        }
    }
}
