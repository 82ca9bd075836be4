package dev.spindle.yarn.client.preflight;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spindle.configuration.ConfigOption;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.yarn.client.staging.ClusterSecretFile;
import dev.spindle.yarn.common.ContainerLayout;

/**
 * Shipped files and archives land in the staging dir and the containers' working dirs under their
 * own file name, next to what Spindle and YARN put there. One named like a generated file or dir
 * would overwrite it (or be overwritten), and two shipped under one name would silently keep one:
 * both are refused before anything is uploaded.
 */
final class ShipFileNameCheck implements PreflightCheck {

    /** What a container's working dir (and the staging dir) already holds at its root, and who puts it there. */
    static final Map<String, String> GENERATED = Map.ofEntries(
            Map.entry(ContainerLayout.JOB_GRAPH_FILE, "the job graph Spindle generates"),
            Map.entry(ContainerLayout.LAUNCH_SPEC_FILE, "the launch spec Spindle generates"),
            Map.entry(ContainerLayout.CONF_DIR, "Spindle's configuration dir"),
            Map.entry(ContainerLayout.LIB_DIR, "Spindle's framework jar dir"),
            Map.entry(ContainerLayout.USRLIB_DIR, "Spindle's user jar dir"),
            Map.entry(ContainerLayout.LOG4J_FILE, "Spindle's log config"),
            Map.entry(ClusterSecretFile.FILE_NAME, "the application's secret file"),
            Map.entry(ContainerLayout.KEYTAB_FILE, "the Kerberos keytab Spindle ships (security.kerberos.login.keytab)"),
            Map.entry("launch_container.sh", "YARN's container launch script"),
            Map.entry("container_tokens", "YARN's container credentials"),
            Map.entry("tmp", "YARN's container temp dir"));

    @Override
    public void check(PreflightContext context) throws PreflightException {
        // name -> the option and path that claimed it first
        Map<String, String> claimed = new HashMap<>();
        claim(context, YarnConfigOptions.SHIP_FILES, claimed);
        claim(context, YarnConfigOptions.SHIP_ARCHIVES, claimed);
    }

    private static void claim(PreflightContext context, ConfigOption<List<String>> option, Map<String, String> claimed)
            throws PreflightException {
        for (String file : context.configuration().getOptional(option).orElse(List.of())) {
            // The uploader names a shipped file exactly so.
            Path fileName = Path.of(file).getFileName();
            String name = fileName == null ? "" : fileName.toString();
            String what = option.key() + " entry " + file;
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                throw new PreflightException(what + " has no file name of its own to ship it under; name the file or"
                        + " directory itself.");
            }
            String generated = GENERATED.get(name);
            if (generated != null) {
                throw new PreflightException(what + " would be shipped as '" + name + "', which collides with " + generated
                        + " ('" + name + "') in every container's working dir; rename the file before shipping it.");
            }
            String earlier = claimed.putIfAbsent(name, what);
            if (earlier != null) {
                throw new PreflightException(what + " and " + earlier + " would both be shipped as '" + name
                        + "'; rename one of them.");
            }
        }
    }
}
