package dev.spindle.yarn.client.container;

import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.yarn.api.ApplicationConstants;

import dev.spindle.configuration.YarnConfigOptions.UserJarInclusion;

/**
 * The CLASSPATH of Spindle's containers: the shipped conf dir (Hadoop site files), the framework
 * jars and the user jar as {@code yarn.classpath.include-user-jar} says, then the cluster's
 * {@code yarn.application.classpath}. Entries are relative to the container's working dir, where
 * the localized resources are linked.
 */
public final class ContainerClasspath {

    private ContainerClasspath() {
    }

    public static String build(List<String> frameworkJarLinks, String userJarLink, UserJarInclusion inclusion,
            List<String> clusterClasspath) {
        String pwd = ApplicationConstants.Environment.PWD.$$() + "/";
        List<String> jars = new ArrayList<>();
        List<String> framework = frameworkJarLinks.stream().sorted().toList();
        boolean withUserJar = userJarLink != null && inclusion != UserJarInclusion.DISABLED;
        if (withUserJar && inclusion == UserJarInclusion.FIRST) {
            jars.add(userJarLink);
        }
        if (withUserJar && inclusion == UserJarInclusion.ORDER) {
            List<String> all = new ArrayList<>(framework);
            all.add(userJarLink);
            // ORDER sorts by file name, as users of the same option elsewhere expect.
            all.sort((a, b) -> fileName(a).compareTo(fileName(b)));
            jars.addAll(all);
        } else {
            jars.addAll(framework);
        }
        if (withUserJar && inclusion == UserJarInclusion.LAST) {
            jars.add(userJarLink);
        }
        List<String> entries = new ArrayList<>();
        entries.add(pwd + ContainerEnvironment.CONF_DIR);
        for (String jar : jars) {
            entries.add(pwd + jar);
        }
        for (String c : clusterClasspath) {
            if (!c.isBlank()) {
                entries.add(c.trim());
            }
        }
        return String.join(ApplicationConstants.CLASS_PATH_SEPARATOR, entries);
    }

    private static String fileName(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
