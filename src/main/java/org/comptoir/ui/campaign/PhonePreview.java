package org.comptoir.ui.campaign;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.comptoir.i18n.Messages;

/**
 * A phone-like frame: the sender on top, then the message for one real recipient cut where the network cuts it, one
 * bubble per SMS part, each captioned with its place, its size and its encoding (the STOP mention counted, in the
 * last part).
 */
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

        VBox parts = new VBox(4);
        parts.setId("preview-parts");
        Tooltip.install(parts, new Tooltip(messages.get("campaign.preview.parts.tooltip")));
        Runnable fill = () -> {
            parts.getChildren().clear();
            int n = 0;
            for (EditorText.PreviewPart part : vm.previewParts()) {
                Label caption = new Label(part.caption());
                caption.setId("preview-caption-" + n);
                caption.getStyleClass().addAll("part-caption", "text-small");
                caption.setMinWidth(Region.USE_PREF_SIZE);
                Label bubble = new Label(part.text());
                bubble.setId("preview-part-" + n);
                bubble.getStyleClass().add("bubble");
                bubble.setWrapText(true);
                bubble.setMinHeight(Region.USE_PREF_SIZE);
                parts.getChildren().addAll(caption, bubble);
                n++;
            }
        };
        vm.previewParts().addListener((ListChangeListener<EditorText.PreviewPart>) c -> fill.run());
        fill.run();

        Label caption = new Label(messages.get("campaign.preview.caption"));
        caption.getStyleClass().addAll("text-muted", "text-small");
        caption.setWrapText(true);

        Region fillSpace = new Region();
        VBox.setVgrow(fillSpace, Priority.ALWAYS);
        getChildren().addAll(sender, parts, fillSpace, caption);
    }
}
