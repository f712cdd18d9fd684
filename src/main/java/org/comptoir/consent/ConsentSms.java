package org.comptoir.consent;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.comptoir.dispatch.ReplySender;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;

/**
 * Consent over SMS wired in one place: the inbound router the sending engine calls, double opt-in, the inbox,
 * erasure everywhere and retention. Built by {@code AppContext} over the engine's {@link ReplySender}.
 */
public final class ConsentSms {

    private final Database db;
    private final Settings settings;
    private final ConsentService consent;
    private final DoubleOptIn doubleOptIn;
    private final ConsentInboundRouter router;
    private final Inbox inbox;
    private final Retention retention;
    /** Set by an erasure: deleted rows stay in the file's free pages until it is compacted. */
    private final AtomicBoolean erasedSinceOpen = new AtomicBoolean();

    public ConsentSms(Database db, Settings settings, ConsentService consent, ReplySender replies, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.consent = consent;
        consent.addErasureStep(new PersonalDataPurge(clock, () -> erasedSinceOpen.set(true)));
        this.doubleOptIn = new DoubleOptIn(db, settings, consent, replies, clock);
        this.router = new ConsentInboundRouter(db, settings, consent, replies, doubleOptIn, clock);
        this.inbox = new Inbox(db, router, clock);
        this.retention = new Retention(db, settings, consent, clock);
    }

    public DoubleOptIn doubleOptIn() {
        return doubleOptIn;
    }

    /**
     * When someone was erased since the store was opened, rewrites the database file without its free pages
     * ({@code SHUTDOWN COMPACT}): H2 leaves deleted rows' bytes in unused pages, where a search of the file would
     * still find the number. This closes the database: call only when closing the application. Blocks for as long
     * as the rewrite takes (seconds for a large store).
     */
    public void compactIfErased() {
        if (erasedSinceOpen.getAndSet(false)) {
            db.compactIfOwnFile(); // a shared store (shop server, PostgreSQL) is not shut down under the other tills
        }
    }

    /** The received SMS and the owner's decisions on those that wait. */
    public Inbox inbox() {
        return inbox;
    }

    /** Contacts silent for the retention period, and their erasure once the owner confirms. */
    public Retention retention() {
        return retention;
    }

    /**
     * What the counter poster says, from the settings: the shop's name, the sign-up keyword and number (both
     * required: throws {@link ComptoirException} naming the missing setting), the current consent wording. Blocks
     * on the database.
     */
    public CounterPoster.Content posterContent() {
        String keyword = settings.get(ConsentSmsSettings.SIGNUP_KEYWORD).strip();
        String number = settings.get(ConsentSmsSettings.SIGNUP_NUMBER).replaceAll("[\\s.\\-]", "");
        if (keyword.isEmpty()) {
            throw new ComptoirException(UserMessage.of("inbox.poster.no.keyword"));
        }
        if (number.isEmpty()) {
            throw new ComptoirException(UserMessage.of("inbox.poster.no.number"));
        }
        ConsentWording wording = consent.currentWording();
        Messages m = Messages.forLanguage(settings.get(CoreSettings.UI_LANGUAGE));
        String printed = PhoneNumber.ofE164(number)
                .map(n -> new PhoneNumbers(settings.get(CoreSettings.SHOP_COUNTRY)).formatNational(n)).orElse(number)
                .replace(' ', '\u00A0'); // a number is never cut across two lines
        return new CounterPoster.Content(wording.shopName(), m.get("inbox.poster.headline"),
                m.get("inbox.poster.call", keyword.toUpperCase(java.util.Locale.ROOT), printed),
                m.get("inbox.poster.scan"), wording.text(),
                m.get("inbox.poster.stop", settings.get(CoreSettings.OPTOUT_MENTION).strip()), number,
                keyword.toUpperCase(java.util.Locale.ROOT));
    }

    /** What the sending engine calls for every stored inbound message. */
    public ConsentInboundRouter router() {
        return router;
    }
}
