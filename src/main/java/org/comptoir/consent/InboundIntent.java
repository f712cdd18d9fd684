package org.comptoir.consent;

/** What a received SMS asks for, as {@link KeywordRecognizer} reads it. */
public enum InboundIntent {
    /** Stop every promotion (STOP, ARRET, DESABONNER...): acted on at once. */
    OPT_OUT,
    /** Looks like it may mean stop, but not surely ("je voudrais stopper ma commande"): the owner decides. */
    REVIEW,
    /** A question about the messages (AIDE, HELP, INFO): answered with the shop's name and how to stop. */
    HELP,
    /** OUI / YES / START alone: confirms a pending double opt-in request, never re-subscribes by itself. */
    YES,
    /** The shop's sign-up keyword (setting {@code consent.signup-keyword}). */
    SIGN_UP,
    /** Anything else: a reply for the owner to read. */
    OTHER
}
