package org.comptoir.campaign;

/** The life of a campaign. Only a {@link #DRAFT} can be edited; DONE and CANCELLED are final. */
public enum CampaignStatus {
    DRAFT,
    SCHEDULED,
    SENDING,
    PAUSED,
    DONE,
    CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }
}
