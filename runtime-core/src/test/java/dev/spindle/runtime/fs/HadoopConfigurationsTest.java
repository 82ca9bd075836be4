package dev.spindle.runtime.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopConfigurationsTest {

    @TempDir
    Path tmp;

    @Test
    void aFileCloseAsksTheNameNodeAgainAfter50msWithAsMuchPatienceAsHdfsGives() {
        Configuration conf = HadoopConfigurations.create();
        assertEquals(50, conf.getInt(HadoopConfigurations.CLOSE_RETRY_INITIAL_DELAY, -1));
        assertEquals(8, conf.getInt(HadoopConfigurations.CLOSE_RETRIES, -1));
        // 50 ms doubled over 8 retries waits 12.75 s in all; HDFS's 400 ms over 5 retries waits 12.4 s
        long spindle = 50L * ((1L << 8) - 1);
        long hdfs = 400L * ((1L << 5) - 1);
        assertTrue(spindle >= hdfs, spindle + " ms against " + hdfs + " ms");
    }

    @Test
    void whatASiteFileOrTheCallerSetsIsKept() throws Exception {
        Path site = Files.writeString(tmp.resolve("site.xml"), "<configuration><property><name>"
                + HadoopConfigurations.CLOSE_RETRY_INITIAL_DELAY + "</name><value>400</value></property></configuration>");
        Configuration fromSite = new Configuration();
        fromSite.addResource(new org.apache.hadoop.fs.Path(site.toUri()));
        HadoopConfigurations.withLatencyDefaults(fromSite);
        assertEquals(400, fromSite.getInt(HadoopConfigurations.CLOSE_RETRY_INITIAL_DELAY, -1));
        assertEquals(5, fromSite.getInt(HadoopConfigurations.CLOSE_RETRIES, -1), "HDFS's own default, untouched");

        Configuration byCaller = new Configuration();
        byCaller.setInt(HadoopConfigurations.CLOSE_RETRIES, 3);
        HadoopConfigurations.withLatencyDefaults(byCaller);
        assertEquals(50, byCaller.getInt(HadoopConfigurations.CLOSE_RETRY_INITIAL_DELAY, -1));
        assertEquals(3, byCaller.getInt(HadoopConfigurations.CLOSE_RETRIES, -1));
    }
}
