package org.comptoir.ui.contacts;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.comptoir.consent.ConsentEventView;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.consent.ContactDirectory;
import org.comptoir.consent.ContactDirectory.TagCount;
import org.comptoir.consent.ContactPage;
import org.comptoir.consent.ContactQuery;
import org.comptoir.consent.ContactQuery.SortKey;
import org.comptoir.consent.ContactRow;
import org.comptoir.consent.LedgerProblem;
import org.comptoir.consent.VerifyReport;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.settings.Settings;
import org.comptoir.settings.TillSettings;
import org.comptoir.ui.TaskExecutor;

/**
 * The contact list, one page of {@value #PAGE_SIZE} at a time: search, status filter and sort are all done by
 * the database ({@link ContactDirectory}), never in memory, so 100,000 contacts cost no more than 100. Replies
 * to a query that has since changed are dropped.
 */
public final class ContactsViewModel {

    public static final int PAGE_SIZE = 100;

    /** The status filter's choices. */
    public enum Filter {
        ALL(Set.of()),
        SUBSCRIBED(Set.of(ConsentStatus.OPTED_IN, ConsentStatus.CONFIRMED)),
        OPTED_OUT(Set.of(ConsentStatus.OPTED_OUT)),
        REFUSED(Set.of(ConsentStatus.REFUSED));

        final Set<ConsentStatus> statuses;

        Filter(Set<ConsentStatus> statuses) {
            this.statuses = statuses;
        }

        /** The statuses this choice keeps (none: everyone). */
        public Set<ConsentStatus> statuses() {
            return statuses;
        }
    }

    /** A row with its number already formatted (formatting is done off the FX thread with the rest). */
    public record Line(ContactRow row, String phone) {
    }

    private final ContactDirectory contacts;
    private final ConsentService consent;
    private final Supplier<PhoneNumbers> phonesLoader;
    private final Settings settings;
    private final Messages messages;
    private final TaskExecutor executor;
    private volatile PhoneNumbers phones;
    private long generation;

    // Properties
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(Filter.ALL);
    private final ObjectProperty<SortKey> sort = new SimpleObjectProperty<>(SortKey.CREATED);
    private final BooleanProperty ascending = new SimpleBooleanProperty(false);
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final LongProperty total = new SimpleLongProperty(0);
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<ConsentEventView> history = FXCollections.observableArrayList();
    private final ObjectProperty<Line> selected = new SimpleObjectProperty<>();
    private final StringProperty banner = new SimpleStringProperty("");
    private final BooleanProperty bannerIsError = new SimpleBooleanProperty(false);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    /** Null: any tag. */
    private final ObjectProperty<String> tagFilter = new SimpleObjectProperty<>(null);
    private final ObservableList<TagCount> tags = FXCollections.observableArrayList();
    /** Every problem the last ledger check found, one sentence each (empty when intact or not run). */
    private final ObservableList<String> problems = FXCollections.observableArrayList();

    public ContactsViewModel(ContactDirectory contacts, ConsentService consent, Supplier<PhoneNumbers> phones,
                             Settings settings, Messages messages, TaskExecutor executor) {
        this.contacts = contacts;
        this.consent = consent;
        this.phonesLoader = phones;
        this.settings = settings;
        this.messages = messages;
        this.executor = executor;
        filter.addListener((obs, was, now) -> {
            // A status page opens latest first: the (status, since) index gives it without sorting every match
            // (docs/performance.md, "Contacts screen"); the owner can still sort by another column.
            if (now != Filter.ALL && was == Filter.ALL) {
                sort.set(SortKey.SINCE);
                ascending.set(false);
            } else if (now == Filter.ALL && sort.get() == SortKey.SINCE) {
                sort.set(SortKey.CREATED);
                ascending.set(false);
            }
            firstPage();
        });
        tagFilter.addListener((obs, was, now) -> firstPage());
        selected.addListener((obs, was, now) -> loadHistory(now));
    }

    public StringProperty searchProperty() { return search; }

    public ObjectProperty<Filter> filterProperty() { return filter; }

    public ObjectProperty<SortKey> sortProperty() { return sort; }

    public BooleanProperty ascendingProperty() { return ascending; }

    public IntegerProperty pageProperty() { return page; }

    public LongProperty totalProperty() { return total; }

    public ObservableList<Line> lines() { return lines; }

    public ObservableList<ConsentEventView> history() { return history; }

    public ObjectProperty<Line> selectedProperty() { return selected; }

    public StringProperty bannerProperty() { return banner; }

    public BooleanProperty bannerIsErrorProperty() { return bannerIsError; }

    public BooleanProperty loadingProperty() { return loading; }

    public ObjectProperty<String> tagFilterProperty() { return tagFilter; }

    /** Every tag with its number of contacts, by name. */
    public ObservableList<TagCount> tags() { return tags; }

    public ObservableList<String> problems() { return problems; }

    public int pageCount() {
        return (int) Math.max(1, (total.get() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    // Commands

    /** Back to page 1 and query (after the search text or the filter changed). */
    public void firstPage() {
        page.set(0);
        refresh();
    }

    public void nextPage() {
        if (page.get() + 1 < pageCount()) {
            page.set(page.get() + 1);
            refresh();
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            refresh();
        }
    }

    /** Sorts by {@code key} in the database; nothing happens when it is already the current order. */
    public void sortBy(SortKey key, boolean asc) {
        if (key == sort.get() && asc == ascending.get()) {
            return;
        }
        sort.set(key);
        ascending.set(asc);
        firstPage();
    }

    /** Queries the current page in the background. */
    public void refresh() {
        long mine = ++generation;
        ContactQuery q = new ContactQuery(search.get(), filter.get().statuses, sort.get(), ascending.get(),
                page.get() * PAGE_SIZE, PAGE_SIZE, tagFilter.get());
        loading.set(true);
        String notKept = messages.get("contacts.number.not.kept");
        executor.execute(() -> {
            ContactPage result = contacts.search(q);
            PhoneNumbers p = phones();
            return new Result(result.total(), result.rows().stream()
                    .map(r -> new Line(r, r.number() == null ? notKept : p.formatNational(r.number()))).toList());
        }, result -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            total.set(result.total());
            lines.setAll(result.lines());
        }, this::fail);
    }

    private record Result(long total, List<Line> lines) {
    }

    /** Reads the tags and their counts in the background. */
    public void loadTags() {
        executor.execute(contacts::tags, tags::setAll, this::fail);
    }

    /** Creates a tag nobody carries yet; an empty or too long name is refused with the reason in the banner. */
    public void createTag(String name, Runnable created) {
        executor.execute(() -> {
            String stored = contacts.createTag(name);
            return new Tagged(stored, contacts.tags());
        }, done -> {
            tags.setAll(done.tags());
            say(messages.get("contacts.tag.created", done.name()), false);
            created.run();
        }, this::fail);
    }

    /** Renames a tag on every contact and unsent campaign; a refused name says why in the banner. */
    public void renameTag(org.comptoir.consent.TagCatalog catalog, String from, String to, Runnable renamed) {
        executor.execute(() -> new Tagged(catalog.rename(from, to), contacts.tags()), done -> {
            tags.setAll(done.tags());
            if (from.equals(tagFilter.get())) {
                tagFilter.set(done.name());
            }
            say(messages.get("contacts.tag.renamed", done.name()), false);
            renamed.run();
            firstPage();
        }, this::fail);
    }

    /**
     * Deletes a tag after a confirmation that says how many contacts carry it (counted first, in the background);
     * refused while an unsent campaign targets it.
     */
    public void deleteTag(org.comptoir.consent.TagCatalog catalog, String tag, org.comptoir.ui.DialogService dialogs) {
        executor.execute(() -> catalog.contacts(tag), carried -> {
            if (!dialogs.confirm(messages.get("contacts.tags"), messages.get("contacts.tag.delete.confirm", tag, carried),
                    messages.get("contacts.tag.delete.yes"), messages.get("contacts.tag.delete.keep"))) {
                return;
            }
            executor.execute(() -> new Deleted(catalog.delete(tag), contacts.tags()), done -> {
                tags.setAll(done.tags());
                if (tag.equals(tagFilter.get())) {
                    tagFilter.set(null);
                }
                say(messages.get("contacts.tag.deleted", tag, done.carried()), false);
                firstPage();
            }, this::fail);
        }, this::fail);
    }

    /**
     * Gives the selected contact {@code tag}, or takes it away; the line and the counts are read again after.
     * Nothing happens for a person whose number is not kept (no contact row to tag).
     */
    public void setTag(String tag, boolean on) {
        Line line = selected.get();
        if (line == null || !line.row().kept() || line.row().tags().contains(tag) == on) {
            return;
        }
        java.util.Set<String> now = new java.util.TreeSet<>(line.row().tags());
        if (on) {
            now.add(tag);
        } else {
            now.remove(tag);
        }
        long id = line.row().id();
        executor.execute(() -> {
            contacts.setTags(id, now);
            return contacts.tags();
        }, counts -> {
            tags.setAll(counts);
            Line updated = new Line(new ContactRow(line.row().id(), line.row().subject(), line.row().number(),
                    line.row().firstName(), line.row().lastName(), line.row().status(), line.row().since(),
                    line.row().createdAt(), List.copyOf(now)), line.phone());
            int at = lines.indexOf(line);
            if (at >= 0) {
                lines.set(at, updated);
            }
            if (selected.get() == line) {
                selected.set(updated);
            }
        }, this::fail);
    }

    private record Deleted(long carried, List<TagCount> tags) {
    }

    private record Tagged(String name, List<TagCount> tags) {
    }

    /** Erases the selected person; the view has asked for confirmation and the owner PIN. */
    public void eraseSelected() {
        Line line = selected.get();
        if (line == null || line.row().number() == null) {
            return;
        }
        executor.execute(() -> consent.erase(line.row().number(), settings.get(TillSettings.TILL_STAFF)), done -> {
            say(messages.get("till.saved.erased", line.phone()), false);
            selected.set(null);
            refresh();
        }, this::fail);
    }

    /** Re-checks every hash of the consent ledger. */
    public void verify() {
        say(messages.get("contacts.verify.running"), false);
        problems.clear();
        executor.execute(consent::verify, (VerifyReport report) -> {
            if (report.intact()) {
                say(messages.get("contacts.verify.intact", report.rowsChecked()), false);
                return;
            }
            List<LedgerProblem> found = report.problems().isEmpty()
                    ? report.firstProblem().map(List::of).orElse(List.of()) : report.problems();
            say(messages.get(found.size() >= VerifyReport.MAX_PROBLEMS ? "contacts.verify.problems.more"
                    : "contacts.verify.problems", found.size()), true);
            problems.setAll(found.stream().map(p -> messages.render(p.message())).toList());
        }, this::fail);
    }

    private void loadHistory(Line line) {
        history.clear();
        if (line == null || !line.row().kept()) {
            return;
        }
        executor.execute(() -> consent.history(line.row().number()), events -> {
            if (line == selected.get()) {
                history.setAll(events);
            }
        }, this::fail);
    }

    private PhoneNumbers phones() {
        PhoneNumbers p = phones;
        if (p == null) {
            p = phonesLoader.get();
            phones = p;
        }
        return p;
    }

    private void say(String text, boolean error) {
        bannerIsError.set(error);
        banner.set(text);
    }

    private void fail(Throwable failure) {
        loading.set(false);
        say(failure instanceof ComptoirException ce ? messages.render(ce.userMessage())
                : messages.get("app.error.unexpected", String.valueOf(failure.getMessage())), true);
    }
}
