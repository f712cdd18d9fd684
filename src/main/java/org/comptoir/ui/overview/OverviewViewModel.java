package org.comptoir.ui.overview;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignStatus;
import org.comptoir.consent.ContactDirectory;
import org.comptoir.consent.ContactQuery;
import org.comptoir.dispatch.OutboxReport;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.schedule.WindowText;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.Settings;
import org.comptoir.sms.SmsText;
import org.comptoir.ui.TaskExecutor;
import org.comptoir.ui.contacts.ContactsViewModel.Filter;
import org.comptoir.ui.sending.SendingServices;

/**
 * The owner's home: how many people said yes, withdrew or refused, how the last campaign went (sent, delivered,
 * failed, opt-outs within 7 days), the next programmed send and when its first SMS really leaves, and the gateway's
 * state. Everything is read in one background job ({@link #load()}); each figure names the screen that shows it.
 */
public final class OverviewViewModel {

    /** The last campaign that was sent (or is being sent), in numbers. */
    public record LastCampaign(long id, String name, String status, long sent, long delivered, long failed,
                               long optOuts) {
    }

    /** The next SCHEDULED campaign: when it was programmed for, and when its first SMS can really leave. */
    public record NextSend(long id, String name, String programmedFor, String firstSend) {
    }

    /** Everything the screen shows, read at once. */
    public record Snapshot(Map<Filter, Long> contacts, Optional<LastCampaign> last, Optional<NextSend> next,
                           String gateway, boolean modem) {
    }

    private final ContactDirectory contacts;
    private final SendingServices sending;
    private final Settings settings;
    private final Messages messages;
    private final TaskExecutor executor;

    // Properties
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");

    public OverviewViewModel(ContactDirectory contacts, SendingServices sending, Settings settings, Messages messages,
                             TaskExecutor executor) {
        this.contacts = contacts;
        this.settings = settings;
        this.sending = sending;
        this.messages = messages;
        this.executor = executor;
    }

    // Commands

    /** Reads every figure in the background; the snapshot changes once, on the FX thread. */
    public void load() {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        executor.execute(this::read, s -> {
            loading.set(false);
            error.set("");
            snapshot.set(s);
        }, e -> {
            loading.set(false);
            error.set(e instanceof ComptoirException ce ? messages.render(ce.userMessage())
                    : messages.get("app.error.unexpected", String.valueOf(e.getMessage())));
        });
    }

    /** Blocks on the database (a count per status, two campaign queries, a forecast) and maybe the gateway. */
    private Snapshot read() throws Exception {
        Map<Filter, Long> counts = new java.util.EnumMap<>(Filter.class);
        for (Filter f : Filter.values()) {
            counts.put(f, contacts.search(new ContactQuery("", f.statuses(), f == Filter.ALL
                    ? ContactQuery.SortKey.CREATED : ContactQuery.SortKey.SINCE, false, 0, 1)).total());
        }
        List<Campaign> all = sending.campaigns().list();
        Optional<LastCampaign> last = all.stream()
                .filter(c -> c.status() == CampaignStatus.DONE || c.status() == CampaignStatus.SENDING
                        || c.status() == CampaignStatus.PAUSED || c.status() == CampaignStatus.CANCELLED)
                .findFirst() // newest first
                .flatMap(c -> sending.report().of(c.id()).map(s -> lastOf(c, s)));
        Optional<NextSend> next = all.stream().filter(c -> c.status() == CampaignStatus.SCHEDULED)
                .min(Comparator.comparing(c -> c.scheduledAt() == null ? Instant.MAX : c.scheduledAt()))
                .map(this::nextOf);
        boolean modem = "modem".equals(settings.get(ModemSettings.GATEWAY));
        return new Snapshot(counts, last, next, sending.gatewayWords().call(), modem);
    }

    private LastCampaign lastOf(Campaign c, OutboxReport.Summary s) {
        Map<String, Long> n = s.counts();
        long optOuts = sending.query().optOutsAfter(c.id()).size();
        return new LastCampaign(c.id(), c.name(), messages.get("campaign.status." + s.status()),
                n.getOrDefault("SENT", 0L) + n.getOrDefault("DELIVERED", 0L), n.getOrDefault("DELIVERED", 0L),
                n.getOrDefault("FAILED", 0L), optOuts);
    }

    private NextSend nextOf(Campaign c) {
        Instant now = sending.clock().instant();
        Instant at = c.scheduledAt() == null || c.scheduledAt().isBefore(now) ? now : c.scheduledAt();
        var composer = sending.campaigns().composer(c);
        int parts = Math.max(1, SmsText.analyze(composer.worstCase(c.template(), List.of())).parts());
        String first = sending.query().beforeStart(new Audience(c.kind(), c.audienceTag()), parts, at)
                .firstSendText(messages);
        return new NextSend(c.id(), c.name(), WindowText.when(at, sending.query().shopZone(), messages), first);
    }

    // Properties (read side)

    /** Null until the first load has finished. */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** Why the figures could not be read, empty when they were. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
