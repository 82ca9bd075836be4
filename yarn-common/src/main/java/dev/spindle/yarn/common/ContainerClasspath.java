package dev.spindle.yarn.common;

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

    /** The classpath as one CLASSPATH value. */
    public static String build(List<String> frameworkJarLinks, String userJarLink, UserJarInclusion inclusion,
            List<String> clusterClasspath) {
        return join(entries(frameworkJarLinks, userJarLink, inclusion, clusterClasspath));
    }

    /** Joins entries with YARN's separator, which the NodeManager turns into the node's own. */
    public static String join(List<String> entries) {
        return String.join(ApplicationConstants.CLASS_PATH_SEPARATOR, entries);
    }

    /**
     * The classpath entries in order; the launch spec keeps them so that TaskExecutors get exactly
     * the AM's order.
     */
    public static List<String> entries(List<String> frameworkJarLinks, String userJarLink, UserJarInclusion inclusion,
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
        entries.add(pwd + ContainerLayout.CONF_DIR);
        for (String jar : jars) {
            entries.add(pwd + jar);
        }
        for (String c : clusterClasspath) {
            if (!c.isBlank()) {
                entries.add(c.trim());
            }
        }
        return entries;
    }

    private static String fileName(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
