package org.comptoir.gateway.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.comptoir.MutableClock;

/** Waits by moving the test's clock: pacing and back-off are checked without any real wait. */
final class RecordingDelay implements Delay {

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final MutableClock clock;

    RecordingDelay(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void await(Duration d) {
        waits.add(d);
        clock.advance(d);
    }
}
