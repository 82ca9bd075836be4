package dev.spindle.runtime.io.network;

import java.io.IOException;

/** A newer request for the same subpartition took over: this reader must stop, so no buffer goes to two consumers. */
public final class SubscriptionSupersededException extends IOException {

    private static final long serialVersionUID = 1L;

    SubscriptionSupersededException(String message) {
        super(message);
    }
}
