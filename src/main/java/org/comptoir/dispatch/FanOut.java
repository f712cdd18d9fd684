package org.comptoir.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.InboundSms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one listener on the held gateway: everything goes to the engine's listener (the primary: it stores inbound
 * messages, matches reports, records a route's opt-outs); delivery reports are also offered to the one-offs waiting
 * for theirs.
 */
final class FanOut implements GatewayListener, ModemOneOff.ReportFeed {

    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);
    private final GatewayListener primary;
    private final List<Consumer<DeliveryReport>> taps = new CopyOnWriteArrayList<>();

    FanOut(GatewayListener primary) {
        this.primary = primary;
    }

    @Override
    public AutoCloseable subscribe(Consumer<DeliveryReport> tap) {
        taps.add(tap);
        return () -> taps.remove(tap);
    }

    @Override
    public void onDeliveryReport(DeliveryReport report) {
        for (Consumer<DeliveryReport> t : taps) {
            try {
                t.accept(report);
            } catch (RuntimeException e) {
                LOG.warn("report tap failed", e);
            }
        }
        primary.onDeliveryReport(report);
    }

    @Override
    public void onInbound(InboundSms sms) {
        primary.onInbound(sms);
    }

    @Override
    public void onStateChanged(GatewayState state) {
        primary.onStateChanged(state);
    }

    @Override
    public void onOptOut(String recipientE164, String evidence, Instant at) {
        primary.onOptOut(recipientE164, evidence, at);
    }

    @Override
    public boolean storesInbound() {
        return primary.storesInbound();
    }
}
