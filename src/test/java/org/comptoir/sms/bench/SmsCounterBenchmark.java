package org.comptoir.sms.bench;

import java.util.concurrent.TimeUnit;
import org.comptoir.sms.SmsAnalysis;
import org.comptoir.sms.SmsText;
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
 * The campaign editor re-analyses the whole text on every keystroke; a 1,000-character message (7 parts in
 * GSM-7, 15 in UCS-2) must stay far below a frame (target: well under 50 µs per update).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Short on purpose (2 cores shared): the exec profile passes only the regex, so the run length lives here.
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SmsCounterBenchmark {

    private static final String GSM_SENTENCE = "Chère cliente, notre boutique a 10 ans ! Du lundi au samedi, "
            + "-20% sur toute la collection et un cadeau dès 30€ d'achat. Répondez STOP pour ne plus recevoir. ";
    private static final String UCS2_SENTENCE = "Chère cliente, c’est la fête : « -20 % » sur tout, garçon ou "
            + "fille, et un cadeau surprise 🎉 dès 30 € d’achat… Répondez STOP. ";

    String gsm;
    String ucs2;

    @Setup
    public void texts() {
        gsm = repeatTo(GSM_SENTENCE, 1000);
        ucs2 = repeatTo(UCS2_SENTENCE, 1000);
        if (SmsText.analyze(gsm).isUnicode() || !SmsText.analyze(ucs2).isUnicode()) {
            throw new IllegalStateException("benchmark texts do not have the intended encodings");
        }
    }

    private static String repeatTo(String sentence, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(sentence);
        }
        String cut = text.substring(0, length);
        // never end on half an emoji
        return Character.isHighSurrogate(cut.charAt(length - 1)) ? cut.substring(0, length - 1) + "x" : cut;
    }

    @Benchmark
    public SmsAnalysis analyzeGsm1000() {
        return SmsText.analyze(gsm);
    }

    @Benchmark
    public SmsAnalysis analyzeUcs2_1000() {
        return SmsText.analyze(ucs2);
    }
}
