package dev.spindle.runtime.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs refused requests at most once per source (remote host) per interval, with the number
 * refused in between: a client retrying with a wrong secret, or someone probing the port, must
 * not flood the AM's log (and its disk), yet the first refusal of every source is always seen.
 */
public final class RefusalLog {

    /** Beyond this many sources, those whose window has passed are forgotten, so memory stays bounded. */
    private static final int MAX_TRACKED_SOURCES = 10_000;

    private static final class Window {
        final long startNanos;
        long suppressed;

        Window(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RefusalLog(Logger log) {
        this(log, TimeUnit.MINUTES.toNanos(1), System::nanoTime);
    }

    RefusalLog(Logger log, long intervalNanos, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
    }

    /** Records a refusal of {@code what} (e.g. "RPC x.y/Z") from {@code source}; logs it unless this source was logged recently. */
    public void refused(String source, String what, String reason) {
        String key = source == null ? "unknown" : source;
        long now = nanoClock.getAsLong();
        long[] suppressedBefore = {-1};
        windows.compute(key, (k, w) -> {
            if (w == null || now - w.startNanos >= intervalNanos) {
                suppressedBefore[0] = w == null ? 0 : w.suppressed;
                return new Window(now);
            }
            w.suppressed++;
            return w;
        });
        if (suppressedBefore[0] >= 0) {
            log.warn("Refused {} from {}: {}{}; further refusals from {} are logged at most once a minute", what, key, reason,
                    suppressedBefore[0] > 0 ? " (" + suppressedBefore[0] + " more refused since the last message)" : "", key);
            if (windows.size() > MAX_TRACKED_SOURCES) {
                windows.values().removeIf(w -> now - w.startNanos >= intervalNanos);
            }
        }
    }
}
