package dev.spindle.runtime.jobmaster;

import java.time.Duration;

/** Decides whether a failed job is restarted and after what pause. */
public interface RestartStrategy {

    /** Records a failure at {@code nowMillis} and says whether the job may restart after it. */
    boolean onFailure(long nowMillis);

    Duration delay();

    String describe();
}
