package dev.spindle.yarn.client.preflight;

import dev.spindle.yarn.client.api.DeploymentException;

/** A deployment refused before any upload or submission; the message says what is wrong and how to fix it. */
public final class PreflightException extends DeploymentException {

    private static final long serialVersionUID = 1L;

    public PreflightException(String message) {
        super(message);
    }

    public PreflightException(String message, Throwable cause) {
        super(message, cause);
    }
}
