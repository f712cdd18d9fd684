package org.comptoir.ui.retention;

import java.time.Clock;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.comptoir.consent.Retention;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.Forms;
import org.comptoir.ui.Styles;
import org.comptoir.ui.UiContext;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The retention screen: the rule in one sentence, the contacts an erasure would take now, those who will pass the
 * period within 90 days with the day, and "Effacer ces N contacts maintenant…" behind a confirmation naming how many.
 * Keyboard: Tab through the two tables and the buttons; Enter or Space presses.
 */
public final class RetentionView extends BorderPane {

    public RetentionView(UiContext ui) {
        this(ui, new RetentionViewModel(ui.app().consentSms().retention(), ui.messages(), ui.executor(), ui.dialogs(),
                Clock.systemUTC(), "owner"));
    }

    RetentionView(UiContext ui, RetentionViewModel vm) {
        Messages m = ui.messages();
        setId("retentionView");
        getStylesheets().add(Styles.CSS);

        Label title = new Label(m.get("inbox.retention.ui.title"));
        title.getStyleClass().add("screen-title");
        Label rule = new Label();
        rule.setId("retentionRule");
        rule.setWrapText(true);
        rule.textProperty().bind(Bindings.createStringBinding(() -> m.get("inbox.retention.ui.rule",
                vm.monthsProperty().get()), vm.monthsProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button refresh = new Button(m.get("inbox.retention.ui.refresh"), new FontIcon("mdi2r-refresh"));
        refresh.setId("retentionRefresh");
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setOnAction(e -> vm.refresh());
        HBox head = new HBox(10, title, grow, refresh);
        head.setAlignment(Pos.CENTER_LEFT);
        Label banner = Forms.banner("retentionBanner", vm.bannerProperty(), vm.bannerIsErrorProperty());
        VBox top = new VBox(8, head, rule, banner);
        top.setStyle("-fx-padding: 24 24 8 24;");
        setTop(top);

        Label dueTitle = new Label();
        dueTitle.setId("retentionDueTitle");
        dueTitle.getStyleClass().add("title-4");
        dueTitle.textProperty().bind(Bindings.createStringBinding(() -> m.get("inbox.retention.ui.due.title",
                vm.due().size(), vm.day(vm.thresholdProperty().get())), vm.due(), vm.thresholdProperty()));
        TableView<Retention.Candidate> due = table("retentionDue", vm, m, m.get("inbox.retention.ui.none.due"));
        Button erase = new Button();
        erase.setId("retentionErase");
        erase.getStyleClass().add("danger");
        erase.setGraphic(new FontIcon("mdi2d-delete-outline"));
        erase.setMinWidth(Region.USE_PREF_SIZE);
        erase.textProperty().bind(Bindings.createStringBinding(() -> m.get("inbox.retention.ui.erase", vm.due().size()),
                vm.due()));
        erase.disableProperty().bind(Bindings.isEmpty(vm.due()).or(vm.busyProperty()));
        erase.setOnAction(e -> vm.eraseNow());

        Label upcomingTitle = new Label();
        upcomingTitle.setId("retentionUpcomingTitle");
        upcomingTitle.getStyleClass().add("title-4");
        upcomingTitle.textProperty().bind(Bindings.createStringBinding(() -> m.get("inbox.retention.ui.upcoming.title",
                RetentionViewModel.UPCOMING.toDays(), vm.upcoming().size()), vm.upcoming()));
        TableView<Retention.Candidate> upcoming = table("retentionUpcoming", vm, m,
                m.get("inbox.retention.ui.none.upcoming"));
        upcoming.setItems(vm.upcoming());
        due.setItems(vm.due());

        VBox center = new VBox(8, dueTitle, due, erase, upcomingTitle, upcoming);
        VBox.setVgrow(due, Priority.ALWAYS);
        VBox.setVgrow(upcoming, Priority.ALWAYS);
        center.setStyle("-fx-padding: 0 24 24 24;");
        setCenter(center);
        vm.refresh();
    }

    private static TableView<Retention.Candidate> table(String id, RetentionViewModel vm, Messages m, String empty) {
        TableView<Retention.Candidate> t = new TableView<>();
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(empty));
        t.getStyleClass().addAll("dense", "striped");
        t.setPrefHeight(150);
        t.setMinHeight(90);
        t.getColumns().add(column(m.get("inbox.retention.ui.col.number"), c -> c.number().e164(), 120));
        t.getColumns().add(column(m.get("inbox.retention.ui.col.name"), c -> c.firstName() == null ? "" : c.firstName(), 90));
        t.getColumns().add(column(m.get("inbox.retention.ui.col.status"), vm::status, 110));
        t.getColumns().add(column(m.get("inbox.retention.ui.col.last"), c -> vm.day(c.lastInteraction()), 110));
        t.getColumns().add(column(m.get("inbox.retention.ui.col.due"), vm::dueDay, 110));
        return t;
    }

    private static TableColumn<Retention.Candidate, String> column(String title,
                                                                  Function<Retention.Candidate, String> value,
                                                                  double minWidth) {
        TableColumn<Retention.Candidate, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setMinWidth(minWidth);
        c.setSortable(false);
        return c;
    }
}
