package org.comptoir.schedule.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.comptoir.schedule.MessageClass;
import org.comptoir.schedule.SendingRulesFactory;
import org.comptoir.schedule.WindowDecision;
import org.comptoir.schedule.WindowRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine checks the window right before every send, and the editor once per candidate zone: a check must
 * cost nothing next to a send (the modem's pace is one SMS every few seconds; an HTTP provider's, milliseconds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SendingRulesBenchmark {

    /** Monday 30 November 2026, 10:00 in Paris: open. */
    private static final Instant OPEN = Instant.parse("2026-11-30T09:00:00Z");
    /** Saturday 15 May 2027, 20:30 in Paris: closed until Tuesday (Whit Monday), the longest common search. */
    private static final Instant BEFORE_WHIT_MONDAY = Instant.parse("2027-05-15T18:30:00Z");

    WindowRules rules;

    @Setup
    public void rules() {
        rules = SendingRulesFactory.from("france", "mon-sat", "08:00-20:00", true);
        // the first check of a year loads its holidays once: keep that out of the figures
        rules.check(MessageClass.MARKETING, "+33612345678", BEFORE_WHIT_MONDAY);
        rules.check(MessageClass.MARKETING, "+262692123456", BEFORE_WHIT_MONDAY);
        rules.check(MessageClass.MARKETING, "+33612345678", OPEN);
    }

    @Benchmark
    public WindowDecision mainlandOpen() {
        return rules.check(MessageClass.MARKETING, "+33612345678", OPEN);
    }

    @Benchmark
    public WindowDecision mainlandClosedOverAHolidayWeekend() {
        return rules.check(MessageClass.MARKETING, "+33612345678", BEFORE_WHIT_MONDAY);
    }

    @Benchmark
    public WindowDecision reunionOrMayotteClosedOverAHolidayWeekend() {
        return rules.check(MessageClass.MARKETING, "+262692123456", BEFORE_WHIT_MONDAY);
    }

    @Benchmark
    public WindowDecision newYorkOpen() {
        return rules.check(MessageClass.MARKETING, "+12125551234", OPEN);
    }
}
