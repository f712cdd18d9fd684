package org.comptoir.campaign;

import java.time.Instant;
import java.util.Objects;

/**
 * One campaign as stored. Immutable; the {@code with…} methods return edited copies.
 *
 * @param id           database id, null until first saved
 * @param name         the owner's name for it (never sent)
 * @param kind         MARKETING or SERVICE
 * @param template     the text as typed, with {@code {prenom}} placeholders, without the opt-out mention
 * @param sender       alphanumeric sender ID, or "" for the gateway's number (see {@link SenderId})
 * @param stopMention  the opt-out mention appended when sent (MARKETING), null for SERVICE; fixed when saved
 * @param audienceTag  only contacts with this tag, or null for all allowed contacts
 * @param scheduleMode ASAP or AT
 * @param scheduledAt  the chosen instant (AT), or when it was scheduled (ASAP); null for a draft
 * @param status       DRAFT until scheduled
 * @param createdAt    first save
 * @param updatedAt    last change
 */
public record Campaign(Long id, String name, CampaignKind kind, String template, String sender, String stopMention,
                       String audienceTag, ScheduleMode scheduleMode, Instant scheduledAt, CampaignStatus status,
                       Instant createdAt, Instant updatedAt) {

    public Campaign {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        template = template == null ? "" : template;
        sender = sender == null ? "" : sender.strip();
        audienceTag = audienceTag == null || audienceTag.isBlank() ? null : audienceTag.strip();
        scheduleMode = scheduleMode == null ? ScheduleMode.ASAP : scheduleMode;
        status = status == null ? CampaignStatus.DRAFT : status;
    }

    /** A new, unsaved draft. */
    public static Campaign draft(String name, CampaignKind kind, String template, String sender, String audienceTag) {
        return new Campaign(null, name, kind, template, sender, null, audienceTag, ScheduleMode.ASAP, null,
                CampaignStatus.DRAFT, null, null);
    }

    public boolean isNew() {
        return id == null;
    }

    /** The same draft with the editable fields replaced (id, status and timestamps kept). */
    public Campaign withContent(String name, CampaignKind kind, String template, String sender, String audienceTag) {
        return new Campaign(id, name, kind, template, sender, stopMention, audienceTag, scheduleMode, scheduledAt,
                status, createdAt, updatedAt);
    }
}
