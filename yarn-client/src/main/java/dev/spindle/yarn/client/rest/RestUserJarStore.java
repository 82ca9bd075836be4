package dev.spindle.yarn.client.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

import dev.spindle.runtime.jars.UserJarName;
import dev.spindle.runtime.jars.UserJarStore;

/** A session's user jar store seen from a client, through the session's {@code /v1/jars} routes. */
public final class RestUserJarStore implements UserJarStore {

    private final RestClusterClient rest;

    public RestUserJarStore(RestClusterClient rest) {
        this.rest = rest;
    }

    @Override
    public Optional<URI> find(UserJarName name) throws IOException {
        return rest.userJar(name);
    }

    @Override
    public URI store(UserJarName name, InputStream content) throws IOException {
        return rest.uploadUserJar(name, content);
    }
}
