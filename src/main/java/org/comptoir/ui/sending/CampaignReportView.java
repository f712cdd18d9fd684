package org.comptoir.ui.sending;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.comptoir.campaign.Campaign;
import org.comptoir.dispatch.CampaignProgressQuery;
import org.comptoir.dispatch.Outbox;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.NavigationEvent;
import org.comptoir.ui.UiContext;
import org.comptoir.ui.sending.CampaignReportViewModel.Line;

/**
 * The campaign report screen: counts by state, sends over time, failures with their reasons, opt-outs after it, and
 * the messages of unknown fate with the owner's three decisions. Every control is reached with Tab; the tables take
 * the arrow keys, the decision buttons act on the selected row.
 */
public final class CampaignReportView extends ScrollPane implements NavigationEvent.Target {

    private final CampaignReportViewModel vm;

    public CampaignReportView(UiContext ui) {
        this(new CampaignReportViewModel(SendingServices.of(ui.app(), ui.messages()), ui.messages(), ui.executor(),
                ui.dialogs()), ui.messages());
    }

    public CampaignReportView(CampaignReportViewModel vm, Messages m) {
        this.vm = vm;
        setId("report");
        setFitToWidth(true);
        Label title = new Label(m.get("dispatch.report.title"));
        title.getStyleClass().add("title-3");
        ComboBox<Campaign> choice = new ComboBox<>(vm.campaigns());
        choice.setId("report-campaign");
        choice.setPromptText(m.get("dispatch.ui.choose"));
        choice.setButtonCell(SendingView.cell(m));
        choice.setCellFactory(v -> SendingView.cell(m));
        choice.valueProperty().bindBidirectional(vm.selectedProperty());
        Label choiceLabel = new Label(m.get("dispatch.ui.campaign"));
        choiceLabel.setLabelFor(choice);
        Button follow = new Button(m.get("dispatch.ui.open.sending"));
        follow.setId("open-sending");
        follow.disableProperty().bind(vm.selectedProperty().isNull());
        follow.setOnAction(e -> NavigationEvent.open(this, "sending", vm.selectedProperty().get().id()));
        HBox top = new HBox(8, choiceLabel, choice, follow);
        top.setAlignment(Pos.CENTER_LEFT);

        Label headline = new Label();
        headline.setId("report-headline");
        headline.setWrapText(true);
        headline.getStyleClass().add("title-4");
        headline.textProperty().bind(vm.headlineProperty());

        FlowPane counts = new FlowPane(16, 6);
        counts.setId("report-counts");
        vm.counts().addListener((ListChangeListener<CampaignReportViewModel.StateCount>) c -> counts.getChildren()
                .setAll(vm.counts().stream().map(sc -> {
                    Label l = new Label(sc.label() + " : " + sc.count());
                    l.setId("state-" + sc.state());
                    return l;
                }).toList()));

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("report-chart");
        chart.setTitle(m.get("dispatch.report.chart"));
        chart.setAnimated(false);
        chart.setPrefHeight(240);
        chart.setMinHeight(200);
        chart.setFocusTraversable(false);
        Label chartEmpty = new Label(m.get("dispatch.report.chart.empty"));
        chartEmpty.setId("report-chart-empty");
        chartEmpty.visibleProperty().bind(Bindings.isEmpty(vm.timeline()));
        chartEmpty.managedProperty().bind(chartEmpty.visibleProperty());
        chart.visibleProperty().bind(Bindings.isNotEmpty(vm.timeline()));
        chart.managedProperty().bind(chart.visibleProperty());
        vm.timeline().addListener((ListChangeListener<CampaignProgressQuery.Step> ) c -> {
            XYChart.Series<String, Number> sent = series(m.get("dispatch.report.chart.sent"));
            XYChart.Series<String, Number> delivered = series(m.get("dispatch.report.chart.delivered"));
            XYChart.Series<String, Number> failed = series(m.get("dispatch.report.chart.failed"));
            for (CampaignProgressQuery.Step s : vm.timeline()) {
                String label = vm.stepLabel(s);
                sent.getData().add(new XYChart.Data<>(label, s.sent()));
                delivered.getData().add(new XYChart.Data<>(label, s.delivered()));
                failed.getData().add(new XYChart.Data<>(label, s.failed()));
            }
            chart.getData().setAll(java.util.List.of(sent, delivered, failed));
        });

        TableView<Line> problems = table("report-problems", m, m.get("dispatch.report.problems.empty"));
        problems.getColumns().add(column(m.get("dispatch.report.column.state"), Line::state, 110));
        problems.getColumns().add(column(m.get("dispatch.report.column.reason"), Line::reason, 340));
        problems.setItems(vm.problems());

        Label optOutSummary = new Label();
        optOutSummary.setId("report-optouts");
        optOutSummary.setWrapText(true);
        optOutSummary.textProperty().bind(vm.optOutSummaryProperty());
        TableView<Line> optOuts = table("report-optout-list", m, "");
        optOuts.getColumns().add(column(m.get("dispatch.report.column.channel"), Line::state, 110));
        optOuts.setItems(vm.optOuts());
        optOuts.setPrefHeight(120);
        optOuts.visibleProperty().bind(Bindings.isNotEmpty(vm.optOuts()));
        optOuts.managedProperty().bind(optOuts.visibleProperty());

        Label unknownHelp = new Label(m.get("dispatch.report.unknown.help"));
        unknownHelp.setWrapText(true);
        unknownHelp.getStyleClass().add("text-muted");
        TableView<Line> unknown = table("report-unknown", m, m.get("dispatch.report.unknown.empty"));
        unknown.getColumns().add(column(m.get("dispatch.report.column.reason"), Line::reason, 340));
        unknown.setItems(vm.unknown());
        Button markSent = decision(m, unknown, "decide-mark-sent", Outbox.Decision.MARK_SENT);
        Button sendAgain = decision(m, unknown, "decide-send-again", Outbox.Decision.SEND_AGAIN);
        Button drop = decision(m, unknown, "decide-drop", Outbox.Decision.DROP);
        FlowPane decisions = new FlowPane(8, 8, markSent, sendAgain, drop);

        VBox content = new VBox(12, title, top, headline, section(m.get("dispatch.report.counts")), counts, chart,
                chartEmpty, section(m.get("dispatch.report.problems")), problems,
                section(m.get("dispatch.report.optouts.title")), optOutSummary, optOuts,
                section(m.get("dispatch.report.unknown")), unknownHelp, unknown, decisions);
        content.setPadding(new Insets(16));
        content.setMaxWidth(1000);
        setContent(content);
        vm.reload(null);
    }

    @Override
    public void showItem(Object item) {
        if (item instanceof Long id) {
            vm.reload(id);
        }
    }

    public CampaignReportViewModel viewModel() {
        return vm;
    }

    private Button decision(Messages m, TableView<Line> table, String id, Outbox.Decision d) {
        Button b = new Button(m.get("dispatch.report.decide." + d.name().toLowerCase()));
        b.setId(id);
        if (d == Outbox.Decision.DROP) {
            b.getStyleClass().add("danger");
        }
        b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        b.setOnAction(e -> vm.decide(table.getSelectionModel().getSelectedItem(), d));
        return b;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }

    private static XYChart.Series<String, Number> series(String name) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    private static TableView<Line> table(String id, Messages m, String empty) {
        TableView<Line> t = new TableView<>();
        t.setId(id);
        t.setPlaceholder(new Label(empty));
        t.setPrefHeight(160);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(column(m.get("dispatch.report.column.number"), Line::number, 150));
        t.getColumns().add(column(m.get("dispatch.report.column.at"), Line::at, 150));
        return t;
    }

    private static TableColumn<Line, String> column(String title, Function<Line, String> value, double width) {
        TableColumn<Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
