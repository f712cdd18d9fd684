package org.comptoir.ui.sending;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.comptoir.campaign.Campaign;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.NavigationEvent;
import org.comptoir.ui.UiContext;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sending screen: one campaign's progress while it goes out, refreshed every two seconds in the background while
 * the screen is shown; pause, resume, cancel; a notification when it finishes.
 */
public final class SendingView extends ScrollPane implements NavigationEvent.Target {

    /** How often the screen asks for news; the work runs off the FX thread, one refresh at a time. */
    static final Duration POLL = Duration.seconds(2);

    private final SendingViewModel vm;

    public SendingView(UiContext ui) {
        this(new SendingViewModel(SendingServices.of(ui.app(), ui.messages()), ui.messages(), ui.executor(), ui.dialogs()),
                ui.messages());
    }

    public SendingView(SendingViewModel vm, Messages m) {
        this.vm = vm;
        setId("sending");
        setFitToWidth(true);
        Label title = new Label(m.get("dispatch.ui.title"));
        title.getStyleClass().add("title-3");

        ComboBox<Campaign> choice = new ComboBox<>(vm.campaigns());
        choice.setId("sending-campaign");
        choice.setPromptText(m.get("dispatch.ui.choose"));
        choice.setButtonCell(cell(m));
        choice.setCellFactory(v -> cell(m));
        choice.valueProperty().bindBidirectional(vm.selectedProperty());
        Label choiceLabel = new Label(m.get("dispatch.ui.campaign"));
        choiceLabel.setLabelFor(choice);

        Label state = new Label();
        state.setId("sending-state");
        state.setWrapText(true);
        state.getStyleClass().add("title-4");
        state.textProperty().bind(vm.stateProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("sending-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label done = new Label();
        done.setId("sending-done");
        done.textProperty().bind(Bindings.createStringBinding(() -> m.get("dispatch.ui.done.of",
                vm.totalProperty().get() - vm.remainingProperty().get(), vm.totalProperty().get()),
                vm.totalProperty(), vm.remainingProperty()));

        GridPane counts = new GridPane();
        counts.setHgap(24);
        counts.setVgap(4);
        count(counts, 0, "count-sent", m.get("dispatch.ui.count.sent"), vm.sentProperty());
        count(counts, 1, "count-delivered", m.get("dispatch.ui.count.delivered"), vm.deliveredProperty());
        count(counts, 2, "count-failed", m.get("dispatch.ui.count.failed"), vm.failedProperty());
        count(counts, 3, "count-skipped", m.get("dispatch.ui.count.skipped"), vm.skippedProperty());
        count(counts, 4, "count-remaining", m.get("dispatch.ui.count.remaining"), vm.remainingProperty());
        count(counts, 5, "count-unknown", m.get("dispatch.ui.count.unknown"), vm.unknownProperty());

        Label timeLeft = new Label();
        timeLeft.setId("time-left");
        timeLeft.setWrapText(true);
        timeLeft.textProperty().bind(vm.timeLeftProperty());
        timeLeft.visibleProperty().bind(vm.timeLeftProperty().isNotEmpty());
        timeLeft.managedProperty().bind(timeLeft.visibleProperty());
        Label gateway = new Label();
        gateway.setId("gateway-state");
        gateway.setWrapText(true);
        gateway.getStyleClass().add("text-muted");
        gateway.textProperty().bind(vm.gatewayProperty());

        Button pause = new Button(m.get("dispatch.ui.pause"), new FontIcon("mdi2p-pause"));
        pause.setId("pause");
        pause.disableProperty().bind(vm.canPauseProperty().not());
        pause.setOnAction(e -> vm.pause());
        Button resume = new Button(m.get("dispatch.ui.resume"), new FontIcon("mdi2p-play"));
        resume.setId("resume");
        resume.disableProperty().bind(vm.canResumeProperty().not());
        resume.setOnAction(e -> vm.resume());
        Button cancel = new Button(m.get("campaign.cancel"));
        cancel.setId("cancel-sending");
        cancel.getStyleClass().add("danger");
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button report = new Button(m.get("dispatch.ui.open.report"), new FontIcon("mdi2c-chart-bar"));
        report.setId("open-report");
        report.disableProperty().bind(vm.selectedProperty().isNull());
        report.setOnAction(e -> NavigationEvent.open(this, "report", vm.selectedProperty().get().id()));
        FlowPane actions = new FlowPane(8, 8, pause, resume, cancel, report);

        VBox content = new VBox(12, title, new HBox(8, choiceLabel, choice), state, bar, done, counts, timeLeft, gateway,
                actions);
        ((HBox) content.getChildren().get(1)).setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        content.setPadding(new Insets(16));
        content.setMaxWidth(900);
        setContent(content);

        vm.onFinished(text -> Notifications.create().owner(this).title(m.get("dispatch.ui.finished.title"))
                .text(text).hideAfter(Duration.seconds(30)).showInformation());
        Timeline poll = new Timeline(new KeyFrame(POLL, e -> vm.refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        // polls only while shown: leaving the screen stops it
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                poll.stop();
            } else {
                poll.play();
            }
        });
        vm.reload(null);
    }

    @Override
    public void showItem(Object item) {
        if (item instanceof Long id) {
            vm.reload(id);
        }
    }

    public SendingViewModel viewModel() {
        return vm;
    }

    private static void count(GridPane grid, int row, String id, String label, LongProperty value) {
        Label name = new Label(label);
        Label n = new Label();
        n.setId(id);
        n.getStyleClass().add("text-bold");
        n.textProperty().bind(value.asString());
        grid.addRow(row, name, n);
    }

    static ListCell<Campaign> cell(Messages m) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Campaign c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.name() + " · " + m.get("campaign.status." + c.status()));
            }
        };
    }
}
