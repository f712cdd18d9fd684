package org.comptoir.gateway.http;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.InboundSms;

/** Keeps every event a gateway reports; {@code stores} says whether it claims to store inbound messages. */
final class RecordingListener implements GatewayListener {

    record OptOut(String number, String evidence, Instant at) {
    }

    final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();
    final List<InboundSms> inbound = new CopyOnWriteArrayList<>();
    final List<OptOut> optOuts = new CopyOnWriteArrayList<>();
    final List<GatewayState> states = new CopyOnWriteArrayList<>();
    /** The same changes, to wait on with a timeout. */
    final java.util.concurrent.BlockingQueue<GatewayState> changes = new java.util.concurrent.LinkedBlockingQueue<>();
    volatile boolean stores = true;
    volatile boolean failInbound;

    @Override
    public void onDeliveryReport(DeliveryReport report) {
        reports.add(report);
    }

    @Override
    public void onInbound(InboundSms sms) {
        if (failInbound) {
            throw new IllegalStateException("disk full");
        }
        inbound.add(sms);
    }

    @Override
    public void onStateChanged(GatewayState state) {
        states.add(state);
        changes.add(state);
    }

    @Override
    public void onOptOut(String recipientE164, String evidence, Instant at) {
        optOuts.add(new OptOut(recipientE164, evidence, at));
    }

    @Override
    public boolean storesInbound() {
        return stores;
    }
}
