package org.comptoir.ui.sending;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignStatus;
import org.comptoir.dispatch.CampaignProgressQuery;
import org.comptoir.dispatch.Outbox;
import org.comptoir.dispatch.OutboxReport;
import org.comptoir.dispatch.OutboxState;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.DialogService;
import org.comptoir.ui.TaskExecutor;

/**
 * The report of one campaign: counts by state, the failures and skips with their reasons, the opt-outs received
 * within seven days after it, its sends over time, and the messages of unknown fate with the owner's decisions (mark
 * sent, send again, drop; each confirmed with named buttons and audited by {@link Outbox#decide}). Reads through
 * the executor; never touches a Node.
 */
public final class CampaignReportViewModel {

    /** One state and how many messages are in it. */
    public record StateCount(String state, String label, long count) {
    }

    /** One message in a table: the row's id (for a decision), its number, its state and reason in words, when. */
    public record Line(long outboxId, String number, String state, String reason, String at) {
    }

    private final SendingServices services;
    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final DateTimeFormatter when;

    // Properties
    private final ObservableList<Campaign> campaigns = FXCollections.observableArrayList();
    private final ObjectProperty<Campaign> selected = new SimpleObjectProperty<>();
    private final StringProperty headline = new SimpleStringProperty("");
    private final ObservableList<StateCount> counts = FXCollections.observableArrayList();
    private final ObservableList<Line> problems = FXCollections.observableArrayList();
    private final ObservableList<Line> unknown = FXCollections.observableArrayList();
    private final ObservableList<Line> optOuts = FXCollections.observableArrayList();
    private final StringProperty optOutSummary = new SimpleStringProperty("");
    private final ObservableList<CampaignProgressQuery.Step> timeline = FXCollections.observableArrayList();
    private final StringProperty timelineUnit = new SimpleStringProperty("HH:mm");

    private Long preferred;

    public CampaignReportViewModel(SendingServices services, Messages messages, TaskExecutor executor,
                                   DialogService dialogs) {
        this.services = services;
        this.messages = messages;
        this.executor = executor;
        this.dialogs = dialogs;
        this.when = DateTimeFormatter.ofPattern(messages.get("dispatch.report.at.pattern"), messages.locale())
                .withZone(services.query().shopZone());
        selected.addListener((o, a, b) -> {
            if (b != null) {
                preferred = b.id();
            }
            load();
        });
    }

    // Commands

    /** Reloads the campaigns that were programmed, then shows {@code campaignId} (null: the last one shown, or the newest). */
    public void reload(Long campaignId) {
        if (campaignId != null) {
            preferred = campaignId;
        }
        executor.execute(() -> services.campaigns().list().stream().filter(c -> c.status() != CampaignStatus.DRAFT).toList(),
                all -> {
                    campaigns.setAll(all);
                    Optional<Campaign> pick = all.stream().filter(c -> c.id().equals(preferred)).findFirst()
                            .or(() -> all.stream().findFirst());
                    Campaign before = selected.get();
                    selected.set(pick.orElse(null));
                    if (pick.isEmpty()) {
                        headline.set(messages.get("dispatch.ui.none"));
                    } else if (pick.get().equals(before)) {
                        load(); // the same record fires no change
                    }
                }, this::fail);
    }

    private record Loaded(OutboxReport.Summary summary, List<CampaignProgressQuery.OptOut> optOuts,
                          List<CampaignProgressQuery.Step> timeline) {
    }

    private void load() {
        Campaign c = selected.get();
        if (c == null) {
            return;
        }
        long id = c.id();
        executor.execute(() -> new Loaded(services.report().of(id).orElseThrow(), services.query().optOutsAfter(id),
                services.query().timeline(id)), loaded -> {
                    if (selected.get() != null && selected.get().id() == id) {
                        show(loaded);
                    }
                }, this::fail);
    }

    private void show(Loaded l) {
        OutboxReport.Summary s = l.summary();
        headline.set(messages.get("dispatch.report.headline", s.name(), messages.get("campaign.status." + s.status()),
                s.total()));
        Map<String, Long> n = s.counts();
        counts.setAll(java.util.Arrays.stream(OutboxState.values())
                .map(st -> new StateCount(st.name(), messages.get("dispatch.state." + st.name()), n.get(st.name())))
                .toList());
        problems.setAll(s.problems().stream().filter(p -> !"UNKNOWN".equals(p.state())).map(this::line).toList());
        unknown.setAll(s.problems().stream().filter(p -> "UNKNOWN".equals(p.state())).map(this::line).toList());
        optOuts.setAll(l.optOuts().stream().map(o -> new Line(0, o.maskedNumber(),
                messages.has("consent.channel." + o.channel()) ? messages.get("consent.channel." + o.channel()) : o.channel(), "",
                o.at() == null ? "" : when.format(o.at()))).toList());
        long sent = n.get("SENT") + n.get("DELIVERED");
        optOutSummary.set(messages.get("dispatch.report.optouts", l.optOuts().size(), sent,
                sent == 0 ? "0" : String.format(messages.locale(), "%.1f", 100.0 * l.optOuts().size() / sent)));
        timelineUnit.set(l.timeline().size() > 1 && java.time.Duration.between(l.timeline().get(0).start(),
                l.timeline().get(1).start()).toHours() >= 23 ? "dd/MM" : "HH:mm");
        timeline.setAll(l.timeline());
    }

    private Line line(OutboxReport.Problem p) {
        String reason = p.error() != null && !p.error().isBlank() ? p.error()
                : p.reason() != null && messages.has("dispatch.reason." + p.reason()) ? messages.get("dispatch.reason." + p.reason())
                : p.reason() == null ? "" : p.reason();
        return new Line(p.outboxId(), p.recipient(), messages.get("dispatch.state." + p.state()), reason,
                p.at() == null ? "" : when.format(p.at()));
    }

    /**
     * The owner's decision on a message of unknown fate, after a confirmation whose buttons name it; audited. Send
     * again warns that the customer may get it twice.
     */
    public void decide(Line line, Outbox.Decision decision) {
        if (line == null) {
            return;
        }
        String key = "dispatch.report.decide." + decision.name().toLowerCase();
        if (!dialogs.confirm(messages.get("dispatch.report.unknown"), messages.get(key + ".confirm", line.number()),
                messages.get(key), messages.get("dispatch.report.decide.keep"))) {
            return;
        }
        executor.execute(() -> {
            services.outbox().decide(line.outboxId(), decision, "owner");
            return line;
        }, done -> load(), this::fail);
    }

    private void fail(Throwable error) {
        dialogs.showError(messages.get("dispatch.report.title"), error instanceof ComptoirException ce
                ? messages.render(ce.userMessage()) : messages.get("app.error.unexpected", String.valueOf(error.getMessage())));
    }

    /** The chart's step label ("14:00", or "30/11" for a campaign over several days), on the shop's clock. */
    public String stepLabel(CampaignProgressQuery.Step step) {
        ZoneId zone = services.query().shopZone();
        return DateTimeFormatter.ofPattern(timelineUnit.get()).withZone(zone).format(step.start());
    }

    // Accessors for the view

    public ObservableList<Campaign> campaigns() { return campaigns; }
    public ObjectProperty<Campaign> selectedProperty() { return selected; }
    public StringProperty headlineProperty() { return headline; }
    public ObservableList<StateCount> counts() { return counts; }
    public ObservableList<Line> problems() { return problems; }
    public ObservableList<Line> unknown() { return unknown; }
    public ObservableList<Line> optOuts() { return optOuts; }
    public StringProperty optOutSummaryProperty() { return optOutSummary; }
    public ObservableList<CampaignProgressQuery.Step> timeline() { return timeline; }
}
