package dev.spindle.runtime.io.network;

import dev.spindle.runtime.rpc.Failures;
import java.io.IOException;

/** Thrown to a consumer when the producer it reads from failed or was canceled. */
public final class ProducerFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProducerFailedException(Throwable cause) {
        super("producer failed: " + Failures.describe(cause), cause);
    }
}
