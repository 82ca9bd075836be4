package dev.spindle.runtime.rest;

import java.util.HashMap;
import java.util.Map;

/**
 * One REST route: a method, a path pattern whose {@code {name}} segments bind parameters, and
 * whether it only reads (only such routes are served to browsers coming through the web proxy).
 */
record Route(String method, String pattern, boolean readOnly, Action action) {

    /** Serves a matched request. */
    interface Action {
        void serve(RestExchange exchange) throws Exception;
    }

    static Route get(String pattern, Action action) {
        return new Route("GET", pattern, true, action);
    }

    static Route change(String method, String pattern, Action action) {
        return new Route(method, pattern, false, action);
    }

    /** The bound parameters if {@code path} has this route's shape (whatever the method), else null. */
    Map<String, String> match(String path) {
        String[] want = pattern.split("/", -1);
        String[] have = path.split("/", -1);
        if (want.length != have.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (have[i].isEmpty()) {
                    return null;
                }
                params.put(want[i].substring(1, want[i].length() - 1), have[i]);
            } else if (!want[i].equals(have[i])) {
                return null;
            }
        }
        return params;
    }
}
