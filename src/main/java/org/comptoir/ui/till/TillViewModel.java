package org.comptoir.ui.till;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.ConsentWording;
import org.comptoir.consent.ContactDirectory;
import org.comptoir.consent.ContactStatus;
import org.comptoir.consent.DoubleOptIn;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.phone.PhoneParse;
import org.comptoir.settings.Settings;
import org.comptoir.settings.TillSettings;
import org.comptoir.ui.TaskExecutor;

/**
 * Consent capture at the till (and, with {@link Channel#KIOSK}, on the customer's kiosk).
 *
 * <p>Behaviour of "save" (Enter): with the box ticked it records an opt-in; with the box unticked it records
 * <em>nothing</em> and asks to tick the box or to press "Refused" — an unticked box is not an answer, and
 * recording it as a refusal would turn a cashier's slip into a "no" in the register. A number that is not a
 * mobile is refused with the reason and nothing is written. All service calls run on the executor.
 */
public final class TillViewModel {

    /** How the status line and the banner look. */
    public enum Tone { NONE, NEW, OPTED_IN, OPTED_OUT, ERASED, SUCCESS, DANGER, INFO }

    private final ConsentService consent;
    /** Asks for the SMS confirmation after an opt-in when double opt-in is on; null: never asks. */
    private final DoubleOptIn doubleOptIn;
    /** Gives the tags ticked at the till to the contact just saved; null: the till offers no tags (the kiosk). */
    private ContactDirectory contacts;
    private final Supplier<PhoneNumbers> phonesLoader;
    /** Null until {@link #load()} has read the shop's country. */
    private PhoneNumbers phones;
    private final Settings settings;
    private final Messages messages;
    private final TaskExecutor executor;
    private final Channel channel;
    private final DateTimeFormatter dates;
    private long wordingId = -1;
    /** Set by {@link #load()}; till.staff is never blank (its check) and defaults to "caisse". */
    private String staff;
    private long lookupGeneration;

    // Properties
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty firstName = new SimpleStringProperty("");
    private final BooleanProperty consentTicked = new SimpleBooleanProperty(false);
    private final StringProperty wordingText = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Tone> statusTone = new SimpleObjectProperty<>(Tone.NONE);
    private final StringProperty phoneError = new SimpleStringProperty("");
    private final StringProperty banner = new SimpleStringProperty("");
    private final ObjectProperty<Tone> bannerTone = new SimpleObjectProperty<>(Tone.NONE);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    /** Bumped each time the form is cleared after a save: the view puts the focus back on the phone field. */
    private final IntegerProperty cleared = new SimpleIntegerProperty(0);
    /** The shop's tags, offered as an optional quick choice (empty when there are none, or on the kiosk). */
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    /** The shop's consent languages, the first shown first; more than one: the customer chooses. */
    private final ObservableList<String> languages = FXCollections.observableArrayList();
    private final StringProperty language = new SimpleStringProperty("");
    private java.util.Map<String, ConsentWording> wordings = java.util.Map.of();
    private final ObservableSet<String> chosenTags = FXCollections.observableSet(new java.util.TreeSet<>());

    /** @param phones reads the shop's country (blocks): called once, on the executor, by {@link #load()} */
    public TillViewModel(ConsentService consent, Supplier<PhoneNumbers> phones, Settings settings, Messages messages,
                         TaskExecutor executor, Channel channel) {
        this(consent, null, phones, settings, messages, executor, channel);
    }

    /** @param doubleOptIn sends "Répondez OUI…" after each opt-in when {@code consent.double-optin} is on */
    public TillViewModel(ConsentService consent, DoubleOptIn doubleOptIn, Supplier<PhoneNumbers> phones,
                         Settings settings, Messages messages, TaskExecutor executor, Channel channel) {
        this.consent = consent;
        this.doubleOptIn = doubleOptIn;
        this.phonesLoader = phones;
        this.settings = settings;
        this.messages = messages;
        this.executor = executor;
        this.channel = channel;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(messages.locale())
                .withZone(ZoneId.systemDefault());
        language.addListener((obs, was, now) -> {
            if (now != null && !now.equals(was)) {
                showWording(now);
            }
        });
        phone.addListener((obs, was, now) -> {
            phoneError.set("");
            // The next customer starts typing: the previous confirmation (and its number) goes away.
            if ((was == null || was.isEmpty()) && now != null && !now.isEmpty()) {
                say("", Tone.NONE);
            }
        });
    }

    public StringProperty phoneProperty() { return phone; }

    public StringProperty firstNameProperty() { return firstName; }

    public BooleanProperty consentTickedProperty() { return consentTicked; }

    public StringProperty wordingTextProperty() { return wordingText; }

    public StringProperty statusProperty() { return status; }

    public ObjectProperty<Tone> statusToneProperty() { return statusTone; }

    public StringProperty phoneErrorProperty() { return phoneError; }

    public StringProperty bannerProperty() { return banner; }

    public ObjectProperty<Tone> bannerToneProperty() { return bannerTone; }

    public BooleanProperty busyProperty() { return busy; }

    public BooleanProperty readyProperty() { return ready; }

    public IntegerProperty clearedProperty() { return cleared; }

    public Channel channel() { return channel; }

    public ObservableList<String> tags() { return tags; }

    /** The languages the shop offers its wording in (read by {@link #load()}). */
    public ObservableList<String> languages() { return languages; }

    /**
     * The language of the wording shown to this customer; set it to one of {@link #languages()} to show that
     * wording (the opt-in or refusal then refers to it). Back to the first with each new customer.
     */
    public StringProperty languageProperty() { return language; }

    /** The tags ticked for this customer; given with the opt-in, emptied with the form. */
    public ObservableSet<String> chosenTags() { return chosenTags; }

    /**
     * Offers the shop's tags at the till: those ticked are added to the customer's (never replacing theirs) in the
     * same background job as the opt-in. Call before {@link #load()}.
     */
    public TillViewModel offeringTags(ContactDirectory directory) {
        this.contacts = directory;
        return this;
    }

    // Commands

    /** Loads the current consent wording (the checkbox label), the staff name and the shop's country. */
    public void load() {
        ContactDirectory directory = contacts;
        executor.execute(() -> new Loaded(wordingsByLanguage(), settings.get(TillSettings.TILL_STAFF),
                phonesLoader.get(), directory == null ? java.util.List.of()
                        : directory.tags().stream().map(ContactDirectory.TagCount::name).toList()), loaded -> {
            phones = loaded.phones();
            tags.setAll(loaded.tags());
            wordings = loaded.wordings();
            languages.setAll(loaded.wordings().keySet());
            showWording(languages.get(0));
            staff = loaded.staff();
            ready.set(true);
        }, this::fail);
    }

    /** The current wording of each of the shop's consent languages, in the shop's order (blocks). */
    private java.util.Map<String, ConsentWording> wordingsByLanguage() {
        java.util.Map<String, ConsentWording> byLanguage = new java.util.LinkedHashMap<>();
        for (String l : consent.consentLanguages()) {
            byLanguage.put(l, consent.currentWording(l));
        }
        return byLanguage;
    }

    private void showWording(String lang) {
        ConsentWording w = wordings.get(lang);
        if (w == null) {
            return;
        }
        language.set(lang);
        wordingId = w.id();
        wordingText.set(w.text());
    }

    private record Loaded(java.util.Map<String, ConsentWording> wordings, String staff, PhoneNumbers phones, java.util.List<String> tags) {
    }

    /**
     * Shows what is known about the number typed so far. Called by the view after a pause in typing; a reply
     * that arrives after the text changed again is dropped. Partial numbers (under 9 digits) say nothing yet.
     */
    public void lookup() {
        long generation = ++lookupGeneration;
        if (phones == null) {
            return;
        }
        String typed = phone.get();
        PhoneParse parsed = phones.parseMobile(typed);
        if (parsed instanceof PhoneParse.Invalid invalid) {
            clearStatus();
            long digits = typed == null ? 0 : typed.chars().filter(Character::isDigit).count();
            phoneError.set(digits >= 9 ? messages.render(invalid.reason()) : "");
            return;
        }
        PhoneNumber number = ((PhoneParse.Valid) parsed).number();
        executor.execute(() -> consent.lookup(number), found -> {
            if (generation == lookupGeneration) {
                showStatus(found);
            }
        }, this::fail);
    }

    /** Enter: opt-in when the box is ticked; otherwise nothing is recorded and the banner says what to do. */
    public void save() {
        Optional<PhoneNumber> number = validNumber();
        if (number.isEmpty()) {
            return;
        }
        if (!consentTicked.get()) {
            say(messages.get(channel == Channel.KIOSK ? "kiosk.tick.first" : "till.tick.or.refuse"), Tone.INFO);
            return;
        }
        String name = firstName.get() == null || firstName.get().isBlank() ? null : firstName.get().strip();
        long wording = wordingId;
        java.util.Set<String> chosen = java.util.Set.copyOf(chosenTags);
        ContactDirectory directory = contacts;
        record(number.get(), () -> {
            ContactStatus saved = consent.recordOptIn(number.get(), name, wording, channel, staff);
            if (directory != null && !chosen.isEmpty() && saved.contactId() != null) {
                directory.addTags(saved.contactId(), chosen);
            }
            if (doubleOptIn != null) {
                doubleOptIn.afterCapture(number.get(), saved);
            }
            return saved;
        }, channel == Channel.KIOSK ? "kiosk.saved.optin" : "till.saved.optin");
    }

    /** "Refused": the customer was asked and said no. */
    public void refuse() {
        long wording = wordingId;
        validNumber().ifPresent(n -> record(n, () -> consent.recordRefusal(n, wording, channel, staff), "till.saved.refusal"));
    }

    /** "Unsubscribe (STOP)": the customer asks in the shop to receive nothing more. */
    public void optOut() {
        String evidence = messages.get("till.optout.evidence");
        validNumber().ifPresent(n -> record(n, () -> consent.recordOptOut(n, channel, staff, evidence), "till.saved.optout"));
    }

    /** Erasure; the view asks for confirmation and the owner PIN before calling this. */
    public void erase() {
        validNumber().ifPresent(n -> record(n, () -> consent.erase(n, staff), "till.saved.erased"));
    }

    /** The number typed, when it is a mobile; otherwise the reason shows under the field. */
    public Optional<PhoneNumber> validNumber() {
        if (phones == null) {
            return Optional.empty();
        }
        PhoneParse parsed = phones.parseMobile(phone.get());
        if (parsed instanceof PhoneParse.Invalid invalid) {
            phoneError.set(messages.render(invalid.reason()));
            say("", Tone.NONE);
            return Optional.empty();
        }
        return Optional.of(((PhoneParse.Valid) parsed).number());
    }

    public String formatNational(PhoneNumber number) {
        return phones.formatNational(number);
    }

    private void record(PhoneNumber number, Callable<ContactStatus> work, String doneKey) {
        if (busy.get() || !ready.get()) {
            return;
        }
        busy.set(true);
        executor.execute(work, done -> {
            busy.set(false);
            clearForm();
            say(messages.get(doneKey, phones.formatNational(number)), doneKey.endsWith("optin") ? Tone.SUCCESS : Tone.INFO);
        }, failure -> {
            busy.set(false);
            fail(failure);
        });
    }

    /** Empties the form for the next customer without recording anything (the till's "Nouveau client"). */
    public void clear() {
        if (!busy.get()) {
            clearForm();
            say("", Tone.NONE);
        }
    }

    private void clearForm() {
        lookupGeneration++;
        phone.set("");
        firstName.set("");
        consentTicked.set(false);
        chosenTags.clear();
        if (!languages.isEmpty()) {
            showWording(languages.get(0));
        }
        phoneError.set("");
        clearStatus();
        cleared.set(cleared.get() + 1);
    }

    private void clearStatus() {
        status.set("");
        statusTone.set(Tone.NONE);
    }

    private void showStatus(Optional<ContactStatus> found) {
        if (found.isEmpty() || found.get().status() == null) {
            status.set(messages.get("till.status.new"));
            statusTone.set(Tone.NEW);
            return;
        }
        ContactStatus s = found.get();
        String since = s.since() == null ? "" : dates.format(s.since());
        String text = messages.get("till.status." + s.status().name().toLowerCase(Locale.ROOT), since);
        if (s.firstName() != null && !s.firstName().isBlank()) {
            text = s.firstName() + " · " + text;
        }
        status.set(text);
        statusTone.set(switch (s.status()) {
            case OPTED_IN, CONFIRMED -> Tone.OPTED_IN;
            case OPTED_OUT, REFUSED -> Tone.OPTED_OUT;
            case ERASED -> Tone.ERASED;
        });
    }

    private void say(String text, Tone tone) {
        banner.set(text);
        bannerTone.set(tone);
    }

    private void fail(Throwable failure) {
        say(failure instanceof ComptoirException ce ? messages.render(ce.userMessage())
                : messages.get("app.error.unexpected", String.valueOf(failure.getMessage())), Tone.DANGER);
    }
}
