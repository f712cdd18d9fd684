package org.comptoir.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.comptoir.i18n.Messages;
import org.comptoir.sms.NonGsmChar;
import org.comptoir.sms.SmsAnalysis;
import org.comptoir.sms.SmsText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code comptoir sms info}: what a text costs as SMS, the same count the campaign editor shows. No store. */
@Command(name = "sms", description = "SMS text tools (no data folder needed).",
        subcommands = {SmsCommand.Info.class})
public final class SmsCommand {

    @ParentCommand
    ComptoirCommand root;

    @Command(name = "info", description = {
        "Encoding, units, number of SMS, units left, and the characters that force UCS-2 with a GSM replacement.",
        "Reads the text from standard input (UTF-8) when no TEXT is given; one trailing line break is ignored."})
    static final class Info implements Callable<Integer> {

        @ParentCommand
        SmsCommand sms;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "One JSON object: encoding, units, parts, remaining, nonGsm.")
        boolean json;

        @Option(names = "--batch",
                description = "Standard input holds one JSON string per line; one JSON result per line.")
        boolean batch;

        @Parameters(arity = "0..*", paramLabel = "TEXT",
                description = "The text; several words are joined with one space. "
                        + "Use -- before a text starting with -.")
        List<String> words;

        @Override
        public Integer call() {
            Messages messages = sms.root.messages();
            PrintWriter out = spec.commandLine().getOut();
            boolean hasText = words != null && !words.isEmpty();
            if (batch) {
                if (hasText) {
                    throw new ParameterException(spec.commandLine(), messages.get("sms.info.batch.with.text"));
                }
                return batch(out, messages);
            }
            String text = hasText ? String.join(" ", words) : withoutFinalLineBreak(readStandardInput());
            if (text.indexOf('\uFFFD') >= 0) {
                // The JVM decodes arguments in the platform charset: in a C locale or a Windows code page,
                // accents and emoji arrive as U+FFFD and every count below would be wrong.
                spec.commandLine().getErr().println(messages.get("sms.info.lost.characters"));
            }
            SmsAnalysis analysis = SmsText.analyze(text);
            if (json) {
                out.println(Json.write(Json.result(analysis)));
            } else {
                SmsInfoReport.print(out, messages, text, analysis);
            }
            return Cli.OK;
        }

        /** Every line gets its answer in order; a bad line gets an error object and makes the exit code 1. */
        private int batch(PrintWriter out, Messages messages) {
            boolean failed = false;
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                int lineNumber = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lineNumber++;
                    if (lineNumber == 1) {
                        line = withoutByteOrderMark(line);
                    }
                    JsonNode node = Json.parse(line);
                    if (node != null && node.isTextual()) {
                        out.println(Json.write(Json.result(SmsText.analyze(node.textValue()))));
                    } else {
                        failed = true;
                        ObjectNode error = Json.MAPPER.createObjectNode();
                        error.put("error", messages.get("sms.info.batch.bad.line", lineNumber));
                        error.put("line", lineNumber);
                        out.println(Json.write(error));
                    }
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return failed ? Cli.FAILED : Cli.OK;
        }

        private static String readStandardInput() {
            try {
                return withoutByteOrderMark(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Windows Notepad starts UTF-8 files with U+FEFF; counted, it would force UCS-2 on its own. */
        static String withoutByteOrderMark(String text) {
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }

        /** {@code echo TEXT | comptoir sms info} adds a line break the shop owner did not type. */
        static String withoutFinalLineBreak(String text) {
            if (text.endsWith("\r\n")) {
                return text.substring(0, text.length() - 2);
            }
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        }
    }

    /** The machine-readable form, one object per line. */
    static final class Json {

        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

        private Json() {
        }

        static ObjectNode result(SmsAnalysis analysis) {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("encoding", analysis.encoding().name());
            node.put("units", analysis.units());
            node.put("parts", analysis.parts());
            node.put("remaining", analysis.remaining());
            var nonGsm = node.putArray("nonGsm");
            for (NonGsmChar c : analysis.nonGsm()) {
                nonGsm.add(c.text());
            }
            return node;
        }

        /** The JSON value on {@code line}, or null when it is not exactly one JSON value. */
        static JsonNode parse(String line) {
            try {
                JsonNode node = MAPPER.readTree(line);
                return node == null || node.isMissingNode() ? null : node;
            } catch (JsonProcessingException e) {
                return null;
            }
        }

        /**
         * Surrogates are written as {@code \}{@code uXXXX} escapes: a lone one (possible in a batch line) has no
         * UTF-8 form, and escaping both halves of an emoji keeps the output plain ASCII-safe JSON.
         */
        static String write(JsonNode node) {
            try {
                return MAPPER.writer().with(SurrogateEscapes.INSTANCE).writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class SurrogateEscapes extends CharacterEscapes {
        static final SurrogateEscapes INSTANCE = new SurrogateEscapes();
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }
}
