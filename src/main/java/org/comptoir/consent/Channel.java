package org.comptoir.consent;

/** How a ledger event reached Comptoir (stored by name in {@code consent_event.channel}). */
public enum Channel {
    TILL, KIOSK, SMS_KEYWORD, IMPORT, MANUAL
}
