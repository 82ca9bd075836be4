package dev.spindle.yarn.am.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

class RmProxyAuthorizerTest {

    /** A request from {@code remote} carrying {@code cookies}; every other accessor is unused here. */
    private static HttpServletRequest request(String remote, Cookie... cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(RmProxyAuthorizerTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void onlyRequestsFromAProxyHostAreLetInWithTheProxysUser() {
        RmProxyAuthorizer authorizer = new RmProxyAuthorizer(List.of("127.0.0.1:8088"), "http://rm:8088/proxy/app_1/", System::nanoTime);
        assertEquals(Optional.of("alice"), authorizer.viewer(request("127.0.0.1", new Cookie("proxy-user", "alice"))));
        assertEquals(Optional.of("anonymous"), authorizer.viewer(request("127.0.0.1")));
        assertEquals(Optional.empty(), authorizer.viewer(request("10.1.2.3", new Cookie("proxy-user", "alice"))));
        assertEquals("http://rm:8088/proxy/app_1/", authorizer.proxyUrl());
    }

    @Test
    void proxyHostsAreResolvedAgainAfterFiveMinutes() {
        AtomicLong clock = new AtomicLong();
        RmProxyAuthorizer authorizer = new RmProxyAuthorizer(List.of("no-such-host.invalid:8088"), null, clock::get);
        assertTrue(authorizer.viewer(request("127.0.0.1")).isEmpty());
        clock.addAndGet(java.util.concurrent.TimeUnit.MINUTES.toNanos(6));
        assertTrue(authorizer.viewer(request("127.0.0.1")).isEmpty(), "still unresolvable, still refused");
    }

    @Test
    void theRmProvisionedKeystoreIsReadFromTheEnvironmentOnlyWhenPresent() {
        assertNull(RmProvisionedKeystore.fromEnvironment(Map.of()));
        var tls = RmProvisionedKeystore.fromEnvironment(Map.of("KEYSTORE_FILE_LOCATION", "/k.jks", "KEYSTORE_PASSWORD", "kp",
                "TRUSTSTORE_FILE_LOCATION", "/t.jks", "TRUSTSTORE_PASSWORD", "tp"));
        assertEquals("/k.jks", tls.keystore().toString());
        assertEquals("tp", tls.truststorePassword());
    }
}
