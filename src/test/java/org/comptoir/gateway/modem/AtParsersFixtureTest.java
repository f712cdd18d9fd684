package org.comptoir.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parser of {@link AtParsers} fed recorded answers, one file per answer under
 * {@code src/test/resources/modem/<parser>/} (the way gammu keeps {@code tests/at-creg*}): a comment saying
 * where it comes from, {@code # expect:} with what must be understood, then the answer's lines as the modem
 * printed them, corner cases (empty, quotes left open, unknown fields, garbage) included. A new recorded
 * answer is a new file, no code.
 */
class AtParsersFixtureTest {

    /** A fixture: its path, what the answer must be read as, the vendor form (cpinr), the lines. */
    record Fixture(String name, String expect, String form, List<String> lines) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Map<String, Function<Fixture, String>> PARSERS = Map.of(
            "cmgl", f -> AtParsers.cmgl(f.lines()).stream()
                    .map(m -> m.index() + ":" + m.stat() + ":" + m.pdu().length() / 2)
                    .collect(Collectors.joining(" ")),
            "cmgr", f -> AtParsers.cmgr(f.lines()).orElse("none"),
            "cds", f -> {
                InboundDecoder.Report r = InboundDecoder.report(f.lines().get(1)).orElseThrow();
                return "length=" + AtParsers.cdsLength(f.lines().get(0)) + " ref=" + r.messageReference() + " to="
                        + r.recipient() + " " + r.outcome();
            },
            "cops", f -> AtParsers.operator(value(f, "+COPS:")),
            "creg", f -> String.valueOf(AtParsers.registration(value(f, "+CREG:"))),
            "cereg", f -> String.valueOf(AtParsers.registration(value(f, "+CEREG:"))),
            "cpms", f -> {
                AtParsers.Storage s = AtParsers.storage(value(f, "+CPMS:"));
                return s.used() + "/" + s.total();
            },
            "iccid", f -> AtParsers.iccid(f.lines()),
            "cpinr", f -> String.valueOf(AtParsers.pinRetries(f.lines(), f.form().equals("standard")
                    ? VendorProfile.PinRetries.STANDARD : VendorProfile.forMaker(f.form()).pinRetries())));

    /** What {@link AtChannel.Response#value} would give for these lines. */
    static String value(Fixture f, String prefix) {
        return new AtChannel.Response(f.lines(), "OK").value(prefix);
    }

    static Stream<Fixture> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(AtParsersFixtureTest.class.getResource("/modem").toURI());
        List<Fixture> all = new ArrayList<>();
        for (String parser : PARSERS.keySet().stream().sorted().toList()) {
            try (Stream<Path> files = Files.list(root.resolve(parser))) {
                for (Path p : files.sorted().toList()) {
                    all.add(read(parser + "/" + p.getFileName(), Files.readAllLines(p, StandardCharsets.UTF_8)));
                }
            }
        }
        return all.stream();
    }

    static Fixture read(String name, List<String> text) {
        String expect = null;
        String form = "";
        List<String> lines = new ArrayList<>();
        for (String l : text) {
            if (l.startsWith("# expect:")) {
                expect = l.substring("# expect:".length()).strip();
            } else if (l.startsWith("# form:")) {
                form = l.substring("# form:".length()).strip();
            } else if (!l.startsWith("#") && !l.isEmpty()) {
                lines.add(l);
            }
        }
        if (expect == null) {
            throw new IllegalStateException(name + " has no '# expect:' line");
        }
        return new Fixture(name, expect, form, lines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachRecordedAnswerIsReadAsExpected(Fixture f) {
        String parser = f.name().substring(0, f.name().indexOf('/'));
        assertThat(PARSERS.get(parser).apply(f)).as(f.name()).isEqualTo(f.expect());
    }

    @org.junit.jupiter.api.Test
    void everyParserHasItsFixturesWithCornerCases() throws Exception {
        Map<String, Long> perParser = fixtures().collect(Collectors.groupingBy(
                f -> f.name().substring(0, f.name().indexOf('/')), Collectors.counting()));
        assertThat(perParser.keySet()).containsExactlyInAnyOrderElementsOf(PARSERS.keySet());
        assertThat(perParser.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
    }
}
