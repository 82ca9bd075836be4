package dev.spindle.yarn.client.files;

import java.io.IOException;

/** A file in a shared location that another user could have written; its content is not read. */
public final class UntrustedFileException extends IOException {

    public UntrustedFileException(String message) {
        super(message);
    }
}
