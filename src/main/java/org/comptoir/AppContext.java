package org.comptoir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.OwnerPin;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.comptoir.settings.TillSettings;
import org.comptoir.store.Database;

/**
 * Builds Comptoir's services by hand, in dependency order, from one data folder. The UI and the CLI each
 * open one and close it on exit. Opening blocks on disk I/O (database, migrations): never on the FX thread.
 */
public final class AppContext implements AutoCloseable {

    private final Path dataDir;
    private final Database database;
    private final Settings settings;

    private AppContext(Path dataDir, Database database) {
        this.dataDir = dataDir;
        this.database = database;
        this.settings = new Settings(database, settingDefinitions());
    }

    /** Opens the store in {@code dataDir} and wires the services; throws ComptoirException on a locked store. */
    public static AppContext open(Path dataDir) {
        return new AppContext(dataDir, Database.open(dataDir));
    }

    /** Every feature's settings, in the order `config list` shows them. A feature adds its line here. */
    static List<SettingDefinition> settingDefinitions() {
        List<SettingDefinition> all = new ArrayList<>(CoreSettings.DEFINITIONS);
        all.addAll(TillSettings.DEFINITIONS);
        return all;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Database database() {
        return database;
    }

    public Settings settings() {
        return settings;
    }

    /** The owner PIN, hashed in the settings. */
    public OwnerPin ownerPin() {
        return new OwnerPin(settings);
    }

    /** Messages in the language chosen in settings. */
    public Messages messages() {
        return Messages.forLanguage(settings.get(CoreSettings.UI_LANGUAGE));
    }

    @Override
    public void close() {
        database.close();
    }
}
