package org.comptoir.ui.campaign;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.comptoir.i18n.Messages;
import org.comptoir.sms.NonGsmChar;

/**
 * The campaign editor's Unicode help: the characters that force Unicode, each with its GSM suggestion, the text
 * with them highlighted and "replace them all"; or the warning that a customer's first name does. Hidden when
 * the text is GSM-7.
 */
final class UnicodeHelp extends VBox {

    private final Messages m;

    UnicodeHelp(CampaignEditorViewModel vm, Messages messages) {
        super(6);
        this.m = messages;
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("unicode-chars");
        TextFlow highlighted = new TextFlow();
        highlighted.setId("unicode-highlight");
        highlighted.getStyleClass().add("unicode-highlight");
        Button replace = new Button(m.get("campaign.unicode.replace"));
        replace.setId("replace-unicode");
        replace.setOnAction(e -> vm.replaceUnicode());
        Label fromName = CampaignEditorView.note("unicode-name", m.get("campaign.unicode.name"), "warning");
        fromName.visibleProperty().bind(vm.unicodeFromNameProperty());
        fromName.managedProperty().bind(fromName.visibleProperty());
        Label title = new Label(m.get("campaign.unicode.title"));
        title.setWrapText(true);
        VBox box = new VBox(6, title, chips, highlighted, replace);
        box.setId("unicode-box");
        box.getStyleClass().add("unicode-box");
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.nonGsm()));
        box.managedProperty().bind(box.visibleProperty());
        vm.nonGsm().addListener((ListChangeListener<NonGsmChar>) c -> {
            chips.getChildren().setAll(vm.nonGsm().stream().map(this::chip).toList());
            highlighted.getChildren().setAll(highlight(vm.templateProperty().get(), vm.nonGsm()));
        });
        getChildren().addAll(fromName, box);
    }

    private Label chip(NonGsmChar c) {
        String to = c.replacement().map(r -> r.isEmpty() ? m.get("campaign.unicode.remove") : "« " + r + " »")
                .orElse(m.get("campaign.unicode.none"));
        Label chip = new Label(m.get("campaign.unicode.chip", c.text(), c.indices().size(), to));
        chip.getStyleClass().add("unicode-chip");
        return chip;
    }

    /** The typed text as Text runs, offending characters in their own red run. */
    static List<Text> highlight(String template, List<NonGsmChar> chars) {
        boolean[] bad = new boolean[template.length()];
        for (NonGsmChar c : chars) {
            for (int i : c.indices()) {
                for (int k = i; k < Math.min(template.length(), i + c.text().length()); k++) {
                    bad[k] = true;
                }
            }
        }
        List<Text> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= template.length(); i++) {
            if (i == template.length() || bad[i] != bad[start]) {
                Text run = new Text(template.substring(start, i));
                if (bad[start]) {
                    run.getStyleClass().add("unicode-char");
                }
                runs.add(run);
                start = i;
            }
        }
        return runs;
    }
}
