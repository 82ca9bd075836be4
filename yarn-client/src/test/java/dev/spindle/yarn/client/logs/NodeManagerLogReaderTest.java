package dev.spindle.yarn.client.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.util.Records;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** NodeManagers are asked as the calling user, not as the application's owner. */
class NodeManagerLogReaderTest {

    private HttpServer nodeManager;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private ApplicationReport report;

    @BeforeEach
    void setUp() throws Exception {
        nodeManager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nodeManager.createContext("/ws/v1/node/containers/", exchange -> {
            queries.add(exchange.getRequestURI().getQuery());
            byte[] body = (status == 200 ? "{\"containerLogsInfo\":{\"containerLogInfo\":[{\"fileName\":\"taskmanager.log\"}]}}"
                    : "denied").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        nodeManager.start();
        report = Records.newRecord(ApplicationReport.class);
        report.setApplicationId(ApplicationId.newInstance(1700000000000L, 3));
        report.setUser("spindle-test-owner");
    }

    @AfterEach
    void tearDown() {
        nodeManager.stop(0);
    }

    private RunningContainer container() {
        return new RunningContainer("container_1700000000000_0003_01_000002",
                "http://127.0.0.1:" + nodeManager.getAddress().getPort());
    }

    @Test
    void asksAsTheCallerNotAsTheOwner() throws Exception {
        String caller = UserGroupInformation.getCurrentUser().getShortUserName();
        NodeManagerLogReader reader = NodeManagerLogReader.asCurrentUser(null, report);

        assertEquals(List.of("taskmanager.log"), reader.files(container()));
        assertEquals(List.of("user.name=" + caller), queries);
    }

    @Test
    void aRefusalSaysWhoWasDeniedWhoseLogsAndWhatToDo() throws Exception {
        status = 403;
        NodeManagerLogReader reader = new NodeManagerLogReader(null, "spindle-test-caller", report);

        LogsAccessDeniedException e = assertThrows(LogsAccessDeniedException.class, () -> reader.files(container()));
        assertTrue(e.getMessage().contains("refused user 'spindle-test-caller'"), e.getMessage());
        assertTrue(e.getMessage().contains("owned by 'spindle-test-owner'"), e.getMessage());
        assertTrue(e.getMessage().contains("VIEW_APP"), e.getMessage());
        assertEquals(List.of("user.name=spindle-test-caller"), queries);
    }
}
