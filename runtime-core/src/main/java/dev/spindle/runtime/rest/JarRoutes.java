package dev.spindle.runtime.rest;

import dev.spindle.runtime.jars.UserJarName;
import dev.spindle.runtime.jars.UserJarStore;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /v1/jars} routes of a session: whether it has a user jar, and taking one, so that a
 * client submits a job with nothing but REST calls. Both need the secret: jars are the owner's.
 */
final class JarRoutes {

    /** Where this cluster keeps jars; null when it takes none (per-job and application clusters run the jars they started with). */
    private final UserJarStore store;

    JarRoutes(UserJarStore store) {
        this.store = store;
    }

    java.util.List<Route> routes() {
        return java.util.List.of(
                Route.change("GET", "/v1/jars/{name}", this::find),
                Route.change("PUT", "/v1/jars/{name}", this::store));
    }

    private void find(RestExchange ex) throws Exception {
        UserJarName name = name(ex);
        Optional<URI> found = store().find(name);
        if (found.isEmpty()) {
            throw new RestError(404, "no user jar " + name + " here; send it with PUT /v1/jars/" + name);
        }
        ex.json(200, Map.of("name", name.value(), "uri", found.get().toString()));
    }

    private void store(RestExchange ex) throws Exception {
        UserJarName name = name(ex);
        URI uri;
        try (InputStream content = ex.request.getInputStream()) {
            uri = store().store(name, content);
        } catch (IllegalArgumentException e) {
            throw new RestError(400, e.getMessage());
        }
        ex.json(201, Map.of("name", name.value(), "uri", uri.toString()));
    }

    private UserJarStore store() throws RestError {
        if (store == null) {
            throw new RestError(501, "this cluster takes no user jars: only a session does (per-job and application clusters run"
                    + " the jars they were started with)");
        }
        return store;
    }

    private static UserJarName name(RestExchange ex) throws RestError {
        try {
            return new UserJarName(ex.param("name"));
        } catch (IllegalArgumentException e) {
            throw new RestError(400, e.getMessage());
        }
    }
}
