package dev.spindle.yarn.am.web;

import dev.spindle.runtime.rest.ProxyRequestAuthorizer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.webapp.util.WebAppUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traces a request to YARN's RM web proxy the way YARN's own {@code AmIpFilter} does (and Spark,
 * Flink and MapReduce AMs rely on): the request must come from an address of a proxy host named
 * by the YARN configuration ({@code yarn.web-proxy.address}, else the ResourceManagers' web
 * addresses); the viewer is the user the proxy puts in its {@code proxy-user} cookie.
 *
 * <p>Why this is safe enough for what it guards: the proxy has already checked the viewer's
 * right to see this application (YARN's view ACLs; Kerberos/SPNEGO on a secure cluster), and
 * what it lets through is read-only: the REST endpoint serves nothing that changes state on this
 * entry point and never accepts the cluster secret there, so the worst a forged request from a
 * proxy host can do is read job figures. Addresses are re-resolved every five minutes, as
 * {@code AmIpFilter} does, so an RM failover to a new host is followed.
 */
public final class RmProxyAuthorizer implements ProxyRequestAuthorizer {

    private static final Logger LOG = LoggerFactory.getLogger(RmProxyAuthorizer.class);
    /** The cookie YARN's proxy sets to the authenticated user ({@code WebAppProxyServlet.PROXY_USER_COOKIE_NAME}). */
    static final String PROXY_USER_COOKIE = "proxy-user";
    private static final long REFRESH_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final List<String> proxyHostsAndPorts;
    private final String proxyUrl;
    private final LongSupplier nanoClock;
    private volatile Set<String> proxyAddresses;
    private volatile long resolvedAt;

    RmProxyAuthorizer(List<String> proxyHostsAndPorts, String proxyUrl, LongSupplier nanoClock) {
        this.proxyHostsAndPorts = List.copyOf(proxyHostsAndPorts);
        this.proxyUrl = proxyUrl;
        this.nanoClock = nanoClock;
    }

    /** The proxy hosts of {@code yarnConf}; this application's proxy URL from the AM's environment. */
    public static RmProxyAuthorizer fromYarn(Configuration yarnConf) {
        List<String> hosts = WebAppUtils.getProxyHostsAndPortsForAmFilter(yarnConf);
        String base = System.getenv(ApplicationConstants.APPLICATION_WEB_PROXY_BASE_ENV);
        String url = base == null ? null
                : WebAppUtils.getHttpSchemePrefix(yarnConf) + WebAppUtils.getProxyHostAndPort(yarnConf) + base + "/";
        LOG.info("Web UI served read-only to YARN's web proxy at {} (proxy hosts {})", url, hosts);
        return new RmProxyAuthorizer(hosts, url, System::nanoTime);
    }

    @Override
    public Optional<String> viewer(HttpServletRequest request) {
        if (!proxyAddresses().contains(request.getRemoteAddr())) {
            return Optional.empty();
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (PROXY_USER_COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
                    return Optional.of(c.getValue());
                }
            }
        }
        // An unsecured proxy may send no user; the address alone is what AmIpFilter trusts then too.
        return Optional.of("anonymous");
    }

    @Override
    public String proxyUrl() {
        return proxyUrl;
    }

    private Set<String> proxyAddresses() {
        Set<String> known = proxyAddresses;
        long now = nanoClock.getAsLong();
        if (known == null || now - resolvedAt >= REFRESH_NANOS) {
            known = resolve();
            proxyAddresses = known;
            resolvedAt = now;
        }
        return known;
    }

    private Set<String> resolve() {
        Set<String> addresses = new HashSet<>();
        for (String hostAndPort : proxyHostsAndPorts) {
            String host = hostAndPort.contains(":") ? hostAndPort.substring(0, hostAndPort.lastIndexOf(':')) : hostAndPort;
            try {
                for (InetAddress a : InetAddress.getAllByName(host)) {
                    addresses.add(a.getHostAddress());
                }
            } catch (UnknownHostException e) {
                LOG.warn("Cannot resolve YARN web proxy host {}: requests through it are refused until it resolves", host);
            }
        }
        return Set.copyOf(addresses);
    }
}
