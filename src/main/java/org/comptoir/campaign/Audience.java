package org.comptoir.campaign;

import java.util.Objects;

/**
 * Who a campaign may reach: its kind (which decides the consent rule) and an optional tag.
 *
 * @param kind MARKETING or SERVICE
 * @param tag  only contacts with this tag; null for all
 */
public record Audience(CampaignKind kind, String tag) {

    public Audience {
        Objects.requireNonNull(kind, "kind");
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    public static Audience of(Campaign campaign) {
        return new Audience(campaign.kind(), campaign.audienceTag());
    }
}
