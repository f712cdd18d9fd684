package org.comptoir.ui.campaign;

import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;

/**
 * What the owner edits in a campaign draft, normalised as {@link Campaign} stores it, so that a saved draft equals
 * what was on screen: the editor compares the content shown with the one last loaded or saved to know whether
 * leaving it loses anything.
 */
record DraftContent(String name, CampaignKind kind, String sender, String template, String tag) {

    /** The fields as typed (null or blank where nothing is). */
    static DraftContent typed(String name, CampaignKind kind, String sender, String template, String tag) {
        return new DraftContent(blankless(name).strip(), kind, blankless(sender).strip(), blankless(template),
                tag == null || tag.isBlank() ? null : tag.strip());
    }

    static DraftContent of(Campaign c) {
        return new DraftContent(c.name().strip(), c.kind(), c.sender(), blankless(c.template()), c.audienceTag());
    }

    private static String blankless(String s) {
        return s == null ? "" : s;
    }
}
