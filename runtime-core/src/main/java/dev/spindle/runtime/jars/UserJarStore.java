package dev.spindle.runtime.jars;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/** Where a session keeps the user jars its clients send it, for its TaskExecutors to load jobs' code from. */
public interface UserJarStore {

    /** Where the jar of that name is, as the job graph's {@code pipeline.jars} names it; empty when it is not here. */
    Optional<URI> find(UserJarName name) throws IOException;

    /**
     * Keeps the jar read from {@code content} under {@code name} and returns where it is.
     *
     * @throws IllegalArgumentException if the content does not hash to the name's hash; nothing is kept then
     */
    URI store(UserJarName name, InputStream content) throws IOException;
}
