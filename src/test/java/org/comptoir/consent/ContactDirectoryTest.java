package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.comptoir.consent.ConsentFixture.number;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.comptoir.consent.ContactQuery.SortKey;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactDirectoryTest {

    @TempDir
    Path dir;

    ConsentFixture f;
    ContactDirectory contacts;

    @BeforeEach
    void sixPeople() {
        f = new ConsentFixture(dir);
        contacts = f.contacts;
        long w = f.consent.currentWording().id();
        f.consent.recordOptIn(number("+33611111111"), "Zoé", w, Channel.TILL, "Léa");
        f.clock.advance(Duration.ofMinutes(1));
        f.consent.recordOptIn(number("+33622222222"), "anne", w, Channel.TILL, "Léa");
        f.clock.advance(Duration.ofMinutes(1));
        f.consent.recordOptIn(number("+33633333333"), "Bruno", w, Channel.TILL, "Léa");
        f.clock.advance(Duration.ofMinutes(1));
        f.consent.recordOptIn(number("+262692123456"), "Annick", w, Channel.TILL, "Léa");
        f.clock.advance(Duration.ofMinutes(1));
        f.consent.recordOptIn(number("+32470123456"), null, w, Channel.TILL, "Léa");
        f.clock.advance(Duration.ofMinutes(1));
        f.consent.recordOptIn(number("+33612000000"), "Marc", w, Channel.TILL, "Léa");
        f.clock.advance(Duration.ofMinutes(1));
        f.consent.recordOptOut(number("+33633333333"), Channel.SMS_KEYWORD, null, "STOP");
        // a last name, as an import would bring
        f.db.withConnection(c -> Jdbc.update(c, "UPDATE contact SET last_name = 'Annecy' WHERE first_name = 'Marc'"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    static List<String> names(ContactPage p) {
        return p.rows().stream().map(r -> r.firstName() == null ? "-" : r.firstName()).toList();
    }

    ContactPage search(String text, Set<ConsentStatus> statuses, SortKey sort, boolean asc, int offset, int limit) {
        return contacts.search(new ContactQuery(text, statuses, sort, asc, offset, limit));
    }

    @Test
    void sortsByNameIgnoringCaseWithNamelessFirst() {
        ContactPage p = search("", Set.of(), SortKey.NAME, true, 0, 100);
        assertThat(p.total()).isEqualTo(6);
        assertThat(names(p)).containsExactly("-", "anne", "Annick", "Bruno", "Marc", "Zoé");
        assertThat(names(search("", Set.of(), SortKey.NAME, false, 0, 2))).containsExactly("Zoé", "Marc");
    }

    @Test
    void pagesAreConsecutiveAndCountTheWhole() {
        ContactPage first = search("", Set.of(), SortKey.CREATED, true, 0, 4);
        ContactPage second = search("", Set.of(), SortKey.CREATED, true, 4, 4);
        assertThat(first.total()).isEqualTo(6);
        assertThat(second.total()).isEqualTo(6);
        assertThat(names(first)).containsExactly("Zoé", "anne", "Bruno", "Annick");
        assertThat(names(second)).containsExactly("-", "Marc");
        assertThat(names(search("", Set.of(), SortKey.CREATED, false, 0, 2))).containsExactly("Marc", "-");
    }

    @Test
    void sortsByNumberStatusAndSince() {
        assertThat(search("", Set.of(), SortKey.NUMBER, true, 0, 3).rows()).extracting(r -> r.number().e164())
                .containsExactly("+262692123456", "+32470123456", "+33611111111");
        assertThat(search("", Set.of(), SortKey.STATUS, true, 0, 10).rows()).extracting(ContactRow::status)
                .endsWith(ConsentStatus.OPTED_OUT);
        assertThat(names(search("", Set.of(), SortKey.SINCE, false, 0, 1))).containsExactly("Bruno");
    }

    @Test
    void filtersByStatus() {
        ContactPage out = search("", Set.of(ConsentStatus.OPTED_OUT), SortKey.NAME, true, 0, 10);
        assertThat(out.total()).isEqualTo(1);
        assertThat(out.rows().get(0).firstName()).isEqualTo("Bruno");
        assertThat(out.rows().get(0).status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(search("", Set.of(ConsentStatus.OPTED_IN, ConsentStatus.CONFIRMED), SortKey.NAME, true, 0, 10).total())
                .isEqualTo(5);
    }

    @Test
    void searchesByNamePrefixOnFirstOrLastName() {
        assertThat(names(search("ANN", Set.of(), SortKey.NAME, true, 0, 10))).containsExactly("anne", "Annick", "Marc");
        assertThat(names(search("zo", Set.of(), SortKey.NAME, true, 0, 10))).containsExactly("Zoé");
        assertThat(search("nne", Set.of(), SortKey.NAME, true, 0, 10).total()).isZero(); // prefix, not substring
        assertThat(search("a%", Set.of(), SortKey.NAME, true, 0, 10).total()).isZero(); // % is literal
    }

    @Test
    void aNamePrefixMatchingMoreThanTheIdListBoundFindsTheSameContacts() {
        ContactDirectory bounded = new ContactDirectory(f.db, 2); // "ann" matches 3: past the bound
        ContactPage page = bounded.search(new ContactQuery("ANN", Set.of(), SortKey.NAME, true, 0, 10));
        assertThat(names(page)).containsExactly("anne", "Annick", "Marc");
        assertThat(page.total()).isEqualTo(3);
        assertThat(names(bounded.search(new ContactQuery("zo", Set.of(), SortKey.NAME, true, 0, 10))))
                .containsExactly("Zoé"); // within the bound: the id list
        assertThat(bounded.search(new ContactQuery("a%", Set.of(), SortKey.NAME, true, 0, 10)).total()).isZero();
    }

    @Test
    void searchesByNumberPrefixAsTypedNationallyOrInternationally() {
        assertThat(names(search("06 1", Set.of(), SortKey.NAME, true, 0, 10))).containsExactly("Marc", "Zoé");
        assertThat(names(search("0612", Set.of(), SortKey.NAME, true, 0, 10))).containsExactly("Marc");
        assertThat(names(search("61", Set.of(), SortKey.NAME, true, 0, 10))).containsExactly("Marc", "Zoé");
        assertThat(names(search("+33 6 2", Set.of(), SortKey.NAME, true, 0, 10))).containsExactly("anne");
        assertThat(names(search("0032 470", Set.of(), SortKey.NAME, true, 0, 10))).containsExactly("-");
        assertThat(names(search("0692", Set.of(), SortKey.NAME, true, 0, 10))).containsExactly("Annick");
    }

    @Test
    void tagsAreReplacedAndShown() {
        long id = search("Zo", Set.of(), SortKey.NAME, true, 0, 1).rows().get(0).id();
        contacts.setTags(id, Set.of("vip", " mariage ", ""));
        assertThat(search("Zo", Set.of(), SortKey.NAME, true, 0, 1).rows().get(0).tags()).containsExactly("mariage", "vip");
        contacts.setTags(id, Set.of("vip"));
        assertThat(search("Zo", Set.of(), SortKey.NAME, true, 0, 1).rows().get(0).tags()).containsExactly("vip");
        assertThatThrownBy(() -> contacts.setTags(999_999, Set.of("x"))).isInstanceOf(ComptoirException.class);
        assertThatThrownBy(() -> contacts.setTags(id, Set.of("x".repeat(51)))).isInstanceOf(ComptoirException.class);
    }

    @Test
    void tagsCreatedBeforeUseAreListedWithTheirCountsAndFilterThePage() {
        assertThat(contacts.tags()).isEmpty();
        assertThat(contacts.createTag(" Fidèles ")).isEqualTo("Fidèles");
        assertThat(contacts.createTag("fidèles")).as("same tag, other case").isEqualTo("Fidèles");
        assertThat(contacts.tags()).containsExactly(new ContactDirectory.TagCount("Fidèles", 0));
        long zoe = search("Zo", Set.of(), SortKey.NAME, true, 0, 1).rows().get(0).id();
        long anne = search("anne", Set.of(), SortKey.NAME, true, 0, 1).rows().get(0).id();
        contacts.addTags(zoe, Set.of("FIDÈLES"));
        contacts.addTags(anne, Set.of("fidèles", "mariage"));
        contacts.addTags(anne, Set.of("vip"));
        assertThat(search("anne", Set.of(), SortKey.NAME, true, 0, 1).rows().get(0).tags())
                .containsExactly("Fidèles", "mariage", "vip");
        assertThat(contacts.tags()).containsExactly(new ContactDirectory.TagCount("Fidèles", 2),
                new ContactDirectory.TagCount("mariage", 1), new ContactDirectory.TagCount("vip", 1));
        ContactPage fideles = contacts.search(new ContactQuery("", Set.of(), SortKey.NAME, true, 0, 10, "Fidèles"));
        assertThat(fideles.total()).isEqualTo(2);
        assertThat(names(fideles)).containsExactly("anne", "Zoé");
        // untagging the last contact keeps the tag the owner made
        contacts.setTags(anne, Set.of("vip"));
        contacts.setTags(zoe, Set.of());
        assertThat(contacts.tags()).containsExactly(new ContactDirectory.TagCount("Fidèles", 0),
                new ContactDirectory.TagCount("mariage", 0), new ContactDirectory.TagCount("vip", 1));
        assertThatThrownBy(() -> contacts.createTag("  ")).isInstanceOf(ComptoirException.class);
        assertThatThrownBy(() -> contacts.createTag("x".repeat(51))).isInstanceOf(ComptoirException.class);
    }

    @Test
    void aRefusalOrStopFromSomeoneNeverOptedInIsListedUnderItsStatusWithoutKeepingTheNumber() {
        long w = f.consent.currentWording().id();
        f.clock.advance(Duration.ofMinutes(1));
        f.consent.recordRefusal(number("+33644444444"), w, Channel.TILL, "Léa");
        f.clock.advance(Duration.ofMinutes(1));
        f.consent.recordOptOut(number("+33655555555"), Channel.SMS_KEYWORD, null, "STOP");

        ContactPage refused = search("", Set.of(ConsentStatus.REFUSED), SortKey.SINCE, false, 0, 10);
        assertThat(refused.total()).isEqualTo(1);
        assertThat(refused.rows()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ConsentStatus.REFUSED);
            assertThat(r.kept()).isFalse();
            assertThat(r.number()).isNull();
            assertThat(r.since()).isEqualTo(LedgerEntry.truncate(f.clock.instant().minus(Duration.ofMinutes(1))));
        });
        ContactPage optedOut = search("", Set.of(ConsentStatus.OPTED_OUT), SortKey.SINCE, false, 0, 10);
        assertThat(optedOut.total()).isEqualTo(2);
        assertThat(optedOut.rows()).extracting(ContactRow::kept).containsExactly(false, true); // latest first
        assertThat(optedOut.rows().get(1).firstName()).isEqualTo("Bruno");
        // every sort still lists them, in the same total
        for (SortKey key : SortKey.values()) {
            assertThat(search("", Set.of(ConsentStatus.OPTED_OUT), key, true, 0, 10).rows()).as(key.name()).hasSize(2);
        }
        // minimisation: no contact row, no number stored for either
        long stored = f.db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM contact WHERE phone_e164 IN (?, ?)",
                "+33644444444", "+33655555555"));
        assertThat(stored).isZero();
        // "Tous" lists contacts, people with a number
        assertThat(search("", Set.of(), SortKey.NAME, true, 0, 10).total()).isEqualTo(6);
    }

    @Test
    void statusPagesFollowEachOtherWithoutRepeatOrGap() {
        long w = f.consent.currentWording().id();
        for (int i = 0; i < 25; i++) {
            // several at the same instant: the subject breaks the tie
            if (i % 3 == 0) {
                f.clock.advance(Duration.ofMinutes(1));
            }
            f.consent.recordRefusal(number(String.format("+337000000%02d", i)), w, Channel.TILL, "Léa");
        }
        List<ContactRow> all = new java.util.ArrayList<>();
        for (int offset = 0; offset < 25; offset += 10) {
            all.addAll(search("", Set.of(ConsentStatus.REFUSED), SortKey.SINCE, false, offset, 10).rows());
        }
        assertThat(all).hasSize(25);
        assertThat(all).extracting(ContactRow::since).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all.stream().map(ContactRow::since).distinct().count()).isEqualTo(9);
        assertThat(all).extracting(ContactRow::subject).doesNotHaveDuplicates();
    }

    @Test
    void badPagingIsRefused() {
        assertThatThrownBy(() -> new ContactQuery("", Set.of(), SortKey.NAME, true, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContactQuery("", Set.of(), SortKey.NAME, true, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bulkSeededContactsAreSearchableAndTheirLedgerVerifies() {
        ConsentBenchmark.seed(f.db, f.key, f.consent.currentWording(), 5_200);
        assertThat(search("", Set.of(), SortKey.NAME, true, 0, 10).total()).isEqualTo(5_206);
        assertThat(search("", Set.of(ConsentStatus.OPTED_OUT), SortKey.SINCE, false, 0, 10).total()).isEqualTo(521);
        ContactPage page = search("06 10 00 0", Set.of(), SortKey.NUMBER, true, 0, 5);
        assertThat(page.rows()).extracting(r -> r.number().e164())
                .containsExactly("+33610000000", "+33610000007", "+33610000014", "+33610000021", "+33610000028");
        VerifyReport r = f.consent.verify(); // more rows than one verify batch
        assertThat(r.firstProblem()).isEmpty();
        assertThat(r.rowsChecked()).isEqualTo(5_207 + 520); // a tenth of the seeded also unsubscribed
        f.clock.advance(java.time.Duration.ofDays(10)); // the seeded rows are dated up to 3.6 days after the clock
        f.consent.recordOptIn(number("+33799999999"), "Après", f.consent.currentWording().id(), Channel.TILL, "Léa");
        assertThat(f.consent.verify().intact()).isTrue();
    }
}
