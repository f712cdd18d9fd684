package org.comptoir.ui;

import java.util.List;
import org.comptoir.ui.backup.BackupView;
import org.comptoir.ui.campaign.CampaignsView;
import org.comptoir.ui.contacts.ContactsView;
import org.comptoir.ui.inbox.InboxView;
import org.comptoir.ui.export.ExportView;
import org.comptoir.ui.modem.ModemView;
import org.comptoir.ui.overview.OverviewView;
import org.comptoir.ui.sending.CampaignReportView;
import org.comptoir.ui.sending.SendingView;
import org.comptoir.ui.retention.RetentionView;
import org.comptoir.ui.settings.SettingsView;
import org.comptoir.ui.till.TillView;

/** The screens of the main navigation, in order; the first is shown at start. A feature adds its line here. */
public final class Screens {

    private Screens() {
    }

    /**
     * {@code view} in a scroll pane as wide as the window: on a 1024×600 screen the till with a number's error is
     * taller than the window, and without it the hint and the sidebar's last button went past the bottom edge.
     */
    private static javafx.scene.Node scrolling(javafx.scene.Node view) {
        // the view keeps its own maximum width, centred as it was in the window
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(view);
        javafx.scene.layout.StackPane.setAlignment(view, javafx.geometry.Pos.TOP_CENTER);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(holder);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    public static List<Screen> all() {
        return List.of(
                new Screen("till", "screen.till", false, ui -> scrolling(new TillView(ui))),
                // the owner's week, in order: home → contacts → campaigns → sending → reports → export…
                new Screen("overview", "screen.overview", true, OverviewView::new),
                new Screen("contacts", "screen.contacts", true, ContactsView::new),
                new Screen("campaigns", "campaign.title", true, CampaignsView::new),
                new Screen("sending", "dispatch.ui.title", true, SendingView::new),
                new Screen("report", "dispatch.ui.nav.report", true, CampaignReportView::new),
                new Screen("export", "export.ui.title", true, ExportView::new),
                new Screen("inbox", "screen.inbox", true, InboxView::new),
                new Screen("retention", "inbox.retention.ui.title", true, RetentionView::new),
                new Screen("modem", "modem.ui.title", true, ModemView::create),
                new Screen("settings", "screen.settings", true, SettingsView::new),
                new Screen("backup", "backup.ui.title", true, BackupView::new));
    }
}
