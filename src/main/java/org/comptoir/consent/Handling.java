package org.comptoir.consent;

import java.util.Set;

/**
 * What was done with a received SMS: the labels {@link ConsentInboundRouter} returns, stored in
 * {@code inbound.handled_as}, and the owner's decisions on the ones that waited for them.
 */
public final class Handling {

    /** Recorded an opt-out and queued the confirmation. */
    public static final String OPT_OUT = "OPT_OUT";
    /** Already stopped (or erased): nothing new recorded; the confirmation goes once a day at most. */
    public static final String OPT_OUT_AGAIN = "OPT_OUT_AGAIN";
    /** Answered with the shop's name and how to stop. */
    public static final String HELP = "HELP";
    /** A pending double opt-in request was confirmed. */
    public static final String CONFIRMED = "CONFIRMED";
    /** OUI after the request expired: nothing recorded, the owner may ask again. */
    public static final String CONFIRM_LATE = "CONFIRM_LATE";
    /** OUI / START with nothing to confirm: it re-subscribes nobody by itself. */
    public static final String YES_IGNORED = "YES_IGNORED";
    /** Signed up by keyword; welcome queued. */
    public static final String SIGNED_UP = "SIGNED_UP";
    /** Sign-up keyword: a confirmation request was sent (double opt-in, or the person had stopped). */
    public static final String SIGNUP_PENDING = "SIGNUP_PENDING";
    /** Sign-up keyword from someone already signed up. */
    public static final String ALREADY_SIGNED_UP = "ALREADY_SIGNED_UP";
    /** Might be a STOP: waits for the owner. */
    public static final String REVIEW = "REVIEW";
    /** An ordinary reply: waits for the owner to read it. */
    public static final String OTHER = "OTHER";
    /** From an alphanumeric sender (an operator, a service): nobody to opt out or answer. */
    public static final String NOT_A_NUMBER = "NOT_A_NUMBER";
    /** The owner read a waiting reply as a STOP: opt-out recorded. */
    public static final String OWNER_OPT_OUT = "OWNER_OPT_OUT";
    /** The owner read a waiting reply and decided nothing was to be done. */
    public static final String OWNER_READ = "OWNER_READ";

    /** The labels of replies that wait for the owner's decision. */
    public static final Set<String> WAITING = Set.of(REVIEW, OTHER, YES_IGNORED, CONFIRM_LATE, NOT_A_NUMBER);

    private Handling() {
    }
}
