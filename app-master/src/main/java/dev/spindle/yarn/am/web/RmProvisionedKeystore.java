package dev.spindle.yarn.am.web;

import dev.spindle.runtime.rest.WebUiEndpoint;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.yarn.api.ApplicationConstants;

/**
 * The keystore and truststore YARN's ResourceManager provisions for an AM when
 * {@code yarn.resourcemanager.application-https.policy} is LENIENT or STRICT: a certificate
 * signed by the RM's ProxyCA (which the web proxy trusts), and a truststore with the certificate
 * the proxy presents as a client. Serving the web UI with them and requiring that client
 * certificate proves cryptographically that a request came through the proxy.
 */
public final class RmProvisionedKeystore {

    private RmProvisionedKeystore() {
    }

    /** The provisioned stores named by the container's environment, or null when YARN provisioned none (policy NONE). */
    public static WebUiEndpoint.ProxyTls fromEnvironment(Map<String, String> env) {
        String keystore = env.get(ApplicationConstants.KEYSTORE_FILE_LOCATION_ENV_NAME);
        String truststore = env.get(ApplicationConstants.TRUSTSTORE_FILE_LOCATION_ENV_NAME);
        if (keystore == null || keystore.isBlank() || truststore == null || truststore.isBlank()) {
            return null;
        }
        return new WebUiEndpoint.ProxyTls(Path.of(keystore), env.getOrDefault(ApplicationConstants.KEYSTORE_PASSWORD_ENV_NAME, ""),
                Path.of(truststore), env.getOrDefault(ApplicationConstants.TRUSTSTORE_PASSWORD_ENV_NAME, ""));
    }
}
