package org.comptoir.dispatch;

/**
 * Queues a SERVICE message to one person (an opt-out confirmation, an answer to HELP, a double opt-in request,
 * a welcome), sent by the sending engine within the SERVICE window. Such a message is not a promotion: it is not
 * blocked by the recipient's opt-out (it may confirm one) nor counted by the marketing frequency cap; the modem
 * route's caps still apply. Blocks on the database; thread-safe.
 */
public interface ReplySender {

    /**
     * Queues {@code text} for {@code recipientE164} unless a reply with the same {@code dedupKey} was already queued
     * (e.g. {@code "optout-confirm:" + subject + ":" + localDate}, so one STOP read twice gets one confirmation).
     *
     * @param purpose short label for the outbox and the report ({@code OPTOUT_CONFIRM}, {@code HELP}, ...)
     * @return true when queued now, false when the key had already been used
     */
    boolean queue(String recipientE164, String text, String purpose, String dedupKey);
}
