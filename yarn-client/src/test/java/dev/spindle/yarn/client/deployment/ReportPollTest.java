package dev.spindle.yarn.client.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportPollTest {

    @Test
    void theWaitGrowsToTheLongestWhileNothingChangesAndIsShortAgainAfterAChange() {
        ReportPoll poll = new ReportPoll();
        assertEquals(40, poll.afterSeeing("ACCEPTED"));
        assertEquals(60, poll.afterSeeing("ACCEPTED"));
        assertEquals(90, poll.afterSeeing("ACCEPTED"));
        long wait = 0;
        for (int i = 0; i < 10; i++) {
            wait = poll.afterSeeing("ACCEPTED");
        }
        assertEquals(250, wait);
        assertEquals(40, poll.afterSeeing("RUNNING"));
    }
}
