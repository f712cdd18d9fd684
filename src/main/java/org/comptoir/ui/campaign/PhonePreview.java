package org.comptoir.ui.campaign;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.comptoir.i18n.Messages;

/** A phone-like frame: the sender on top, the message for one real recipient in a bubble. */
final class PhonePreview extends VBox {

    PhonePreview(CampaignEditorViewModel vm, Messages messages) {
        super(10);
        setId("phone-preview");
        getStyleClass().add("phone");
        setMinWidth(240);
        setPrefWidth(240);
        setMaxWidth(240);
        setAlignment(Pos.TOP_LEFT);

        Label sender = new Label();
        sender.setId("preview-sender");
        sender.getStyleClass().add("phone-sender");
        sender.setMaxWidth(Double.MAX_VALUE);
        sender.textProperty().bind(vm.previewSenderProperty());

        Label bubble = new Label();
        bubble.setId("preview");
        bubble.getStyleClass().add("bubble");
        bubble.setWrapText(true);
        bubble.setMinHeight(Region.USE_PREF_SIZE);
        bubble.textProperty().bind(vm.previewProperty());
        bubble.visibleProperty().bind(vm.previewProperty().isNotEmpty());

        Label caption = new Label(messages.get("campaign.preview.caption"));
        caption.getStyleClass().addAll("text-muted", "text-small");
        caption.setWrapText(true);

        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        getChildren().addAll(sender, bubble, fill, caption);
    }
}
