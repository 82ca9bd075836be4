package dev.spindle.yarn.common.security;

import java.util.ArrayList;
import java.util.List;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.SecurityOptions;
import dev.spindle.yarn.common.ContainerLayout;

/** JVM flags a container needs for Kerberos: the shipped krb5.conf when the client sent one. */
public final class KerberosJvmArgs {

    private KerberosJvmArgs() {
    }

    /** {@code jvmArgs} plus {@code -Djava.security.krb5.conf} pointing at the localized file, when one is shipped. */
    public static List<String> with(List<String> jvmArgs, Configuration conf) {
        if (conf.getOptional(SecurityOptions.KERBEROS_KRB5_CONF_PATH).isEmpty()) {
            return jvmArgs;
        }
        List<String> result = new ArrayList<>(jvmArgs);
        // Relative to the container's working dir, where the file is localized.
        result.add("-Djava.security.krb5.conf=" + ContainerLayout.confFile(ContainerLayout.KRB5_CONF_FILE));
        return result;
    }
}
