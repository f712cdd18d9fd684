package org.comptoir.ui.campaign;

import java.time.format.DateTimeFormatter;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.comptoir.campaign.Campaign;
import org.comptoir.i18n.Messages;

/**
 * One campaign in the campaigns screen's list: its name, then its state and date. The state and the date are two
 * labels in a flow, so when the list is too narrow for "Programmée · 15/12/2031 09:00" (250 px at 1024 and 1280 px)
 * the date goes whole onto a third line and the cell grows, instead of being cut to "15/12/2031 0…": the owner
 * checks that date before a send.
 */
final class CampaignListCell extends ListCell<Campaign> {

    private final Messages messages;
    private final DateTimeFormatter when;
    private final Label name = new Label();
    private final Label state = new Label();
    private final Label date = new Label();
    private final VBox graphic;

    CampaignListCell(Messages messages, DateTimeFormatter when) {
        this.messages = messages;
        this.when = when;
        // ellipsis for a long name rather than a horizontal scroll bar
        setPrefWidth(0);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        name.getStyleClass().add("campaign-cell-name");
        state.getStyleClass().add("campaign-cell-state");
        date.getStyleClass().add("campaign-cell-date");
        // a state and a date are short: each stays whole, the flow moves the date down rather than cut either
        state.setMinWidth(Region.USE_PREF_SIZE);
        date.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(0);
        FlowPane line = new FlowPane(4, 0, state, date);
        line.setMinWidth(0);
        line.setPrefWrapLength(0);
        graphic = new VBox(name, line);
        graphic.setMinWidth(0);
        graphic.getStyleClass().add("campaign-cell");
    }

    /**
     * As tall as the labels are at the list's width: the skin measures a graphic at its one-line width and would keep
     * two lines' height for three (the date clipped away whole).
     */
    @Override
    protected double computePrefHeight(double width) {
        if (getGraphic() == null || width < 0) {
            return super.computePrefHeight(width);
        }
        double inner = width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + getGraphic().prefHeight(inner) + snappedBottomInset();
    }

    @Override
    protected void updateItem(Campaign c, boolean empty) {
        super.updateItem(c, empty);
        setText(null);
        if (empty || c == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        String at = c.scheduledAt() != null ? when.format(c.scheduledAt())
                : c.updatedAt() != null ? when.format(c.updatedAt()) : "";
        name.setText(c.name());
        state.setText(messages.get("campaign.status." + c.status()) + (at.isEmpty() ? "" : " ·"));
        date.setText(at);
        date.setVisible(!at.isEmpty());
        date.setManaged(date.isVisible());
        setAccessibleText(c.name() + ", " + state.getText() + " " + at);
        setGraphic(graphic);
    }
}
