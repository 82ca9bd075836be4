package dev.spindle.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class RefusalLogTest {

    @Test
    void eachSourceIsLoggedOncePerIntervalWithTheCountInBetween() {
        List<String> lines = new ArrayList<>();
        Logger logger = (Logger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logger.class}, (p, m, args) -> {
            if (m.getName().equals("warn")) {
                String text = (String) args[0];
                Object[] values = args.length == 2 && args[1] instanceof Object[] a ? a : java.util.Arrays.copyOfRange(args, 1, args.length);
                for (Object v : values) {
                    text = text.replaceFirst("\\{\\}", java.util.regex.Matcher.quoteReplacement(String.valueOf(v)));
                }
                lines.add(text);
            }
            return m.getReturnType() == boolean.class ? false : null;
        });
        AtomicLong clock = new AtomicLong();
        RefusalLog log = new RefusalLog(logger, TimeUnit.MINUTES.toNanos(1), clock::get);
        for (int i = 0; i < 1000; i++) {
            log.refused("10.0.0.1", "REST GET /v1/jobs", "missing or wrong cluster secret");
        }
        log.refused("10.0.0.2", "RPC x/Y", "missing or wrong cluster secret");
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("from 10.0.0.1") && lines.get(0).contains("REST GET /v1/jobs"), lines.get(0));
        clock.addAndGet(TimeUnit.SECONDS.toNanos(59));
        log.refused("10.0.0.1", "REST GET /v1/jobs", "missing or wrong cluster secret");
        assertEquals(2, lines.size(), "still within the minute");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        log.refused("10.0.0.1", "REST GET /v1/jobs", "missing or wrong cluster secret");
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).contains("(1000 more refused since the last message)"), lines.get(2));
    }
}
