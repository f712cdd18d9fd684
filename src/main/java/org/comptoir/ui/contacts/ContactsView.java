package org.comptoir.ui.contacts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.comptoir.consent.ConsentEventView;
import org.comptoir.consent.ContactDirectory;
import org.comptoir.consent.ContactQuery.SortKey;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.Debounce;
import org.comptoir.ui.Forms;
import org.comptoir.ui.Styles;
import org.comptoir.ui.UiContext;
import org.comptoir.ui.contacts.ContactsViewModel.Filter;
import org.comptoir.ui.contacts.ContactsViewModel.Line;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Contacts (owner only): a page of the list on the left, the selected person's consent history on the right.
 * Clicking a column header sorts in the database (the table's sort policy forwards to the view-model).
 */
public final class ContactsView extends BorderPane implements org.comptoir.ui.NavigationEvent.Target {

    private final ContactsViewModel model;

    public ContactsView(UiContext ui) {
        this(ui, new ContactsViewModel(ui.app().contacts(), ui.app().consent(), ui.app()::phoneNumbers,
                ui.app().settings(), ui.messages(), ui.executor()));
    }

    ContactsView(UiContext ui, ContactsViewModel vm) {
        Messages m = ui.messages();
        this.model = vm;
        setId("contactsView");
        getStylesheets().add(Styles.CSS);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(m.locale()).withZone(ZoneId.systemDefault());
        DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
                .withLocale(m.locale()).withZone(ZoneId.systemDefault());

        Label title = new Label(m.get("contacts.title"));
        title.getStyleClass().add("screen-title");
        TextField search = new TextField();
        search.setId("contactSearch");
        search.setPromptText(m.get("contacts.search.prompt"));
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(vm.searchProperty());
        Debounce.afterTyping(search.textProperty(), vm::firstPage);
        ChoiceBox<Filter> filter = new ChoiceBox<>();
        filter.setId("statusFilter");
        filter.getItems().addAll(Filter.values());
        filter.setConverter(converter(f -> m.get("contacts.filter." + f.name().toLowerCase(Locale.ROOT))));
        filter.valueProperty().bindBidirectional(vm.filterProperty());
        ChoiceBox<String> tagFilter = new ChoiceBox<>();
        tagFilter.setId("tagFilter");
        Map<String, Long> counts = new java.util.HashMap<>();
        tagFilter.setConverter(converter(t -> t.isEmpty() ? m.get("contacts.filter.tag.all")
                : m.get("contacts.filter.tag", t, counts.getOrDefault(t, 0L))));
        Runnable fillTagFilter = () -> {
            String current = vm.tagFilterProperty().get();
            counts.clear();
            vm.tags().forEach(t -> counts.put(t.name(), t.contacts()));
            java.util.List<String> items = new java.util.ArrayList<>();
            items.add("");
            vm.tags().forEach(t -> items.add(t.name()));
            if (current != null && !items.contains(current)) {
                items.add(current);
            }
            tagFilter.getItems().setAll(items);
            tagFilter.setValue(current == null ? "" : current);
        };
        vm.tags().addListener((javafx.collections.ListChangeListener<ContactDirectory.TagCount>) c -> fillTagFilter.run());
        fillTagFilter.run();
        tagFilter.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.tagFilterProperty().set(now.isEmpty() ? null : now);
            }
        });
        Label count = new Label();
        count.setId("contactCount");
        Runnable updateCount = () -> count.setText(m.get("contacts.count", vm.totalProperty().get()));
        vm.totalProperty().addListener((obs, was, now) -> updateCount.run());
        updateCount.run();
        Button verify = new Button(m.get("contacts.verify"), new FontIcon("mdi2s-shield-check-outline"));
        verify.setId("verifyLedger");
        verify.setOnAction(e -> vm.verify());
        // wraps onto a second line on a narrow window (1024 px) rather than pushing the screen past its right edge
        javafx.scene.layout.FlowPane tools = new javafx.scene.layout.FlowPane(10, 8, search, filter, tagFilter, count,
                verify);
        tools.setAlignment(Pos.CENTER_LEFT);
        search.setMinWidth(140);
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {filter, tagFilter, count, verify}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label banner = Forms.banner("contactsBanner", vm.bannerProperty(), vm.bannerIsErrorProperty());
        // every difference the ledger check found, not only the first: the owner (or their accountant) reads them all
        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("verifyProblems");
        problems.setPrefHeight(130);
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        VBox top = new VBox(12, title, tools, banner, problems);
        top.setStyle("-fx-padding: 24 24 12 24;");
        setTop(top);

        TableView<Line> table = new TableView<>(vm.lines());
        table.setId("contactTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.get("contacts.empty")));
        table.getStyleClass().addAll("dense", "striped");
        Map<TableColumn<Line, ?>, SortKey> keys = new java.util.HashMap<>();
        table.getColumns().add(column(m.get("contacts.col.phone"), Line::phone, SortKey.NUMBER, keys));
        table.getColumns().get(0).setMinWidth(130);
        table.getColumns().add(column(m.get("contacts.col.name"), l -> name(l), SortKey.NAME, keys));
        table.getColumns().add(column(m.get("contacts.col.status"), l -> l.row().status() == null
                ? m.get("contacts.status.none")
                : m.get("contacts.status." + l.row().status().name().toLowerCase(Locale.ROOT)), SortKey.STATUS, keys));
        table.getColumns().add(column(m.get("contacts.col.since"), l -> l.row().since() == null ? ""
                : days.format(l.row().since()), SortKey.SINCE, keys));
        table.getColumns().add(column(m.get("contacts.col.created"), l -> l.row().createdAt() == null ? ""
                : days.format(l.row().createdAt()),
                SortKey.CREATED, keys));
        // a date ("30/11/2026") and a status ("Désinscrit") stay whole when the window is narrow (1024 px): the name
        // column gives way, then the table scrolls sideways
        table.getColumns().get(2).setMinWidth(96);
        table.getColumns().get(3).setMinWidth(100);
        table.getColumns().get(4).setMinWidth(100);
        // The database sorts: the policy only forwards the clicked column; the rows arrive in order.
        table.setSortPolicy(t -> {
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<Line, ?> c = t.getSortOrder().get(0);
                vm.sortBy(keys.get(c), c.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> vm.selectedProperty().set(now));

        Button previous = new Button(null, new FontIcon("mdi2c-chevron-left"));
        previous.setId("previousPage");
        previous.setOnAction(e -> vm.previousPage());
        Button next = new Button(null, new FontIcon("mdi2c-chevron-right"));
        next.setId("nextPage");
        next.setOnAction(e -> vm.nextPage());
        Label pageLabel = new Label();
        pageLabel.setId("pageLabel");
        Runnable updatePage = () -> {
            pageLabel.setText(m.get("contacts.page", vm.pageProperty().get() + 1, vm.pageCount()));
            previous.setDisable(vm.pageProperty().get() == 0);
            next.setDisable(vm.pageProperty().get() + 1 >= vm.pageCount());
        };
        vm.pageProperty().addListener((obs, was, now) -> updatePage.run());
        vm.totalProperty().addListener((obs, was, now) -> updatePage.run());
        updatePage.run();
        HBox paging = new HBox(8, previous, pageLabel, next);
        paging.setAlignment(Pos.CENTER);
        paging.setStyle("-fx-padding: 8;");
        VBox left = new VBox(table, paging);
        VBox.setVgrow(table, Priority.ALWAYS);

        // Detail pane: who, and every ledger event with the wording they saw.
        Label who = new Label(m.get("contacts.select"));
        who.setId("contactDetailTitle");
        who.getStyleClass().add("title-4");
        who.setWrapText(true);
        vm.selectedProperty().addListener((obs, was, now) -> who.setText(now == null ? m.get("contacts.select")
                : now.phone() + (name(now).isEmpty() ? "" : " — " + name(now))));
        Label notKept = new Label(m.get("contacts.not.kept.detail"));
        notKept.setId("notKeptDetail");
        notKept.setWrapText(true);
        notKept.getStyleClass().add("text-muted");
        notKept.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                vm.selectedProperty().get() != null && !vm.selectedProperty().get().row().kept(), vm.selectedProperty()));
        notKept.managedProperty().bind(notKept.visibleProperty());
        VBox tagsBox = tagsPane(m, vm);
        tagsBox.getChildren().add(manageTags(ui, vm));
        ListView<ConsentEventView> history = new ListView<>(vm.history());
        history.setId("historyList");
        history.setPlaceholder(new Label(""));
        history.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ConsentEventView e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    return;
                }
                String what = m.get("contacts.kind." + e.kind().name().toLowerCase(Locale.ROOT));
                String channel = m.get("contacts.channel." + e.channel().name().toLowerCase(Locale.ROOT));
                StringBuilder line = new StringBuilder(dates.format(e.occurredAt())).append(" — ").append(what)
                        .append('\n').append(channel);
                if (e.staff() != null) {
                    line.append(" · ").append(e.staff());
                }
                if (e.wordingVersion() != null) {
                    line.append(" · ").append(m.get("contacts.history.wording")).append(" v").append(e.wordingVersion());
                }
                if (e.evidence() != null && !e.evidence().isBlank()) {
                    line.append(" · ").append(e.evidence());
                }
                setText(line.toString());
            }
        });
        Label wording = new Label();
        wording.setWrapText(true);
        wording.getStyleClass().add("text-muted");
        history.getSelectionModel().selectedItemProperty().addListener((obs, was, now) ->
                wording.setText(now == null || now.wordingText() == null ? "" : "« " + now.wordingText() + " »"));
        Button erase = new Button(m.get("till.erase"), new FontIcon("mdi2d-delete-outline"));
        erase.setId("eraseContact");
        erase.getStyleClass().add("danger");
        erase.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                vm.selectedProperty().get() == null || !vm.selectedProperty().get().row().kept(), vm.selectedProperty()));
        erase.setOnAction(e -> {
            Line line = vm.selectedProperty().get();
            if (line != null && ui.dialogs().confirm(m.get("till.erase.title"), m.get("till.erase.confirm", line.phone()),
                    m.get("till.erase.do"), m.get("till.erase.keep"))) {
                ui.owner().confirmPin(ui.dialogs(), vm::eraseSelected);
            }
        });
        VBox detail = new VBox(10, who, notKept, tagsBox, history, wording, erase);
        VBox.setVgrow(history, Priority.ALWAYS);
        detail.setStyle("-fx-padding: 0 16 16 16;");
        SplitPane split = new SplitPane(left, detail);
        split.setDividerPositions(0.62);
        setCenter(split);
        setStyle("-fx-padding: 0 0 0 8;");
        vm.refresh();
        vm.loadTags();
    }

    /**
     * The selected contact's tags, one box per tag (ticking gives it at once), and the field that creates a tag.
     * Boxes, not a list: a shop has a handful of tags, and each is one Tab and one Space away.
     */
    private static VBox tagsPane(Messages m, ContactsViewModel vm) {
        Label title = new Label(m.get("contacts.tags"));
        title.getStyleClass().add("text-bold");
        javafx.scene.layout.FlowPane boxes = new javafx.scene.layout.FlowPane(8, 6);
        boxes.setId("contactTags");
        Label hint = new Label();
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        Runnable fill = () -> {
            Line line = vm.selectedProperty().get();
            boxes.getChildren().clear();
            boolean taggable = line != null && line.row().kept();
            hint.setText(vm.tags().isEmpty() ? m.get("contacts.tags.none")
                    : taggable ? "" : m.get("contacts.tags.select"));
            hint.setVisible(!hint.getText().isEmpty());
            hint.setManaged(hint.isVisible());
            for (ContactDirectory.TagCount t : vm.tags()) {
                javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox(t.name());
                box.setId("tag-" + t.name());
                box.setSelected(taggable && line.row().tags().contains(t.name()));
                box.setDisable(!taggable);
                box.selectedProperty().addListener((obs, was, now) -> vm.setTag(t.name(), now));
                boxes.getChildren().add(box);
            }
        };
        vm.tags().addListener((javafx.collections.ListChangeListener<ContactDirectory.TagCount>) c -> fill.run());
        vm.selectedProperty().addListener((obs, was, now) -> fill.run());
        fill.run();
        TextField name = new TextField();
        name.setId("newTag");
        name.setPromptText(m.get("contacts.tag.new.prompt"));
        // wide enough for its placeholder ("Nouvelle étiquette"): at 1024 px the button goes under it, not beside
        name.setPrefColumnCount(14);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Button create = new Button(m.get("contacts.tag.create"), new FontIcon("mdi2t-tag-plus-outline"));
        create.setId("createTag");
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.disableProperty().bind(name.textProperty().isEmpty());
        Runnable doCreate = () -> {
            if (!name.getText().isBlank()) {
                vm.createTag(name.getText(), name::clear);
            }
        };
        create.setOnAction(e -> doCreate.run());
        name.setOnAction(e -> doCreate.run());
        javafx.scene.layout.FlowPane add = new javafx.scene.layout.FlowPane(8, 6, name, create);
        add.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, title, boxes, hint, add);
    }

    /** Renaming or deleting one of the shop's tags: pick it, type the new name or ask to delete (confirmed, counted). */
    private static javafx.scene.layout.FlowPane manageTags(UiContext ui, ContactsViewModel vm) {
        Messages m = ui.messages();
        Label label = new Label(m.get("contacts.tag.manage"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        ChoiceBox<String> which = new ChoiceBox<>();
        which.setId("manageTag");
        Runnable fill = () -> {
            String before = which.getValue();
            which.getItems().setAll(vm.tags().stream().map(ContactDirectory.TagCount::name).toList());
            which.setValue(which.getItems().contains(before) ? before : null);
        };
        vm.tags().addListener((javafx.collections.ListChangeListener<ContactDirectory.TagCount>) c -> fill.run());
        fill.run();
        TextField newName = new TextField();
        newName.setId("renameTagName");
        newName.setPromptText(m.get("contacts.tag.rename.prompt"));
        newName.setPrefColumnCount(10);
        Button rename = new Button(m.get("contacts.tag.rename"));
        rename.setId("renameTag");
        rename.setMinWidth(Region.USE_PREF_SIZE);
        rename.disableProperty().bind(which.valueProperty().isNull().or(newName.textProperty().isEmpty()));
        rename.setOnAction(e -> vm.renameTag(ui.app().tagCatalog(), which.getValue(), newName.getText(), newName::clear));
        Button delete = new Button(m.get("contacts.tag.delete"));
        delete.setId("deleteTag");
        delete.setMinWidth(Region.USE_PREF_SIZE);
        delete.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        delete.disableProperty().bind(which.valueProperty().isNull());
        delete.setOnAction(e -> vm.deleteTag(ui.app().tagCatalog(), which.getValue(), ui.dialogs()));
        // wraps in the detail column rather than cutting "Étiquette :" to "…" and the name field to a sliver
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(8, 8, label, which, newName, rename, delete);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static String name(Line l) {
        String first = l.row().firstName() == null ? "" : l.row().firstName();
        String last = l.row().lastName() == null ? "" : l.row().lastName();
        return (first + " " + last).strip();
    }

    private static TableColumn<Line, String> column(String title, Function<Line, String> value, SortKey key,
                                                    Map<TableColumn<Line, ?>, SortKey> keys) {
        TableColumn<Line, String> c = plain(title, value);
        c.setSortable(true);
        keys.put(c, key);
        return c;
    }

    private static <T> TableColumn<T, String> plain(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setSortable(false);
        return c;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Opened from a link (the home screen's "Désinscrits : 3"): shows that status filter. */
    @Override
    public void showItem(Object item) {
        if (item instanceof Filter f) {
            model.filterProperty().set(f);
        }
    }
}
