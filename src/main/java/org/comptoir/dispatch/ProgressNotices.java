package org.comptoir.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GatewayOwner}'s progress notices: the campaigns whose messages changed are gathered and, once per burst,
 * their fresh {@link CampaignProgress} goes to every listener on the owner's thread ({@code sending-owner}), so a
 * listener may miss intermediate counts, never the latest. Thread-safe; {@link #changed} never blocks.
 */
final class ProgressNotices {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressNotices.class);

    private final Consumer<Runnable> ownerThread;
    private final Supplier<List<Long>> sendingCampaigns;
    private final LongFunction<Optional<CampaignProgress>> progress;
    private final List<Consumer<CampaignProgress>> listeners = new CopyOnWriteArrayList<>();
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /**
     * @param ownerThread      runs work on the owner's thread
     * @param sendingCampaigns the campaigns sending now (for {@link SendingEngine#ALL_CAMPAIGNS})
     * @param progress         where a campaign stands now
     */
    ProgressNotices(Consumer<Runnable> ownerThread, Supplier<List<Long>> sendingCampaigns,
                    LongFunction<Optional<CampaignProgress>> progress) {
        this.ownerThread = ownerThread;
        this.sendingCampaigns = sendingCampaigns;
        this.progress = progress;
    }

    void add(Consumer<CampaignProgress> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    void remove(Consumer<CampaignProgress> listener) {
        listeners.remove(listener);
    }

    /** {@code campaignId}'s messages changed ({@link SendingEngine#ALL_CAMPAIGNS}: every sending campaign's may have). */
    void changed(long campaignId) {
        if (listeners.isEmpty()) {
            return;
        }
        pending.add(campaignId);
        if (scheduled.compareAndSet(false, true)) {
            ownerThread.accept(this::publish);
        }
    }

    private void publish() {
        scheduled.set(false);
        List<Long> ids = new ArrayList<>(pending);
        pending.removeAll(ids);
        Set<Long> campaigns = new LinkedHashSet<>();
        for (long id : ids) {
            if (id == SendingEngine.ALL_CAMPAIGNS) {
                campaigns.addAll(sendingCampaigns.get());
            } else {
                campaigns.add(id);
            }
        }
        for (long id : campaigns) {
            progress.apply(id).ifPresent(p -> listeners.forEach(l -> {
                try {
                    l.accept(p);
                } catch (RuntimeException e) {
                    LOG.warn("progress listener failed", e);
                }
            }));
        }
    }
}
