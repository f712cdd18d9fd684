package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.AppContext;
import org.comptoir.cli.CliHarness.Result;
import org.comptoir.consent.Channel;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code contact show} and {@code consent verify} over a real data folder filled through the services. */
class ConsentCliTest {

    @TempDir
    Path dir;

    Result run(String... args) {
        return CliHarness.run(dir, args);
    }

    @BeforeEach
    void marieSaysYesThenStop() {
        try (AppContext ctx = AppContext.open(dir)) {
            ctx.settings().set("shop.name", "Léa Fleurs");
            long w = ctx.consent().currentWording().id();
            PhoneNumber marie = new PhoneNumber("+33612345678");
            ctx.consent().recordOptIn(marie, "Marie", w, Channel.TILL, "Léa");
            ctx.consent().recordOptOut(marie, Channel.SMS_KEYWORD, null, "STOP");
        }
    }

    @Test
    void showPrintsStatusAndHistoryInFrench() {
        Result r = run("contact", "show", "06 12 34 56 78");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Numéro : 06 12 34 56 78 (+33612345678)").contains("Prénom : Marie")
                .contains("Statut : s'est désinscrit depuis le").contains("#1").contains("accord").contains("texte v1")
                .contains("par Léa").contains("#2").contains("désinscription").contains("preuve : STOP");
    }

    @Test
    void showJsonHasStableKeys() throws Exception {
        Result r = run("contact", "show", "+33 6 12 34 56 78", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("number", "status", "since", "firstName", "history");
        assertThat(json.get("number").asText()).isEqualTo("+33612345678");
        assertThat(json.get("status").asText()).isEqualTo("OPTED_OUT");
        assertThat(json.get("firstName").asText()).isEqualTo("Marie");
        assertThat(java.time.Instant.parse(json.get("since").asText())).isNotNull();
        JsonNode first = json.get("history").get(0);
        List<String> eventKeys = new ArrayList<>();
        first.fieldNames().forEachRemaining(eventKeys::add);
        assertThat(eventKeys).containsExactly("seq", "kind", "channel", "wordingVersion", "staff", "occurredAt", "evidence");
        assertThat(first.get("seq").asLong()).isEqualTo(1);
        assertThat(first.get("kind").asText()).isEqualTo("OPT_IN");
        assertThat(first.get("channel").asText()).isEqualTo("TILL");
        assertThat(first.get("wordingVersion").asInt()).isEqualTo(1);
        assertThat(first.get("staff").asText()).isEqualTo("Léa");
        assertThat(first.get("evidence").isNull()).isTrue();
        assertThat(json.get("history").get(1).get("evidence").asText()).isEqualTo("STOP");
    }

    @Test
    void unknownNumberExitsOne() {
        Result r = run("contact", "show", "07 81 23 45 67");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("n'est pas connu de Comptoir").contains("07 81 23 45 67");
    }

    @Test
    void invalidNumberExitsOneWithTheReason() {
        Result r = run("contact", "show", "01 42 68 53 00");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("numéro de fixe");
        assertThat(run("contact", "show", "bonjour").err()).contains("n'est pas un numéro de téléphone");
    }

    @Test
    void verifySaysIntactThenNamesTheAlteredRow() {
        Result ok = run("consent", "verify");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Registre des consentements intact : les 2 lignes");

        try (AppContext ctx = AppContext.open(dir)) {
            ctx.database().withConnection(c -> Jdbc.update(c, "UPDATE consent_event SET staff = 'Paul' WHERE seq = 1"));
        }
        Result bad = run("consent", "verify");
        assertThat(bad.code()).isEqualTo(Cli.FAILED);
        assertThat(bad.err()).contains("ALTERED").contains("Ligne 1 : son contenu a été modifié");
    }

    @Test
    void englishWhenTheSettingSaysSo() {
        run("config", "set", "ui.language", "en");
        assertThat(run("consent", "verify").out()).contains("Consent ledger intact: all 2 rows");
        assertThat(run("contact", "show", "0612345678").out()).contains("Status: unsubscribed since");
    }

    @Test
    void checkpointPrintsTheHeadAndVerifyProvesTheLedgerExtendsIt() throws Exception {
        Result cp = run("consent", "checkpoint");
        assertThat(cp.code()).as(cp.err()).isZero();
        String line = cp.out().lines().filter(l -> l.matches("\\d+:[0-9a-f]{64}")).findFirst().orElseThrow();
        assertThat(line).startsWith("2:");
        assertThat(cp.out()).contains("Tête du registre : ligne 2").contains("ledger-checkpoints.txt");
        assertThat(run("consent", "verify", "--checkpoint", line).code()).isZero();
        assertThat(run("consent", "verify", "--checkpoint", dir.resolve("ledger-checkpoints.txt").toString()).code())
                .isZero();

        Result bad = run("consent", "verify", "--checkpoint", "2:" + "ab".repeat(32));
        assertThat(bad.code()).isEqualTo(Cli.FAILED);
        assertThat(bad.err()).contains("CHECKPOINT_MISMATCH").contains("Ligne 2");
        Result nonsense = run("consent", "verify", "--checkpoint", "pas-un-fichier");
        assertThat(nonsense.code()).isEqualTo(Cli.FAILED);
        assertThat(nonsense.err()).contains("pas-un-fichier");
    }

    /**
     * Through the real launcher in its own JVM, as a script would run it, with a log folder that cannot be made (a
     * file stands in its place): logback's complaint must not spoil the JSON on standard output, nor reach the user.
     */
    @Test
    void verifyJsonFromTheLauncherIsPlainJsonEvenWhenLoggingFails() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("logs"), "not a folder");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = dir.resolveSibling(dir.getFileName() + "-stderr.txt");
        Process p = new ProcessBuilder(List.of(javaBin, "-cp", classPath, "org.comptoir.Launcher", "--data-dir",
                dir.toString(), "consent", "verify", "--json")).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        JsonNode json = new ObjectMapper().readTree(out);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("intact", "rowsChecked", "head", "checkpointsChecked", "problems");
        assertThat(json.get("intact").asBoolean()).isTrue();
        assertThat(json.get("head").get("seq").asLong()).isEqualTo(2);
        assertThat(java.nio.file.Files.readString(err)).isEmpty();
    }
}
