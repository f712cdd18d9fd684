package org.comptoir.ui.campaign;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.MessageComposer;
import org.comptoir.campaign.ScheduleMode;
import org.comptoir.campaign.SenderId;
import org.comptoir.i18n.Messages;

/** The editor form: text with its live counter and Unicode help, audience and cost, schedule; preview at right. */
public final class CampaignEditorView extends HBox {

    private final CampaignEditorViewModel vm;
    private final Messages m;
    private final TextArea text = new TextArea();

    /**
     * Below this width the phone preview goes under the form instead of beside it: at 1024×600, beside the list and
     * the sidebar, the two side by side left the form 290 px and cut every label to "…".
     */
    static final double SIDE_BY_SIDE_MIN_WIDTH = 820;

    private final TestSendViewModel testSend;

    /** @param testSend the test send to the owner's number; null: the editor offers none */
    public CampaignEditorView(CampaignEditorViewModel vm, TestSendViewModel testSend, Messages messages) {
        super(24);
        this.vm = vm;
        this.testSend = testSend;
        this.m = messages;
        setId("campaign-editor");
        setPadding(new Insets(16));
        // the preview sits outside the fields, which are disabled for a campaign no longer a draft
        VBox form = new VBox(16, form());
        HBox.setHgrow(form, Priority.ALWAYS);
        form.setMinWidth(0);
        PhonePreview preview = new PhonePreview(vm, messages);
        getChildren().addAll(form, preview);
        widthProperty().addListener((o, a, b) -> {
            boolean narrow = b.doubleValue() < SIDE_BY_SIDE_MIN_WIDTH;
            if (narrow && preview.getParent() == this) {
                getChildren().remove(preview);
                form.getChildren().add(preview);
            } else if (!narrow && preview.getParent() == form) {
                form.getChildren().remove(preview);
                getChildren().add(preview);
            }
        });
    }

    private VBox form() {
        TextField name = new TextField();
        name.setId("campaign-name");
        name.setPromptText(m.get("campaign.name.prompt"));
        name.textProperty().bindBidirectional(vm.nameProperty());

        ToggleGroup kinds = new ToggleGroup();
        RadioButton marketing = radio(kinds, "kind-marketing", m.get("campaign.kind.MARKETING"));
        RadioButton service = radio(kinds, "kind-service", m.get("campaign.kind.SERVICE"));
        marketing.setSelected(vm.kindProperty().get() == CampaignKind.MARKETING);
        service.setSelected(vm.kindProperty().get() == CampaignKind.SERVICE);
        kinds.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.kindProperty().set(b == service ? CampaignKind.SERVICE : CampaignKind.MARKETING);
            }
        });
        vm.kindProperty().addListener((o, a, b) -> (b == CampaignKind.SERVICE ? service : marketing).setSelected(true));
        Label serviceWarning = note("service-warning", m.get("campaign.kind.service.warning"), "warning");
        serviceWarning.visibleProperty().bind(vm.kindProperty().isEqualTo(CampaignKind.SERVICE));
        serviceWarning.managedProperty().bind(serviceWarning.visibleProperty());

        TextField sender = new TextField();
        sender.setId("sender");
        sender.setPrefColumnCount(SenderId.MAX_LENGTH);
        sender.setPromptText(m.get("campaign.sender.prompt"));
        sender.textProperty().bindBidirectional(vm.senderProperty());
        Label senderError = note("sender-error", "", "danger");
        senderError.textProperty().bind(vm.senderErrorProperty());
        vm.senderErrorProperty().addListener((o, a, b) -> toggleClass(sender, "danger", !b.isEmpty()));

        // The labels and the sender field keep their width: beside the field, a long error squeezed them to
        // "Expédi…" and a sliver, even at 1366 px. The error goes under the field, wrapping in its column.
        sender.setMinWidth(Region.USE_PREF_SIZE);
        sender.setMaxWidth(Region.USE_PREF_SIZE);
        senderError.setMaxWidth(Double.MAX_VALUE);
        senderError.visibleProperty().bind(vm.senderErrorProperty().isNotEmpty());
        senderError.managedProperty().bind(senderError.visibleProperty());
        GridPane head = new GridPane();
        head.setId("campaign-head");
        head.setHgap(12);
        head.setVgap(8);
        head.addRow(0, label("label-name", m.get("campaign.name")), name);
        head.addRow(1, label("label-kind", m.get("campaign.kind")), new FlowPane(16, 6, marketing, service));
        head.addRow(2, label("label-sender", m.get("campaign.sender")), sender);
        head.add(senderError, 1, 3);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(0);
        head.getColumnConstraints().setAll(labels, fields);
        GridPane.setHgrow(name, Priority.ALWAYS);

        text.setId("template");
        text.setWrapText(true);
        text.setPrefRowCount(6);
        text.setPromptText(m.get("campaign.template.prompt"));
        text.textProperty().bindBidirectional(vm.templateProperty());

        Label mention = new Label();
        mention.setId("mention");
        mention.getStyleClass().add("fixed-mention");
        mention.setWrapText(true); // the mandatory mention is shown whole, never "STOP au 361…"
        mention.textProperty().bind(Bindings.when(vm.suffixProperty().isEmpty()).then("")
                .otherwise(Bindings.concat(m.get("campaign.mention.prefix"), " ", vm.suffixProperty())));
        mention.visibleProperty().bind(vm.suffixProperty().isNotEmpty());
        mention.managedProperty().bind(mention.visibleProperty());

        Label counter = new Label();
        counter.setId("counter");
        counter.getStyleClass().add("sms-counter");
        counter.textProperty().bind(vm.counterProperty());
        counter.setTooltip(new javafx.scene.control.Tooltip(m.get("campaign.counter.tooltip")));
        vm.levelProperty().addListener((o, a, b) -> styleCounter(counter, b));
        styleCounter(counter, vm.levelProperty().get());

        Button insert = new Button(m.get("campaign.insert.firstname"));
        insert.setId("insert-firstname");
        insert.setOnAction(e -> {
            text.insertText(text.getCaretPosition(), MessageComposer.FIRST_NAME);
            text.requestFocus();
        });
        // the counter is what the owner watches: never cut it short; the button goes under it when narrow
        counter.setMinWidth(Region.USE_PREF_SIZE);
        insert.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane counterRow = new FlowPane(12, 6, counter, insert);
        counterRow.setAlignment(Pos.CENTER_LEFT);

        VBox form = new VBox(10, head, serviceWarning, new Label(m.get("campaign.template")), text, mention,
                counterRow, new UnicodeHelp(vm, m), audienceRow(), scheduleRow(), buttons());
        if (testSend != null) {
            form.getChildren().add(new TestSendRow(testSend, m));
        }
        form.disableProperty().bind(vm.editableProperty().not());
        return form;
    }

    private VBox audienceRow() {
        ChoiceBox<String> tag = new ChoiceBox<>();
        tag.setId("tag");
        tag.setConverter(new StringConverter<>() {
            @Override
            public String toString(String t) {
                return t == null || t.isEmpty() ? m.get("campaign.audience.all") : t;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Runnable fill = () -> {
            List<String> items = new ArrayList<>();
            items.add("");
            items.addAll(vm.tags());
            String current = vm.tagProperty().get();
            if (current != null && !items.contains(current)) {
                items.add(current);
            }
            tag.getItems().setAll(items);
            tag.setValue(current == null ? "" : current);
        };
        vm.tags().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        tag.valueProperty().addListener((o, a, b) -> vm.tagProperty().set(b == null || b.isEmpty() ? null : b));
        vm.tagProperty().addListener((o, a, b) -> tag.setValue(b == null ? "" : b));

        Label recipients = new Label();
        recipients.setId("recipients");
        recipients.textProperty().bind(Bindings.createStringBinding(() -> vm.recipientsProperty().get() < 0
                ? m.get("campaign.audience.counting")
                : m.get("campaign.audience.count", vm.recipientsProperty().get()), vm.recipientsProperty()));
        Label cost = new Label();
        cost.setId("cost");
        cost.textProperty().bind(vm.costProperty());
        Label title = new Label(m.get("campaign.audience"));
        for (Label l : List.of(title, recipients, cost)) {
            l.setMinWidth(Region.USE_PREF_SIZE); // never "Des…": the count and the cost are what the owner checks
        }
        FlowPane row = new FlowPane(12, 6, title, tag, recipients);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, row, cost);
    }

    /** The schedule choice, and under it when the first SMS may really leave and why. */
    private VBox scheduleRow() {
        ToggleGroup group = new ToggleGroup();
        RadioButton asap = radio(group, "schedule-asap", m.get("campaign.schedule.asap"));
        RadioButton at = radio(group, "schedule-at", m.get("campaign.schedule.at"));
        (vm.scheduleModeProperty().get() == ScheduleMode.AT ? at : asap).setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) ->
                vm.scheduleModeProperty().set(b == at ? ScheduleMode.AT : ScheduleMode.ASAP));
        vm.scheduleModeProperty().addListener((o, a, b) -> (b == ScheduleMode.AT ? at : asap).setSelected(true));
        DatePicker date = new DatePicker();
        date.setId("schedule-date");
        date.setPrefWidth(140);
        date.valueProperty().bindBidirectional(vm.dateProperty());
        TextField time = new TextField();
        time.setId("schedule-time");
        time.setPrefColumnCount(5);
        time.textProperty().bindBidirectional(vm.timeProperty());
        date.disableProperty().bind(at.selectedProperty().not());
        time.disableProperty().bind(at.selectedProperty().not());
        Label title = new Label(m.get("campaign.schedule"));
        title.setMinWidth(Region.USE_PREF_SIZE);
        // wraps on a narrow window rather than cutting "Dès que possible" and the time
        FlowPane row = new FlowPane(12, 6, title, asap, at, date, time);
        row.setAlignment(Pos.CENTER_LEFT);
        Label firstSend = new Label();
        firstSend.setId("first-send");
        firstSend.setWrapText(true);
        firstSend.getStyleClass().add("text-muted");
        firstSend.textProperty().bind(vm.firstSendProperty());
        firstSend.visibleProperty().bind(vm.firstSendProperty().isNotEmpty());
        firstSend.managedProperty().bind(firstSend.visibleProperty());
        return new VBox(4, row, firstSend);
    }

    private VBox buttons() {
        Button save = new Button(m.get("campaign.save"));
        save.setId("save");
        save.setOnAction(e -> vm.save());
        Button schedule = new Button(m.get("campaign.schedule.button"));
        schedule.setId("schedule");
        schedule.getStyleClass().add("accent");
        schedule.setDefaultButton(false);
        schedule.setOnAction(e -> vm.schedule());
        Label status = new Label();
        status.setId("status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        // the status goes under the buttons: beside them, a long one squeezed them to "..." on a narrow window
        save.setMinWidth(Region.USE_PREF_SIZE);
        schedule.setMinWidth(Region.USE_PREF_SIZE);
        // a flow, not a box: on a narrow window the second button goes under the first rather than both shrinking
        FlowPane row = new FlowPane(12, 6, save, schedule);
        row.setId("editor-buttons");
        row.setAlignment(Pos.CENTER_LEFT);
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        return new VBox(6, row, status);
    }

    private static void styleCounter(Label counter, EditorText.Level level) {
        toggleClass(counter, "amber", level == EditorText.Level.NEAR);
        toggleClass(counter, "red", level == EditorText.Level.OVER);
    }

    private static void toggleClass(javafx.scene.Node node, String style, boolean on) {
        node.getStyleClass().remove(style);
        if (on) {
            node.getStyleClass().add(style);
        }
    }

    private static RadioButton radio(ToggleGroup group, String id, String label) {
        RadioButton r = new RadioButton(label);
        r.setId(id);
        r.setToggleGroup(group);
        return r;
    }

    static Label note(String id, String textValue, String style) {
        Label l = new Label(textValue);
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }

    static Label label(String id, String textValue) {
        Label l = new Label(textValue);
        l.setId(id);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
