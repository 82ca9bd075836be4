package dev.spindle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.streamtask.harness.LocalJobRunner;
import java.io.File;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.io.IOUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** readTextFile and writeAsText on a real HDFS (MiniDFSCluster, one DataNode). */
@Timeout(90)
class HdfsTextIoTest {

    private static MiniDFSCluster cluster;
    private static FileSystem fs;
    private static String base;

    @BeforeAll
    static void startHdfs() throws Exception {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        File dir = new File("target/minidfs-" + HdfsTextIoTest.class.getSimpleName() + "-" + System.nanoTime());
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.getAbsolutePath());
        conf.setInt("dfs.replication", 1);
        // Small blocks so the input spans several blocks and splits cross block boundaries.
        conf.setLong("dfs.blocksize", 1024 * 1024);
        conf.setLong("dfs.namenode.fs-limits.min-block-size", 1024);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        fs = cluster.getFileSystem();
        base = fs.getUri().toString();
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown(true);
        }
    }

    @Test
    void wordCountReadsAndWritesHdfs() throws Exception {
        Map<String, Long> expected = new HashMap<>();
        for (int f = 0; f < 2; f++) {
            try (Writer w = new OutputStreamWriter(fs.create(new Path("/in/file-" + f)), StandardCharsets.UTF_8)) {
                for (int i = 0; i < 60_000; i++) {
                    String word = "w" + (i * 7 + f) % 1000;
                    w.write(word + (i % 8 == 7 ? "\n" : " "));
                    expected.merge(word, 1L, Long::sum);
                }
            }
        }
        StreamEnvironment env = new StreamEnvironment(new LocalJobRunner(), new Configuration(), null);
        env.setParallelism(3);
        env.readTextFile(base + "/in")
                .flatMap((String line, dev.spindle.api.functions.Collector<Tuple2<String, Long>> out) -> {
                    for (String w : line.split(" ")) {
                        if (!w.isEmpty()) {
                            out.collect(Tuple2.of(w, 1L));
                        }
                    }
                })
                .keyBy(t -> t.f0).sum(1)
                .map(t -> t.f0 + " " + t.f1)
                .writeAsText(base + "/out");
        env.execute("hdfs wordcount");

        Map<String, Long> actual = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (FileStatus s : fs.listStatus(new Path("/out"))) {
            names.add(s.getPath().getName());
            String text = new String(IOUtils.readFullyToByteArray(fs.open(s.getPath())), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String[] kv = line.split(" ");
                assertFalse(actual.containsKey(kv[0]));
                actual.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        names.sort(null);
        assertEquals(List.of("part-0", "part-1", "part-2"), names);
        assertEquals(expected, actual);
    }
}
