package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code comptoir sms info}, run in-process like a shell would, standard input included; French system. */
@ExtendWith(FrenchSystem.class)
class SmsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        List<JsonNode> jsonLines() throws Exception {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                nodes.add(JSON.readTree(line));
            }
            return nodes;
        }
    }

    @Test
    void englishSystemGetsEnglish() {
        Locale.setDefault(Locale.UK);
        Result r = run("", "sms", "info", "garçon");
        assertThat(r.out()).contains("Encoding: UCS-2").contains("suggested replacement: « c »");
    }

    /** The data folder does not exist: {@code sms info} must not need (or create) a store. */
    private Path dataDir() {
        return dir.resolve("never-created");
    }

    Result run(String stdin, String... args) {
        CliHarness.Result r = CliHarness.runWithInput(dataDir(), stdin, args);
        return new Result(r.code(), r.out(), r.err());
    }

    @Test
    void frenchReportNamesTheOffendingCharactersAndTheirReplacement() {
        Result r = run("", "sms", "info", "Ça, c’est l’été : garçon 🎉");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Encodage : UCS-2").contains("SMS : 1")
                .contains("Restant dans le SMS en cours : 43 sur 70")
                .contains("« ’ » U+2019 : 2 fois, d'abord en position 6 ; remplacement proposé : « ' »")
                .contains("« ç » U+00E7 : 1 fois").contains("remplacement proposé : « c »")
                .contains("« 🎉 » U+1F389 : 1 fois, d'abord en position 26 ; remplacement proposé : aucun");
        assertThat(r.err()).isEmpty();
        assertThat(dataDir()).doesNotExist();
    }

    @Test
    void gsmTextIsOneSmsWithSeptetsLeft() {
        Result r = run("", "sms", "info", "--", "Bonjour", "à", "tous,", "-20%", "dès", "30€");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Encodage : GSM-7").contains("Unités : 29 septets").contains("SMS : 1")
                .contains("Restant dans le SMS en cours : 131 sur 160").doesNotContain("imposent");
    }

    @Test
    void jsonHasExactlyTheAgreedKeys() throws Exception {
        Result r = run("", "sms", "info", "--json", "garçon garçon 🎉");
        assertThat(r.code()).isZero();
        JsonNode node = JSON.readTree(r.out());
        assertThat(node.fieldNames()).toIterable().containsExactly("encoding", "units", "parts", "remaining", "nonGsm");
        assertThat(node.get("encoding").asText()).isEqualTo("UCS2");
        assertThat(node.get("units").asInt()).isEqualTo(16);
        assertThat(node.get("parts").asInt()).isEqualTo(1);
        assertThat(node.get("remaining").asInt()).isEqualTo(54);
        assertThat(node.get("nonGsm")).extracting(JsonNode::asText).containsExactly("ç", "🎉");
    }

    @Test
    void textOnStandardInputLosesOnlyItsFinalLineBreak() throws Exception {
        String text = "a".repeat(160);
        JsonNode node = JSON.readTree(run(text + "\n", "sms", "info", "--json").out());
        assertThat(node.get("units").asInt()).isEqualTo(160);
        assertThat(node.get("parts").asInt()).isEqualTo(1);
        node = JSON.readTree(run(text + "\r\n\n", "sms", "info", "--json").out());
        assertThat(node.get("units").asInt()).isEqualTo(162);
        assertThat(node.get("parts").asInt()).isEqualTo(2);
    }

    @Test
    void batchAnswersEveryLineInOrderAndFailsAtTheEndForABadOne() throws Exception {
        String stdin = """
                "Bonjour\\nà demain"
                not json
                "garçon \\ud83c\\udf89"
                42
                "%s"
                """.formatted("€".repeat(81));
        Result r = run(stdin, "sms", "info", "--batch");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        List<JsonNode> lines = r.jsonLines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("encoding").asText()).isEqualTo("GSM7");
        assertThat(lines.get(0).get("units").asInt()).isEqualTo(16);
        assertThat(lines.get(1).get("error").asText()).startsWith("Ligne 2 :");
        assertThat(lines.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(lines.get(2).get("nonGsm")).extracting(JsonNode::asText).containsExactly("ç", "🎉");
        assertThat(lines.get(3).has("error")).isTrue();
        assertThat(lines.get(4).get("units").asInt()).isEqualTo(162);
        assertThat(lines.get(4).get("parts").asInt()).isEqualTo(2);
    }

    @Test
    void batchOfGoodLinesExitsZeroAndKeepsALoneSurrogateAsAnEscape() throws Exception {
        Result r = run("\"a\\ud83c\"\n\"\"\n", "sms", "info", "--batch");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\\uD83C");
        List<JsonNode> lines = r.jsonLines();
        assertThat(lines.get(0).get("nonGsm").get(0).textValue()).isEqualTo("\uD83C");
        assertThat(lines.get(1).get("parts").asInt()).isZero();
        assertThat(lines.get(1).get("remaining").asInt()).isEqualTo(160);
    }

    @Test
    void aFileSavedByNotepadWithAByteOrderMarkStaysGsm() throws Exception {
        JsonNode node = JSON.readTree(run("\uFEFFBonjour\r\n", "sms", "info", "--json").out());
        assertThat(node.get("encoding").asText()).isEqualTo("GSM7");
        assertThat(node.get("units").asInt()).isEqualTo(7);
        Result batch = run("\uFEFF\"Bonjour\"\r\n\"à demain\"\r\n", "sms", "info", "--batch");
        assertThat(batch.code()).isZero();
        assertThat(batch.jsonLines()).extracting(n -> n.get("units").asInt()).containsExactly(7, 8);
    }

    @Test
    void batchWithATextArgumentIsAUsageError() {
        Result r = run("", "sms", "info", "--batch", "Bonjour");
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("--batch");
    }

    @Test
    void lostCharactersAreReported() {
        Result r = run("", "sms", "info", "caf\uFFFD");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("entrée standard");
    }

    @Test
    void processStandardOutputIsUtf8WhateverThePlatformDefault() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.ISO_8859_1));
        try {
            assertThat(Cli.run("--data-dir", dataDir().toString(), "sms", "info", "--json", "garçon")).isZero();
        } finally {
            System.setOut(previous);
        }
        JsonNode node = JSON.readTree(bytes.toString(StandardCharsets.UTF_8));
        assertThat(node.get("nonGsm").get(0).asText()).isEqualTo("ç");
        assertThat(Files.exists(dataDir())).isFalse();
    }
}
