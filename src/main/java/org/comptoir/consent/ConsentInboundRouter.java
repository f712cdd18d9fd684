package org.comptoir.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.util.Optional;
import org.comptoir.dispatch.InboundRouter;
import org.comptoir.dispatch.ReplySender;
import org.comptoir.dispatch.StoredInbound;
import org.comptoir.phone.PhoneMask;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.phone.RecipientZone;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on each received SMS by what {@link KeywordRecognizer} reads in it (the rule is in docs/consent-sms.md):
 * <ul>
 *   <li>a STOP records OPT_OUT in the ledger (channel SMS_KEYWORD, the text kept as {@link SmsEvidence}) and
 *       queues one confirmation naming the shop, at most one per number and day; the engine checks consent at the
 *       moment of sending, so the number's queued promotions are skipped from then on;</li>
 *   <li>HELP is answered with the shop's name and how to stop;</li>
 *   <li>OUI / YES / START confirms a pending double opt-in request ({@link DoubleOptIn}), and nothing else;</li>
 *   <li>the sign-up keyword opts in (welcome with the opt-out mention), or asks for confirmation with double
 *       opt-in on; a person who stopped, refused or was erased is only asked, never re-subscribed by it;</li>
 *   <li>anything else waits in the inbox for the owner ({@link Handling#WAITING}).</li>
 * </ul>
 * A message routed twice acts once, and the confirmations' keys make a repeated STOP one confirmation a day.
 *
 * <p>Called on the engine's thread; blocks on the database. Thread-safe. Throws when the ledger or the reply
 * queue cannot be written, so the message stays unhandled and is offered again.
 */
public final class ConsentInboundRouter implements InboundRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentInboundRouter.class);

    private final Database db;
    private final Settings settings;
    private final ConsentService consent;
    private final ReplySender replies;
    private final DoubleOptIn doubleOptIn;
    private final ReplyTexts texts;
    private final Clock clock;

    public ConsentInboundRouter(Database db, Settings settings, ConsentService consent, ReplySender replies,
                                DoubleOptIn doubleOptIn, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.consent = consent;
        this.replies = replies;
        this.doubleOptIn = doubleOptIn;
        this.texts = new ReplyTexts(settings);
        this.clock = clock;
    }

    @Override
    public String route(StoredInbound message) {
        KeywordRecognizer.Reading reading = new KeywordRecognizer(settings.get(ConsentSmsSettings.SIGNUP_KEYWORD))
                .read(message.text());
        Optional<PhoneNumber> from = PhoneNumber.ofE164(message.sender());
        if (from.isEmpty()) {
            return Handling.NOT_A_NUMBER;
        }
        PhoneNumber number = from.get();
        String handled = switch (reading.intent()) {
            case OPT_OUT -> optOut(number, message);
            case HELP -> help(number);
            case YES -> doubleOptIn.answer(number, message);
            case SIGN_UP -> signUp(number, message);
            case REVIEW -> Handling.REVIEW;
            case OTHER -> Handling.OTHER;
        };
        LOG.info("Inbound {} from {}: {} ({})", message.id(), PhoneMask.mask(number.e164()), handled, reading.word());
        return handled;
    }

    /**
     * Records the opt-out of {@code number} with {@code message} as its evidence and queues the confirmation: the
     * inbox's "treat as STOP" goes through here too. Returns {@link Handling#OPT_OUT}, or
     * {@link Handling#OPT_OUT_AGAIN} when the person was already stopped or erased.
     */
    String optOut(PhoneNumber number, StoredInbound message) {
        String subject = consent.subjectOf(number);
        String handled = Handling.OPT_OUT;
        if (!db.withConnection(c -> SmsEvidence.actedOn(c, message.id(), ConsentKind.OPT_OUT))) {
            ConsentStatus status = consent.lookup(number).map(ContactStatus::status).orElse(null);
            if (status == ConsentStatus.OPTED_OUT || status == ConsentStatus.ERASED) {
                handled = Handling.OPT_OUT_AGAIN; // already suppressed: one event is the proof, not one per STOP
            } else {
                Instant now = clock.instant();
                String evidence = db.inTransaction(c -> SmsEvidence.store(c, subject, message, ConsentKind.OPT_OUT, now));
                consent.recordOptOut(number, Channel.SMS_KEYWORD, null, evidence);
            }
        }
        doubleOptIn.closePending(subject);
        // a provider that intercepts STOP (Twilio) has already confirmed it to the person: never a second SMS
        if (!org.comptoir.gateway.http.ProviderOptOuts.confirmedByProvider(message.gateway(), message.text())) {
            replies.queue(number.e164(), texts.optOutConfirmation(), "OPTOUT_CONFIRM",
                    "optout-confirm:" + subject + ":" + today(number));
        }
        return handled;
    }

    private String help(PhoneNumber number) {
        replies.queue(number.e164(), texts.help(), "HELP", "help:" + consent.subjectOf(number) + ":" + today(number));
        return Handling.HELP;
    }

    private String signUp(PhoneNumber number, StoredInbound message) {
        String subject = consent.subjectOf(number);
        if (db.withConnection(c -> SmsEvidence.actedOn(c, message.id(), ConsentKind.OPT_IN))) {
            return Handling.SIGNED_UP; // routed a second time
        }
        ConsentStatus status = consent.lookup(number).map(ContactStatus::status).orElse(null);
        if (status == ConsentStatus.OPTED_IN || status == ConsentStatus.CONFIRMED) {
            return Handling.ALREADY_SIGNED_UP;
        }
        ConsentWording wording = consent.currentWording();
        Instant now = clock.instant();
        String evidence = db.inTransaction(c -> SmsEvidence.store(c, subject, message, ConsentKind.OPT_IN, now));
        if (status == ConsentStatus.OPTED_OUT || status == ConsentStatus.ERASED || status == ConsentStatus.REFUSED) {
            // a keyword alone never undoes a STOP, a no or an erasure: only the answer to this request will
            doubleOptIn.ask(number, DoubleOptIn.Kind.RESUBSCRIBE, wording.id(), SmsEvidence.field(evidence, "evidence"));
            return Handling.SIGNUP_PENDING;
        }
        consent.recordOptIn(number, null, wording.id(), Channel.SMS_KEYWORD, null, evidence);
        if (doubleOptIn.enabled()) {
            doubleOptIn.ask(number, DoubleOptIn.Kind.SIGNUP, wording.id(), null);
            return Handling.SIGNUP_PENDING;
        }
        replies.queue(number.e164(), texts.welcome(), "WELCOME", "welcome:" + subject + ":" + today(number));
        return Handling.SIGNED_UP;
    }

    /** The day in the recipient's time zone, for "at most one a day" keys. */
    private LocalDate today(PhoneNumber number) {
        return LocalDate.ofInstant(clock.instant(), RecipientZone.zoneOf(number));
    }
}
