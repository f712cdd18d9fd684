package org.comptoir.ui.inbox;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.comptoir.consent.CounterPoster;
import org.comptoir.consent.Inbox;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.Forms;
import org.comptoir.ui.Styles;
import org.comptoir.ui.UiContext;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The inbox screen: every received SMS, newest first, with what Comptoir did with it; the replies that wait for the
 * owner (a doubtful STOP, an ordinary reply) come first and have two actions: "Traiter comme STOP" and "Lu".
 * The counter poster is saved from here too. Keyboard: Tab to the table, arrows to a reply, Alt+T (STOP) or Alt+L (read).
 */
public final class InboxView extends BorderPane {

    public InboxView(UiContext ui) {
        this(ui, new InboxViewModel(ui.app().consentSms(), ui.messages(), ui.executor(), "owner"));
    }

    InboxView(UiContext ui, InboxViewModel vm) {
        Messages m = ui.messages();
        setId("inboxView");
        getStylesheets().add(Styles.CSS);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(m.locale()).withZone(ZoneId.systemDefault());

        Label title = new Label(m.get("inbox.ui.title"));
        title.getStyleClass().add("screen-title");
        CheckBox waitingOnly = new CheckBox(m.get("inbox.ui.waiting.only"));
        waitingOnly.setId("inboxWaitingOnly");
        waitingOnly.selectedProperty().bindBidirectional(vm.waitingOnlyProperty());
        Label count = new Label();
        count.setId("inboxWaitingCount");
        count.textProperty().bind(Bindings.createStringBinding(() -> m.get("inbox.ui.waiting.count",
                vm.waitingCountProperty().get()), vm.waitingCountProperty()));
        Label expired = new Label();
        expired.setId("inboxExpiredRequests");
        expired.textProperty().bind(Bindings.createStringBinding(() -> m.get("inbox.ui.expired.requests",
                vm.expiredRequestsProperty().get()), vm.expiredRequestsProperty()));
        expired.visibleProperty().bind(vm.expiredRequestsProperty().greaterThan(0));
        expired.managedProperty().bind(expired.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button refresh = new Button(m.get("inbox.ui.refresh"), new FontIcon("mdi2r-refresh"));
        refresh.setId("inboxRefresh");
        refresh.setOnAction(e -> vm.refresh());
        Button posterA4 = new Button(m.get("inbox.ui.poster", "A4"), new FontIcon("mdi2q-qrcode"));
        posterA4.setId("inboxPosterA4");
        posterA4.setOnAction(e -> savePoster(vm, m, CounterPoster.Format.A4));
        Button posterA5 = new Button(m.get("inbox.ui.poster", "A5"));
        posterA5.setId("inboxPosterA5");
        posterA5.setOnAction(e -> savePoster(vm, m, CounterPoster.Format.A5));
        FlowPane tools = new FlowPane(10, 8, waitingOnly, count, expired, refresh, posterA4, posterA5);
        tools.setAlignment(Pos.CENTER_LEFT);
        Label banner = Forms.banner("inboxBanner", vm.bannerProperty(), vm.bannerIsErrorProperty());
        VBox top = new VBox(12, title, tools, banner);
        top.setStyle("-fx-padding: 24 24 12 24;");
        setTop(top);

        TableView<Inbox.Entry> table = new TableView<>(vm.entries());
        table.setId("inboxTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.get("inbox.ui.empty")));
        table.getStyleClass().addAll("dense", "striped");
        table.getColumns().add(column(m.get("inbox.ui.col.received"), e -> dates.format(e.receivedAt()), 125));
        table.getColumns().add(column(m.get("inbox.ui.col.from"), Inbox.Entry::sender, 125));
        table.getColumns().add(column(m.get("inbox.ui.col.done"), vm::handledText, 200));
        table.getColumns().add(column(m.get("inbox.ui.col.text"), e -> e.text().replace('\n', ' '), 200));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Inbox.Entry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("waiting");
                if (!empty && item != null && item.waiting()) {
                    getStyleClass().add("waiting");
                    setStyle("-fx-font-weight: bold;");
                } else {
                    setStyle("");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> vm.selectedProperty().set(now));

        Button stop = new Button(m.get("inbox.ui.treat.stop"), new FontIcon("mdi2h-hand-back-left-outline"));
        stop.setId("inboxTreatAsStop");
        stop.getStyleClass().add("danger");
        stop.setOnAction(e -> vm.treatAsStop());
        Button read = new Button(m.get("inbox.ui.mark.read"), new FontIcon("mdi2c-check"));
        read.setId("inboxMarkRead");
        read.setOnAction(e -> vm.markRead());
        var noDecision = Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                || !vm.selectedProperty().get().waiting() || vm.busyProperty().get(), vm.selectedProperty(),
                vm.busyProperty());
        stop.disableProperty().bind(noDecision);
        read.disableProperty().bind(noDecision);
        stop.setMinWidth(Region.USE_PREF_SIZE);
        read.setMinWidth(Region.USE_PREF_SIZE);
        // the whole text of the selected reply: the table shows one line of each
        Label detail = new Label();
        detail.setId("inboxDetail");
        detail.setWrapText(true);
        detail.setMaxWidth(Double.MAX_VALUE);
        detail.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null
                ? m.get("inbox.ui.hint")
                : m.get("inbox.ui.detail", vm.selectedProperty().get().sender(), vm.selectedProperty().get().text()),
                vm.selectedProperty()));
        HBox actions = new HBox(10, stop, read);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox center = new VBox(10, table, detail, actions);
        VBox.setVgrow(table, Priority.ALWAYS);
        center.setStyle("-fx-padding: 0 24 24 24;");
        setCenter(center);
        vm.refresh();
    }

    private void savePoster(InboxViewModel vm, Messages m, CounterPoster.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(m.get("inbox.ui.poster", format));
        chooser.setInitialFileName(m.get("inbox.ui.poster.file", format));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.savePoster(format, file.toPath());
        }
    }

    private static TableColumn<Inbox.Entry, String> column(String title, Function<Inbox.Entry, String> value,
                                                           double minWidth) {
        TableColumn<Inbox.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setMinWidth(minWidth);
        c.setSortable(false);
        return c;
    }
}
