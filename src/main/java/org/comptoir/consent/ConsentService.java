package org.comptoir.consent;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * Records and answers consent: opt-in at the till, refusal, opt-out, double opt-in confirmation, erasure;
 * each one an event appended to the hash-chained ledger with the person's derived status updated in the same
 * transaction.
 *
 * <p>People are found in the ledger by {@link SubjectKey subject}, never by number, so erasure deletes the
 * contact row (number, names, tags) and keeps a verifiable ledger whose ERASED status suppresses the number.
 * A person who was erased (or opted out, or refused) and later says yes again at the till gets a fresh
 * OPT_IN: that is a new, explicit consent and the ledger shows both.
 *
 * <p>A contact row is created by an opt-in, in the same transaction as its event, or by an import
 * ({@link #importContacts}) without any consent: such a contact has no ledger event and no {@code consent_state}
 * row ("no consent recorded"), so no promotion audience includes them.
 *
 * <p>Thread-safe. Every method blocks on the database (appends wait up to 10 s for another till's append):
 * never call from the JavaFX thread. Database failures and refused input throw {@link ComptoirException}.
 */
public final class ConsentService {

    private static final int NAME_MAX = 100;
    private static final int TEXT_MAX = 4000;

    private final Database db;
    private final Settings settings;
    private final SubjectKey key;
    /** The till's clock in an embedded store, the server's with several tills (see {@link LedgerClock}). */
    private final LedgerClock clock;
    private final Ledger ledger = new Ledger();
    private final ConsentWordings wordings;
    private final LedgerCheckpoints checkpoints;
    /** What else an erasure clears, in its transaction (received SMS, send logs, outbox texts...). */
    private final List<ErasureStep> erasureSteps = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ConsentService(Database db, Settings settings, SubjectKey key, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = new LedgerClock(db, Objects.requireNonNull(clock, "clock"));
        this.checkpoints = new LedgerCheckpoints(db.dataDir());
        this.wordings = new ConsentWordings(db, settings, ledger, this.clock);
    }

    /**
     * The wording to show now in the shop's first consent language ({@link #consentLanguages()}); see
     * {@link #currentWording(String)}.
     */
    public ConsentWording currentWording() {
        return currentWording(consentLanguages().get(0));
    }

    /**
     * The languages the shop offers its consent wording in, the first shown first. The owner's UI language plays
     * no part once the shop has a wording: what customers read is the shop's, chosen on purpose. In a store where
     * {@link ConsentSettings#LANGUAGES} was never set, the language of the latest wording shown (else, before any,
     * the UI language) is taken and stored, so a later change of UI language cannot move it. Any thread but the
     * JavaFX one; blocks on the database.
     */
    public List<String> consentLanguages() {
        return wordings.languages();
    }

    /**
     * The wording to show now in {@code language} ("fr", "en"), naming the shop and the opt-out mention from
     * settings. A new version is stored when the text differs from that language's latest one (wordings are never
     * updated; versions are numbered across languages). Throws {@link ComptoirException} when the shop name is not
     * set: a consent must say who asks for it. Any thread but the JavaFX one; blocks on the database.
     */
    public ConsentWording currentWording(String language) {
        return wordings.current(language);
    }

    /** A stored wording by id (any version). */
    public Optional<ConsentWording> wording(long wordingId) {
        return db.withConnection(c -> ConsentWordings.find(c, wordingId));
    }

    /** What is known of {@code number}; empty when it was never recorded. Two indexed look-ups. */
    public Optional<ContactStatus> lookup(PhoneNumber number) {
        String subject = key.subjectOf(number);
        return db.withConnection(c -> status(c, number, subject));
    }

    /** Whether a promotion may go to {@code number} now, under the current double opt-in setting. */
    public boolean allowsMarketing(PhoneNumber number) {
        boolean doubleOptIn = settings.getBoolean(ConsentSettings.DOUBLE_OPTIN);
        return lookup(number).map(s -> s.allowsMarketing(doubleOptIn)).orElse(false);
    }

    /**
     * Records a yes: creates the contact (or updates its first name when one is given) and appends OPT_IN
     * referring to {@code wordingId}, which must be a stored wording (any version: the one the customer saw).
     */
    public ContactStatus recordOptIn(PhoneNumber number, String firstName, long wordingId, Channel channel, String staff) {
        String name = clean(firstName, NAME_MAX, "consent.error.name.too.long");
        return append(number, ConsentKind.OPT_IN, channel, wordingId, staff, null, name, true);
    }

    /**
     * The same, with {@code evidence} (a keyword sign-up's reference to the SMS it came from); see
     * {@link #recordOptIn(PhoneNumber, String, long, Channel, String)}.
     */
    public ContactStatus recordOptIn(PhoneNumber number, String firstName, long wordingId, Channel channel, String staff,
                                     String evidence) {
        String name = clean(firstName, NAME_MAX, "consent.error.name.too.long");
        return append(number, ConsentKind.OPT_IN, channel, wordingId, staff, evidence, name, true);
    }

    /** Records a no. No contact row is created for someone who said no; an existing one is kept. */
    public ContactStatus recordRefusal(PhoneNumber number, long wordingId, Channel channel, String staff) {
        return append(number, ConsentKind.REFUSED, channel, wordingId, staff, null, null, false);
    }

    /** Records a withdrawal (STOP by SMS, or asked in the shop), also for numbers never seen before. */
    public ContactStatus recordOptOut(PhoneNumber number, Channel channel, String staff, String evidence) {
        return append(number, ConsentKind.OPT_OUT, channel, null, staff, evidence, null, false);
    }

    /** Records a double opt-in confirmation; refused unless the person's status is OPTED_IN. */
    public ContactStatus recordConfirmation(PhoneNumber number, Channel channel, String evidence) {
        return append(number, ConsentKind.CONFIRMED, channel, null, null, evidence, null, false);
    }

    /**
     * Erases a person: deletes their contact row and tags, appends ERASED under their subject (which keeps
     * the number suppressed) and writes ERASE to the audit trail. Works also for a number never seen.
     */
    public ContactStatus erase(PhoneNumber number, String staff) {
        return append(number, ConsentKind.ERASED, Channel.MANUAL, null, staff, null, null, false);
    }

    /**
     * Imports contacts in one transaction: all of them or, on any failure, none. Rows with consent evidence get
     * an OPT_IN on channel IMPORT (no wording: the text was shown outside Comptoir; the evidence names the file,
     * sheet, row, date and source); rows without become contacts without consent. A number whose latest ledger
     * event is a STOP or an erasure is refused (never re-subscribed, never brought back), a claimed consent is
     * refused for someone whose latest answer is a refusal, and an existing contact keeps their consent (tags are
     * added, empty names filled). {@code beforeCommit} sees the outcomes inside the transaction (the importer
     * writes its refusal report there, so a report that cannot be written undoes the import).
     *
     * <p>Blocks; with consent rows it holds the ledger lock for the whole import, so tills wait (up to 10 s each).
     * {@code progress} gets the number of rows done and may throw to cancel (the transaction is rolled back).
     *
     * @param dryRun true: the same decisions, nothing written, no lock taken
     * @return one outcome per row, in order
     */
    public List<ImportedContact.Outcome> importContacts(List<ImportedContact> rows, String staff, boolean dryRun,
                                                        java.util.function.LongConsumer progress,
                                                        java.util.function.Consumer<List<ImportedContact.Outcome>> beforeCommit) {
        String who = clean(staff, NAME_MAX, "consent.error.staff.too.long");
        Instant now = clock.now(db);
        return db.inTransaction(c -> {
            List<ImportedContact.Outcome> outcomes = new ContactImport(c, ledger, key, who, now).run(rows, !dryRun, progress);
            beforeCommit.accept(outcomes);
            return outcomes;
        });
    }

    /**
     * Adds {@code step} to every later {@link #erase}: it runs in the erasure's transaction, after the contact row is
     * deleted, so a failure leaves nothing erased. Call while wiring, before the service is used.
     */
    public void addErasureStep(ErasureStep step) {
        erasureSteps.add(Objects.requireNonNull(step, "step"));
    }

    /**
     * Every ledger event of {@code number}, oldest first, with the wording each one referred to. Only rows inside
     * the chain (seq 1 to the head) are listed: {@link #verify()} reads exactly those. Texts come {@link Printable}:
     * a control character stored in a staff name, an evidence or a wording is shown spelled out, never acted on.
     */
    public List<ConsentEventView> history(PhoneNumber number) {
        String subject = key.subjectOf(number);
        return db.withConnection(c -> Jdbc.query(c, "SELECT e.seq, e.kind, e.channel, w.version, w.text, e.staff, "
                + "e.occurred_at, e.evidence FROM consent_event e LEFT JOIN consent_wording w ON w.id = e.wording_id "
                + "WHERE e.subject = ? AND e.seq >= 1 AND e.seq <= (SELECT last_seq FROM consent_ledger_head WHERE id = 1) "
                + "ORDER BY e.seq", rs -> {
                    int version = rs.getInt("version");
                    Integer v = rs.wasNull() ? null : version;
                    // texts recorded before entry cleaning, or by hand, must not drive the terminal or the UI
                    return new ConsentEventView(rs.getLong("seq"), ConsentKind.valueOf(rs.getString("kind")),
                            Channel.valueOf(rs.getString("channel")), v, Printable.of(rs.getString("text")),
                            Printable.of(rs.getString("staff")), Jdbc.instant(rs, "occurred_at"),
                            Printable.of(rs.getString("evidence")));
                }, subject));
    }

    /**
     * Proves the ledger and what is derived from it: the chain from row 1 to the head (hashes, links, numbering,
     * dates in order), {@code consent_state} equal to the replayed ledger, every contact's number mapping to its
     * subject under the key, and the latest line of the data folder's checkpoint file still in the ledger. One pass
     * over the ledger, then one over each derived table, checked on a second thread while the calling one reads;
     * memory grows with the number of people (about 58 bytes each), never with the ledger's length. Appends go on meanwhile and are not seen. Blocks on the database for as
     * long as the walk takes (figures in docs/performance.md); never call from the JavaFX thread.
     *
     * @throws ComptoirException the database or the checkpoint file cannot be read
     */
    public VerifyReport verify() {
        return verify(List.of());
    }

    /**
     * As {@link #verify()}, and also proves that the ledger extends each of {@code kept} (checkpoints the owner
     * kept elsewhere, e.g. read with {@link #checkpointFrom}).
     */
    public VerifyReport verify(List<LedgerHead> kept) {
        List<LedgerHead> all = new java.util.ArrayList<>(kept);
        checkpoints.latest().ifPresent(all::add);
        return ledger.verify(db, key, all);
    }

    /**
     * The ledger's head now: the last row's sequence number, its hash and when it was recorded (seq 0, 64 zeros and no
     * time for an empty ledger). This is the one source of every head Comptoir shows or prints: the backup screen,
     * the consent-register export's cover, {@code consent checkpoint} and the checkpoint file. A ledger that later
     * still has this hash at this seq has every earlier row unchanged ({@link #verify(List)} with the head proves
     * it), so a printed head is a checkpoint the owner can keep away from the till.
     *
     * <p>Any thread but the JavaFX one: it blocks on the database (two indexed reads in one snapshot; no lock taken,
     * so it never waits for a till's append).
     *
     * @throws ComptoirException the database cannot be read
     */
    public LedgerHead head() {
        return ledger.head(db);
    }

    /**
     * Adds the current head to the data folder's checkpoint file (every append already does) and returns it, for
     * printing or copying elsewhere. Blocks on the database and the disk.
     */
    public LedgerHead checkpoint() {
        LedgerHead head = head();
        checkpoints.append(head);
        return head;
    }

    /** The data folder's append-only checkpoint file ({@value LedgerCheckpoints#FILE_NAME}). */
    public java.nio.file.Path checkpointFile() {
        return checkpoints.file();
    }

    /**
     * A checkpoint given by the owner: a checkpoint file (its latest line), a {@code "<seq> <hash>"} line, or a
     * hash alone. Reads the file if it is one.
     *
     * @throws ComptoirException not a checkpoint, or the file cannot be read
     */
    public static LedgerHead checkpointFrom(String argument) {
        return LedgerCheckpoints.fromArgument(argument);
    }

    /** The keyed hash under which {@code number} appears in the ledger and in {@code consent_state}. */
    public String subjectOf(PhoneNumber number) {
        return key.subjectOf(number);
    }

    private ContactStatus append(PhoneNumber number, ConsentKind kind, Channel channel, Long wordingId, String staff,
                                 String evidence, String firstName, boolean createContact) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(channel, "channel");
        String who = clean(staff, NAME_MAX, "consent.error.staff.too.long");
        String proof = clean(evidence, TEXT_MAX, "consent.error.evidence.too.long");
        String subject = key.subjectOf(number);
        Ledger.Head[] appended = new Ledger.Head[1];
        Instant[] at = new Instant[1];
        ContactStatus result = db.inTransaction(c -> {
            Ledger.Head head = ledger.lockHead(c);
            // the time is read once the head is ours: another till's append, committed while this one waited for the
            // lock, is then never later than this one (the chain's time never goes backwards); with several tills it
            // is the server's clock, so a till whose clock is off neither back-dates nor blocks the others
            Instant now = clock.now(c);
            at[0] = now;
            ConsentWording wording = null;
            if (wordingId != null) {
                wording = ConsentWordings.find(c, wordingId).orElseThrow(() ->
                        new ComptoirException(UserMessage.of("consent.error.wording.unknown", wordingId)));
            }
            Long stateWording = wording == null ? null : wording.id();
            if (kind == ConsentKind.CONFIRMED) {
                // one read of the state gives both the check and the opt-in's wording, which the confirmation keeps
                Optional<State> current = state(c, subject);
                if (current.isEmpty() || current.get().status() != ConsentStatus.OPTED_IN) {
                    throw new ComptoirException(UserMessage.of("consent.error.confirm.not.opted.in"));
                }
                stateWording = current.get().wordingId();
                wording = stateWording == null ? null : ConsentWordings.find(c, stateWording).orElse(null);
            }
            if (createContact) {
                upsertContact(c, number, subject, firstName, now);
            }
            if (kind == ConsentKind.ERASED) {
                Jdbc.update(c, "DELETE FROM contact WHERE subject = ?", subject); // tags go by ON DELETE CASCADE
                for (ErasureStep step : erasureSteps) {
                    step.erase(c, number, subject);
                }
            }
            appended[0] = ledger.append(c, head, subject, kind, channel, wording, stateWording, who, proof, now);
            // the state just written is known: only the contact row is read back
            return status(c, number, subject, new State(kind.resultingStatus(), now, stateWording)).orElseThrow();
        });
        // after the commit: a line for a row that was rolled back would be a checkpoint no ledger extends
        checkpoints.append(new LedgerHead(appended[0].lastSeq(), appended[0].lastHash(), at[0]));
        return result;
    }

    private static void upsertContact(Connection c, PhoneNumber number, String subject, String firstName, Instant now)
            throws SQLException {
        Optional<Long> id = Jdbc.queryOne(c, "SELECT id FROM contact WHERE subject = ?", rs -> rs.getLong(1), subject);
        if (id.isEmpty()) {
            Jdbc.update(c, "INSERT INTO contact (subject, phone_e164, national_digits, first_name, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)", subject, number.e164(), number.nationalNumber(), firstName, now);
        } else if (firstName != null) {
            Jdbc.update(c, "UPDATE contact SET first_name = ? WHERE id = ?", firstName, id.get());
        }
    }

    /** A person's {@code consent_state} row. */
    private record State(ConsentStatus status, Instant since, Long wordingId) {
    }

    private static Optional<State> state(Connection c, String subject) throws SQLException {
        return Jdbc.queryOne(c, "SELECT status, since, wording_id FROM consent_state WHERE subject = ?",
                rs -> new State(ConsentStatus.valueOf(rs.getString("status")), Jdbc.instant(rs, "since"),
                        rs.getObject("wording_id", Long.class)), subject);
    }

    private static Optional<ContactStatus> status(Connection c, PhoneNumber number, String subject) throws SQLException {
        return status(c, number, subject, state(c, subject).orElse(null));
    }

    /** What is known of a person whose state is {@code state} (null when never asked), with their contact row. */
    private static Optional<ContactStatus> status(Connection c, PhoneNumber number, String subject, State state)
            throws SQLException {
        Optional<ContactStatus> contact = Jdbc.queryOne(c, "SELECT id, first_name FROM contact WHERE subject = ?",
                rs -> new ContactStatus(rs.getLong(1), number, rs.getString(2), null, null), subject);
        if (contact.isEmpty() && state == null) {
            return Optional.empty();
        }
        ConsentStatus status = state == null ? null : state.status();
        Instant since = state == null ? null : state.since();
        if (status == ConsentStatus.ERASED && contact.isEmpty()) {
            return Optional.of(new ContactStatus(null, null, null, status, since));
        }
        return Optional.of(new ContactStatus(contact.map(ContactStatus::contactId).orElse(null),
                number, contact.map(ContactStatus::firstName).orElse(null), status, since));
    }

    private static String clean(String value, int max, String tooLongKey) {
        String v = value == null ? null : withoutControls(value).strip();
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > max) {
            throw new ComptoirException(UserMessage.of(tooLongKey, max));
        }
        return v;
    }

    /**
     * Control characters (line breaks, escapes that drive a terminal, bidirectional overrides that reorder what the
     * UI shows) become spaces: a staff name or an evidence text is shown to an auditor exactly as it reads.
     */
    static String withoutControls(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> out.appendCodePoint(isControl(cp) ? ' ' : cp));
        return out.toString();
    }

    static boolean isControl(int cp) {
        return Character.getType(cp) == Character.CONTROL
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }
}
