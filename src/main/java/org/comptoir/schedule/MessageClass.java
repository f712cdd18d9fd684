package org.comptoir.schedule;

/** Which sending window applies: promotions have the strict one, service messages a wider one. */
public enum MessageClass {
    /** direct prospection: needs consent, the opt-out mention and the strict window */
    MARKETING,
    /** information the recipient asked for or expects (a confirmation request, an opt-out confirmation) */
    SERVICE
}
