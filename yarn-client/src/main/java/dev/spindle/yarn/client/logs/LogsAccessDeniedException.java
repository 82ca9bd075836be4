package dev.spindle.yarn.client.logs;

import java.io.IOException;

/** YARN's ACLs do not let the caller read an application's logs: retrying or other containers will not help. */
final class LogsAccessDeniedException extends IOException {

    private static final long serialVersionUID = 1L;

    LogsAccessDeniedException(String message) {
        super(message);
    }
}
