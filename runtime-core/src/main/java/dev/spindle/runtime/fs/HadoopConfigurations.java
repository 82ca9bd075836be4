package dev.spindle.runtime.fs;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.HdfsConfiguration;

/**
 * Hadoop configurations for Spindle's processes: the site files on the classpath, plus Spindle's
 * HDFS latency defaults for what the site files leave at Hadoop's defaults.
 *
 * <p>Closing an HDFS file asks the NameNode whether its last block is complete; when the
 * DataNode's report has not arrived yet, the client waits {@value #CLOSE_RETRY_INITIAL_DELAY}
 * (400 ms by default) before it asks again, doubling the wait each time. That first wait is most of
 * a short job's end (its sink's commit), of a checkpoint's metadata write and of each staged file.
 * Spindle starts at 50 ms and allows more retries, so that the total patience (about 12 s) stays
 * what HDFS gives by default.
 */
public final class HadoopConfigurations {

    static final String CLOSE_RETRY_INITIAL_DELAY = "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";
    static final String CLOSE_RETRIES = "dfs.client.block.write.locateFollowingBlock.retries";
    static final int SPINDLE_INITIAL_DELAY_MS = 50;
    static final int SPINDLE_RETRIES = 8;

    private HadoopConfigurations() {
    }

    /** A configuration from the site files on the classpath, with Spindle's latency defaults. */
    public static Configuration create() {
        return withLatencyDefaults(new Configuration());
    }

    /** Applies Spindle's latency defaults to {@code conf} where no site file or caller set the keys. */
    public static <C extends Configuration> C withLatencyDefaults(C conf) {
        // hdfs-site.xml joins the default resources only once HDFS's configuration class is set up:
        // before that, a value it sets would look unset here, and a value set here would override it.
        HdfsConfiguration.init();
        if (leftAtDefault(conf, CLOSE_RETRY_INITIAL_DELAY)) {
            conf.setInt(CLOSE_RETRY_INITIAL_DELAY, SPINDLE_INITIAL_DELAY_MS);
            if (leftAtDefault(conf, CLOSE_RETRIES)) {
                conf.setInt(CLOSE_RETRIES, SPINDLE_RETRIES);
            }
        }
        return conf;
    }

    private static boolean leftAtDefault(Configuration conf, String key) {
        String[] sources = conf.getPropertySources(key);
        if (sources == null) {
            return true;
        }
        for (String source : sources) {
            if (!source.endsWith("-default.xml")) {
                return false;
            }
        }
        return true;
    }
}
