package org.comptoir.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.comptoir.dispatch.CampaignProgress;
import org.comptoir.i18n.Messages;
import org.comptoir.schedule.WindowText;

/**
 * App-wide notices about the sending engine, whatever screen is open: a campaign has finished, or it has paused at
 * the edge of a sending window (until when, and why). Hears {@code GatewayOwner.addProgressListener} on the owner's
 * thread and decides on the FX thread, so it needs no lock.
 *
 * <p>The engine publishes a campaign it only defers to the next window too (its progress then carries the wait:
 * {@code OwnerLifecycleTest.aCampaignOnlyPostponedToTheNextWindowIsHeardWithItsWait}); the main window still reads the
 * campaigns heard SENDING again every {@code MainView.NOTICE_RECHECK} ({@link #sending()}), for a wait that ends
 * or starts with no message changing (a window that reopens while the queue sleeps).
 *
 * <p>A campaign first heard of already DONE gets no notice: the engine only publishes changes, but a delivery report
 * arriving for a campaign finished before the application started also publishes one.
 */
final class SendingNotices implements Consumer<CampaignProgress> {

    /** The window reasons (not the route's cap, not the gateway): those are "paused at a window edge". */
    private static final Set<String> WINDOW_REASONS = Set.of("OUTSIDE_HOURS", "SUNDAY", "HOLIDAY");

    /** What a notice says. */
    record Notice(String title, String text) {
    }

    private final Messages m;
    private final ZoneId shopZone;
    private final Consumer<Notice> show;
    private final BooleanSupplier sendingScreenShown;
    private final Map<Long, String> lastStatus = new HashMap<>();
    private final Map<Long, Instant> pausedUntil = new HashMap<>();

    /**
     * @param sendingScreenShown whether the sending screen is open: it tells a finish itself, so no second notice
     */
    SendingNotices(Messages m, ZoneId shopZone, Consumer<Notice> show, BooleanSupplier sendingScreenShown) {
        this.m = m;
        this.shopZone = shopZone;
        this.show = show;
        this.sendingScreenShown = sendingScreenShown;
    }

    /** On the engine's thread: hands over to the FX thread at once. */
    @Override
    public void accept(CampaignProgress p) {
        FxTaskExecutor.onFxThread(() -> heard(p));
    }

    /**
     * The campaigns heard SENDING, which the window reads again now and then: a wait can end with no message
     * changing (a window reopening while the queue sleeps). FX thread.
     */
    java.util.List<Long> sending() {
        return lastStatus.entrySet().stream().filter(e -> "SENDING".equals(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /** On the FX thread. */
    void heard(CampaignProgress p) {
        String before = lastStatus.put(p.campaignId(), p.status());
        if ("DONE".equals(p.status())) {
            pausedUntil.remove(p.campaignId());
            if (before != null && !"DONE".equals(before) && !sendingScreenShown.getAsBoolean()) {
                show.accept(new Notice(m.get("dispatch.ui.finished.title"), m.get("dispatch.ui.finished", p.name(),
                        p.sent(), p.count(org.comptoir.dispatch.OutboxState.FAILED),
                        p.count(org.comptoir.dispatch.OutboxState.SKIPPED),
                        p.count(org.comptoir.dispatch.OutboxState.UNKNOWN))));
            }
            return;
        }
        if ("SENDING".equals(p.status()) && p.waitingUntil() != null && WINDOW_REASONS.contains(p.waitingReason())
                && p.remaining() > 0 && !p.waitingUntil().equals(pausedUntil.get(p.campaignId()))) {
            pausedUntil.put(p.campaignId(), p.waitingUntil());
            show.accept(new Notice(m.get("notice.paused.title"), m.get("notice.paused", p.name(),
                    WindowText.when(p.waitingUntil(), shopZone, m), m.get("notice.reason." + p.waitingReason()),
                    p.remaining())));
        } else if (p.waitingUntil() == null) {
            pausedUntil.remove(p.campaignId());
        }
    }
}
