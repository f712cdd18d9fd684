package org.comptoir.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.comptoir.consent.ConsentKind;
import org.comptoir.consent.ConsentSettings;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.settings.Settings;
import org.comptoir.sms.SmsEncoding;
import org.comptoir.sms.SmsText;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.comptoir.store.RowMapper;

/**
 * The contacts a campaign may reach, straight from {@code contact} and {@code consent_state}, in SQL so a
 * 100,000-contact store answers in milliseconds.
 *
 * <p>MARKETING: consent status OPTED_IN or CONFIRMED (only CONFIRMED when {@value #DOUBLE_OPT_IN} is on), and
 * the person's latest ledger event agrees (a state row alone is not trusted), and
 * fewer than {@code campaign.frequency-cap} marketing SMS sent or delivered to the subject in the last
 * {@link #CAP_WINDOW}. SERVICE: every contact whose status is not OPTED_OUT or ERASED and whose latest ledger
 * event is not an opt-out or an erasure (a refusal of promotions does not forbid telling a customer their order is
 * ready; a doctored state row does not bring back someone who said STOP). This is the audience when scheduling; the sending
 * engine checks consent again at the moment of sending (DESIGN.md invariant 1).
 *
 * <p>Thread-safe; every method blocks on the database: never call it on the JavaFX thread.
 */
public final class AudienceQuery {

    /** The consent feature's switch: only CONFIRMED contacts receive promotions when it is on. */
    public static final String DOUBLE_OPT_IN = ConsentSettings.DOUBLE_OPTIN;
    public static final Duration CAP_WINDOW = Duration.ofDays(30);

    private static final RowMapper<Recipient> RECIPIENT = rs -> new Recipient(rs.getLong("id"),
            rs.getString("subject"), rs.getString("phone_e164"), rs.getString("first_name"));

    private final Database database;
    private final Settings settings;
    private final Clock clock;

    public AudienceQuery(Database database, Settings settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    /** How many contacts the audience holds now. */
    public long count(Audience audience) {
        Filter f = filter(audience);
        return database.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) " + f.sql, f.params.toArray()));
    }

    /** One page of recipients, by contact id. */
    public List<Recipient> page(Audience audience, int offset, int limit) {
        Filter f = filter(audience);
        List<Object> params = new ArrayList<>(f.params);
        params.add(limit);
        params.add(offset);
        return database.withConnection(c -> Jdbc.query(c,
                "SELECT c.id, c.subject, c.phone_e164, c.first_name " + f.sql + " ORDER BY c.id LIMIT ? OFFSET ?",
                RECIPIENT, params.toArray()));
    }

    /** What {@link #forEach} does with each recipient, on the caller's connection. */
    @FunctionalInterface
    public interface RecipientSink {
        void accept(Recipient recipient) throws SQLException;
    }

    /**
     * Streams the whole audience, by contact id, in one query on {@code connection} (so the caller can write
     * what it derives in the same transaction, e.g. the outbox when a campaign starts). Same rules as
     * {@link #count}. Blocks on the database; returns how many recipients were streamed.
     */
    public long forEach(Connection connection, Audience audience, RecipientSink sink) throws SQLException {
        return stream(connection, audience, "c.id", sink);
    }

    /**
     * {@link #forEach}, by subject (the keyed hash of the number) instead of contact id: the order in which the
     * outbox's index on the subject ({@code outbox_once (campaign_id, subject)}) takes new entries one after
     * the other, where the contact id's order scatters them over every page of that index (docs/performance.md,
     * "Sending engine"). H2 sorts the audience either way: neither order comes from the index it starts from.
     */
    public long forEachBySubject(Connection connection, Audience audience, RecipientSink sink) throws SQLException {
        return stream(connection, audience, "c.subject", sink);
    }

    private long stream(Connection connection, Audience audience, String order, RecipientSink sink) throws SQLException {
        Filter f = filter(audience);
        long n = 0;
        try (PreparedStatement st = Jdbc.prepare(connection,
                "SELECT c.id, c.subject, c.phone_e164, c.first_name " + f.sql + " ORDER BY " + order, f.params.toArray());
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                sink.accept(RECIPIENT.map(rs));
                n++;
            }
        }
        return n;
    }

    /**
     * A recipient for the preview: any one with a first name, else any one. No ORDER BY, so the database stops
     * at the first match instead of sorting the whole audience.
     */
    public Optional<Recipient> sample(Audience audience) {
        Filter f = filter(audience);
        String select = "SELECT c.id, c.subject, c.phone_e164, c.first_name " + f.sql;
        return database.withConnection(c -> {
            Optional<Recipient> named = Jdbc.queryOne(c,
                    select + " AND c.first_name IS NOT NULL AND c.first_name <> '' LIMIT 1", RECIPIENT, f.params.toArray());
            return named.isPresent() ? named : Jdbc.queryOne(c, select + " LIMIT 1", RECIPIENT, f.params.toArray());
        });
    }

    /**
     * Size, worst-case first names and a preview recipient (what the editor needs on a change of kind or tag) in
     * one pass: the first names of the whole audience are streamed and counted here rather than grouped by H2,
     * whose GROUP BY over the join measured several times slower than the plain scan.
     */
    public AudienceSummary summary(Audience audience) {
        Filter f = filter(audience);
        return database.withConnection(c -> {
            long count = 0;
            Set<String> names = new TreeSet<>(); // sorted: ties between equally long names resolve the same way every time
            Map<String, String> zoneSamples = new TreeMap<>();
            Recipient sample = null;
            try (PreparedStatement st = Jdbc.prepare(c,
                    "SELECT c.id, c.subject, c.phone_e164, c.first_name " + f.sql, f.params.toArray());
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    count++;
                    String name = rs.getString("first_name");
                    boolean named = name != null && !name.isEmpty();
                    if (named) {
                        names.add(name);
                    }
                    String number = rs.getString("phone_e164");
                    zoneSamples.putIfAbsent(number.substring(0, Math.min(number.length(), ZONE_PREFIX)), number);
                    if (sample == null || (named && (sample.firstName() == null || sample.firstName().isEmpty()))) {
                        sample = RECIPIENT.map(rs);
                    }
                }
            }
            return new AudienceSummary(count, worstCaseOf(new ArrayList<>(names)), Optional.ofNullable(sample),
                    List.copyOf(zoneSamples.values()));
        });
    }

    /**
     * @param count               recipients now
     * @param worstCaseFirstNames see {@link #worstCaseFirstNames}
     * @param sample              a recipient for the preview, empty when the audience is
     * @param zoneSamples         one number per distinct {@value #ZONE_PREFIX}-character prefix (+33612, +26269,
     *                            +59069, +12125...): enough to find every territory and time zone of the audience,
     *                            so the editor can say when the first message may leave
     */
    public record AudienceSummary(long count, List<String> worstCaseFirstNames, Optional<Recipient> sample,
                                  List<String> zoneSamples) {

        public AudienceSummary {
            zoneSamples = List.copyOf(zoneSamples);
        }

        /** Without zone samples (kept for callers that build one by hand). */
        public AudienceSummary(long count, List<String> worstCaseFirstNames, Optional<Recipient> sample) {
            this(count, worstCaseFirstNames, sample, List.of());
        }
    }

    /** "+" and five digits: a country code and the start of the national number, where territories differ. */
    static final int ZONE_PREFIX = 6;

    /** Every tag in use, sorted. */
    public List<String> tags() {
        return database.withConnection(c -> Jdbc.query(c,
                "SELECT DISTINCT tag FROM contact_tag ORDER BY tag", rs -> rs.getString(1)));
    }

    /**
     * The few first names that can give the longest message: the longest in GSM septets among names the GSM
     * alphabet can write, and the longest in UTF-16 units overall and among names that force Unicode (one
     * "Anaïs" switches a whole message to 70-unit parts). The counter renders the text with each and keeps the
     * worst, so no recipient gets more parts than the editor showed.
     */
    public List<String> worstCaseFirstNames(Audience audience) {
        Filter f = filter(audience);
        List<String> names = database.withConnection(c -> Jdbc.query(c,
                "SELECT DISTINCT c.first_name " + f.sql + " AND c.first_name IS NOT NULL AND c.first_name <> ''",
                rs -> rs.getString(1), f.params.toArray()));
        return worstCaseOf(names);
    }

    static List<String> worstCaseOf(List<String> names) {
        String longestGsm = null;
        String longestUnits = null;
        String longestUnicode = null;
        int gsmSeptets = -1;
        for (String name : names) {
            if (SmsText.isGsm(name)) {
                int septets = SmsText.unitsOf(name, SmsEncoding.GSM7);
                if (septets > gsmSeptets) {
                    gsmSeptets = septets;
                    longestGsm = name;
                }
            } else if (longestUnicode == null || name.length() > longestUnicode.length()) {
                longestUnicode = name;
            }
            if (longestUnits == null || name.length() > longestUnits.length()) {
                longestUnits = name;
            }
        }
        List<String> out = new ArrayList<>(3);
        for (String n : new String[] {longestGsm, longestUnits, longestUnicode}) {
            if (n != null && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private Filter filter(Audience audience) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(" FROM ");
        if (audience.tag() != null) {
            // Start from the tagged contacts, usually a few among many. The LIMIT keeps H2 from flattening the
            // derived table and starting from consent_state instead: 2-3x faster at 100k contacts
            // (docs/performance.md).
            sql.append("(SELECT contact_id FROM contact_tag WHERE tag = ? LIMIT 2147483647) t"
                    + " JOIN contact c ON c.id = t.contact_id ");
            params.add(audience.tag());
        } else {
            sql.append("contact c ");
        }
        if (audience.kind() == CampaignKind.MARKETING) {
            boolean doubleOptIn = settings.getBoolean(DOUBLE_OPT_IN);
            // the consent feature's own rule decides which statuses allow promotions; no second copy here
            String allowed = Arrays.stream(ConsentStatus.values()).filter(s -> s.allowsMarketing(doubleOptIn))
                    .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
            String allowedKinds = Arrays.stream(ConsentKind.values())
                    .filter(k -> k.resultingStatus().allowsMarketing(doubleOptIn))
                    .map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));
            // The audience is what the ledger says (DESIGN.md invariant 8): the state row must name the person's
            // latest ledger event, and that event must allow promotions, so a doctored consent_state alone does not
            // put anyone in. Both look-ups walk consent_event's (subject, seq) index.
            sql.append("JOIN consent_state s ON s.subject = c.subject "
                    + "JOIN consent_event e ON e.subject = s.subject AND e.seq = s.last_seq WHERE s.status IN (")
                    .append(allowed).append(") AND e.kind IN (").append(allowedKinds).append(")")
                    .append(" AND NOT EXISTS (SELECT 1 FROM consent_event n WHERE n.subject = s.subject AND n.seq > s.last_seq)");
            // At the cap when the cap-th newest marketing send is inside the window: one primary-key look-up per
            // contact in recipient_sends (kept by the outbox's trigger, V14), instead of grouping every recent
            // outbox row, which grew with each campaign.
            int cap = settings.getInt(CampaignSettings.FREQUENCY_CAP);
            sql.append(" AND NOT EXISTS (SELECT 1 FROM recipient_sends r WHERE r.subject = c.subject"
                    + " AND CASE WHEN CARDINALITY(r.recent) >= ? THEN r.recent[?] END >= ?)");
            params.add(cap);
            params.add(cap);
            params.add(Instant.now(clock).minus(CAP_WINDOW));
        } else {
            // Everyone but those who said STOP or were erased, and the ledger has the last word here too (DESIGN.md
            // invariant 8): a person whose latest ledger event is an opt-out or an erasure stays out whatever
            // consent_state says (a state row edited to OPTED_IN, or deleted), and a state row saying so keeps
            // them out as well. The latest event is one look-up on consent_event's (subject, seq) index.
            String stopped = Arrays.stream(ConsentKind.values())
                    .filter(k -> k.resultingStatus() == ConsentStatus.OPTED_OUT || k.resultingStatus() == ConsentStatus.ERASED)
                    .map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));
            sql.append("LEFT JOIN consent_state s ON s.subject = c.subject WHERE (s.status IS NULL OR s.status NOT IN ('")
                    .append(ConsentStatus.OPTED_OUT).append("', '").append(ConsentStatus.ERASED).append("'))")
                    .append(" AND NOT EXISTS (SELECT 1 FROM consent_event e WHERE e.subject = c.subject AND e.kind IN (")
                    .append(stopped).append(") AND NOT EXISTS (SELECT 1 FROM consent_event n")
                    .append(" WHERE n.subject = e.subject AND n.seq > e.seq))");
        }
        return new Filter(sql.toString(), params);
    }

    private record Filter(String sql, List<Object> params) {
    }
}
