package dev.spindle.runtime.heartbeat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Tracks when each target was last heard of and reports those silent for longer than the timeout,
 * once each (a reported target is forgotten until it is monitored again).
 */
public final class HeartbeatMonitor<K> implements AutoCloseable {

    private final long timeoutMillis;
    private final Map<K, Long> lastHeard = new ConcurrentHashMap<>();
    private final BiConsumer<K, Long> onTimeout;
    private final ScheduledFuture<?> checker;

    /** {@code onTimeout} gets the target and the milliseconds of silence; it runs on {@code scheduler}. */
    public HeartbeatMonitor(Duration timeout, ScheduledExecutorService scheduler, BiConsumer<K, Long> onTimeout) {
        this.timeoutMillis = timeout.toMillis();
        this.onTimeout = onTimeout;
        long period = Math.max(10, Math.min(timeoutMillis / 4, 1000));
        this.checker = scheduler.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    public void monitor(K target) {
        lastHeard.put(target, System.currentTimeMillis());
    }

    /** Records a heartbeat; returns false if the target is not (or no longer) monitored. */
    public boolean heard(K target) {
        return lastHeard.computeIfPresent(target, (k, v) -> System.currentTimeMillis()) != null;
    }

    public void unmonitor(K target) {
        lastHeard.remove(target);
    }

    public boolean isMonitored(K target) {
        return lastHeard.containsKey(target);
    }

    public long lastHeard(K target) {
        return lastHeard.getOrDefault(target, -1L);
    }

    private void check() {
        long now = System.currentTimeMillis();
        for (Map.Entry<K, Long> e : lastHeard.entrySet()) {
            long silent = now - e.getValue();
            if (silent > timeoutMillis && lastHeard.remove(e.getKey(), e.getValue())) {
                onTimeout.accept(e.getKey(), silent);
            }
        }
    }

    @Override
    public void close() {
        checker.cancel(false);
        lastHeard.clear();
    }
}
