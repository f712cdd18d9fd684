package org.comptoir.gateway.modem;

/**
 * Remembers, across runs, which PIN a SIM card refused, so it is never offered to that card again: three
 * refusals block the SIM until its PUK is typed (TS 27.007 §8.3). The gateway stays store-free: whoever builds
 * it passes an implementation that keeps the refusals (the settings, in the application).
 *
 * <p>Called on the thread that connects the gateway; implementations may block briefly (a database write).
 */
public interface PinGuard {

    /** Whether the SIM {@code iccid} already refused {@code pin}. {@code iccid} is empty when unreadable. */
    boolean refused(String iccid, String pin);

    /** The SIM {@code iccid} refused {@code pin}: never offer it again. */
    void refusedNow(String iccid, String pin);

    /** Remembers nothing beyond the gateway's own run (its one-offer-per-PIN rule still holds). */
    PinGuard NONE = new PinGuard() {
        @Override
        public boolean refused(String iccid, String pin) {
            return false;
        }

        @Override
        public void refusedNow(String iccid, String pin) {
        }
    };
}
