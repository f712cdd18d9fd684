package org.comptoir.ui.overview;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.NavigationEvent;
import org.comptoir.ui.Styles;
import org.comptoir.ui.UiContext;
import org.comptoir.ui.contacts.ContactsViewModel.Filter;
import org.comptoir.ui.sending.SendingServices;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The owner's home screen: four cards (contacts, last campaign, next send, gateway) whose every figure is a link to
 * the screen that shows it, reachable with Tab and Space/Enter. Read again each time the screen is shown.
 */
public final class OverviewView extends ScrollPane {

    private final Messages m;
    private final VBox contactsCard = card();
    private final VBox lastCard = card();
    private final VBox nextCard = card();
    private final VBox gatewayCard = card();

    public OverviewView(UiContext ui) {
        this(ui, new OverviewViewModel(ui.app().contacts(), SendingServices.of(ui.app(), ui.messages()),
                ui.app().settings(), ui.messages(), ui.executor()));
    }

    OverviewView(UiContext ui, OverviewViewModel vm) {
        this.m = ui.messages();
        setId("overviewView");
        getStylesheets().add(Styles.CSS);
        setFitToWidth(true);
        Label title = new Label(m.get("overview.title"));
        title.getStyleClass().add("screen-title");
        Button refresh = new Button(m.get("overview.refresh"), new FontIcon("mdi2r-refresh"));
        refresh.setId("overviewRefresh");
        refresh.disableProperty().bind(vm.loadingProperty());
        refresh.setOnAction(e -> vm.load());
        HBox head = new HBox(16, title, refresh);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("overviewError");
        error.getStyleClass().addAll("banner", "danger");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        contactsCard.setId("overviewContacts");
        lastCard.setId("overviewLast");
        nextCard.setId("overviewNext");
        gatewayCard.setId("overviewGateway");
        FlowPane cards = new FlowPane(16, 16, contactsCard, lastCard, nextCard, gatewayCard);
        VBox content = new VBox(16, head, error, cards);
        content.getStyleClass().add("screen");
        setContent(content);
        vm.snapshotProperty().addListener((o, a, s) -> show(s));
        // read again whenever the owner comes back to it: the figures are those of now
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.load();
            }
        });
    }

    private void show(OverviewViewModel.Snapshot s) {
        if (s == null) {
            return;
        }
        contactsCard.getChildren().setAll(heading("overview.contacts"),
                contactLink(s, Filter.SUBSCRIBED, "overview.contacts.subscribed"),
                contactLink(s, Filter.OPTED_OUT, "overview.contacts.opted.out"),
                contactLink(s, Filter.REFUSED, "overview.contacts.refused"),
                contactLink(s, Filter.ALL, "overview.contacts.all"));

        lastCard.getChildren().setAll(heading("overview.last"));
        s.last().ifPresentOrElse(l -> lastCard.getChildren().addAll(
                text("overviewLastName", m.get("overview.last.name", l.name(), l.status())),
                link("overviewLastSent", m.get("overview.last.sent", l.sent()), "report", l.id()),
                link("overviewLastDelivered", m.get("overview.last.delivered", l.delivered()), "report", l.id()),
                link("overviewLastFailed", m.get("overview.last.failed", l.failed()), "report", l.id()),
                link("overviewLastOptOuts", m.get("overview.last.optouts", l.optOuts()), "report", l.id())),
                () -> lastCard.getChildren().addAll(text("overviewLastNone", m.get("overview.last.none")),
                        link("overviewLastCreate", m.get("overview.campaigns.open"), "campaigns", null)));

        nextCard.getChildren().setAll(heading("overview.next"));
        s.next().ifPresentOrElse(n -> nextCard.getChildren().addAll(
                text("overviewNextName", m.get("overview.next.name", n.name(), n.programmedFor())),
                text("overviewNextFirst", n.firstSend()),
                link("overviewNextFollow", m.get("overview.next.follow"), "sending", n.id())),
                () -> nextCard.getChildren().addAll(text("overviewNextNone", m.get("overview.next.none")),
                        link("overviewNextCreate", m.get("overview.campaigns.open"), "campaigns", null)));

        gatewayCard.getChildren().setAll(heading("overview.gateway"), text("overviewGatewayState", s.gateway()),
                s.modem() ? link("overviewGatewayOpen", m.get("overview.gateway.modem"), "modem", null)
                        : link("overviewGatewayOpen", m.get("overview.gateway.settings"), "settings", null));
    }

    private Hyperlink contactLink(OverviewViewModel.Snapshot s, Filter f, String key) {
        return link("overviewContacts-" + f.name(), m.get(key, s.contacts().getOrDefault(f, 0L)), "contacts", f);
    }

    private Hyperlink link(String id, String text, String screen, Object item) {
        Hyperlink link = new Hyperlink(text);
        link.setId(id);
        link.setWrapText(true);
        link.setOnAction(e -> NavigationEvent.open(this, screen, item));
        return link;
    }

    private static Label text(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    private Label heading(String key) {
        Label label = new Label(m.get(key));
        label.getStyleClass().add("title-4");
        return label;
    }

    private static VBox card() {
        VBox card = new VBox(6);
        card.getStyleClass().add("overview-card");
        card.setPadding(new Insets(14));
        card.setPrefWidth(340);
        card.setMinWidth(260);
        return card;
    }

    /** For tests: the card nodes, in order. */
    Node[] cards() {
        return new Node[] {contactsCard, lastCard, nextCard, gatewayCard};
    }
}
