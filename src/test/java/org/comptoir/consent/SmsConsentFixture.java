package org.comptoir.consent;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.MutableClock;
import org.comptoir.dispatch.InboundStore;
import org.comptoir.dispatch.StoredInbound;
import org.comptoir.gateway.InboundSms;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/** A real H2 store in a temporary folder with the consent-over-SMS services, a reply recorder and a moved clock. */
final class SmsConsentFixture implements AutoCloseable {

    static final String GATEWAY = "modem /dev/ttyUSB0";

    final Database db;
    final Settings settings;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
    final ConsentService consent;
    final RecordingReplySender replies = new RecordingReplySender();
    final DoubleOptIn doubleOptIn;
    final ConsentInboundRouter router;
    final InboundStore inbound;
    final ConsentSms sms;

    SmsConsentFixture(Path dir) {
        db = Database.open(dir);
        List<SettingDefinition> definitions = new ArrayList<>(CoreSettings.DEFINITIONS);
        definitions.addAll(ConsentSettings.DEFINITIONS);
        definitions.addAll(ConsentSmsSettings.DEFINITIONS);
        settings = new Settings(db, definitions);
        settings.set("shop.name", "Léa Fleurs");
        consent = new ConsentService(db, settings, SubjectKey.forStore(db), clock);
        sms = new ConsentSms(db, settings, consent, replies, clock);
        doubleOptIn = sms.doubleOptIn();
        router = sms.router();
        inbound = new InboundStore(db, GATEWAY, clock);
    }

    /** Stores a received SMS as the engine does and returns it as the router gets it. */
    StoredInbound receive(String from, String text) {
        Instant at = clock.instant();
        inbound.onInbound(new InboundSms(from, text, at));
        long id = db.withConnection(c -> Jdbc.queryLong(c,
                "SELECT MAX(id) FROM inbound WHERE sender = ? AND text = ? AND received_at = ?", from, text, at));
        return new StoredInbound(id, from, text, at, GATEWAY);
    }

    /** Stores and routes, writing handled_as as the engine does; returns the label. */
    String receiveAndRoute(String from, String text) {
        StoredInbound m = receive(from, text);
        String handled = router.route(m);
        db.withConnection(c -> Jdbc.update(c, "UPDATE inbound SET handled_as = ? WHERE id = ?", handled, m.id()));
        return handled;
    }

    /** The text kept for a ledger row's evidence, while it is kept. */
    java.util.Optional<String> evidenceText(String ledgerEvidence) {
        String id = SmsEvidence.field(ledgerEvidence, "evidence");
        return db.withConnection(c -> SmsEvidence.text(c, id));
    }

    boolean evidenceMatches(String ledgerEvidence) {
        return db.withConnection(c -> SmsEvidence.matches(c, ledgerEvidence));
    }

    List<ConsentEventView> history(String e164) {
        return consent.history(ConsentFixture.number(e164));
    }

    @Override
    public void close() {
        db.close();
    }
}
