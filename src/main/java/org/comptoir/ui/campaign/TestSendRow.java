package org.comptoir.ui.campaign;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.comptoir.i18n.Messages;

/** The campaign editor's "Essai vers [number] [Envoyer un essai]" and, under it, what became of the last test. */
final class TestSendRow extends VBox {

    TestSendRow(TestSendViewModel testSend, Messages m) {
        super(4);
        setId("test-send-box");
        Label title = CampaignEditorView.label("label-test", m.get("campaign.test.number"));
        TextField number = new TextField();
        number.setId("test-number");
        number.setPromptText(m.get("campaign.test.number.prompt"));
        number.setPrefColumnCount(16);
        number.setMinWidth(Region.USE_PREF_SIZE);
        number.textProperty().bindBidirectional(testSend.numberProperty());
        Button send = new Button(m.get("campaign.test.send"));
        send.setId("test-send");
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.disableProperty().bind(testSend.sendingProperty());
        send.setOnAction(e -> testSend.send());
        number.setOnAction(e -> testSend.send()); // Enter in the number sends, as the button does
        Tooltip help = new Tooltip(m.get("campaign.test.help"));
        help.setWrapText(true);
        help.setMaxWidth(360);
        send.setTooltip(help);
        FlowPane row = new FlowPane(12, 6, title, number, send);
        row.setAlignment(Pos.CENTER_LEFT);
        Label result = CampaignEditorView.note("test-result", "", "text-muted");
        result.textProperty().bind(testSend.resultProperty());
        result.visibleProperty().bind(testSend.resultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        getChildren().addAll(row, result);
    }
}
