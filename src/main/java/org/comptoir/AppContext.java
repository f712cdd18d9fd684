package org.comptoir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.CampaignSettings;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.ConsentSettings;
import org.comptoir.consent.ContactDirectory;
import org.comptoir.consent.SubjectKey;
import org.comptoir.export.ExportService;
import org.comptoir.export.ImportService;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.ModemSettings;
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
    private final CampaignService campaigns;
    private final ConsentService consent;
    private final ContactDirectory contacts;
    private final ExportService exports;
    private final ImportService imports;

    private AppContext(Path dataDir, Database database) {
        this.dataDir = dataDir;
        this.database = database;
        this.settings = new Settings(database, settingDefinitions());
        this.campaigns = new CampaignService(database, settings, Clock.systemUTC());
        // the key is read after the database is open, so its lock keeps a second process from racing to create it
        this.consent = new ConsentService(database, settings, SubjectKey.loadOrCreate(dataDir), Clock.systemUTC());
        this.contacts = new ContactDirectory(database);
        this.exports = new ExportService(database, consent, settings, Clock.systemUTC(), ZoneId.systemDefault());
        this.imports = new ImportService(database, consent, settings, Clock.systemUTC(), ZoneId.systemDefault());
    }

    /** Opens the store in {@code dataDir} and wires the services; throws ComptoirException on a locked store. */
    public static AppContext open(Path dataDir) {
        Database database = Database.open(dataDir);
        try {
            return new AppContext(dataDir, database);
        } catch (RuntimeException e) {
            database.close(); // e.g. an unreadable ledger key: do not keep the store locked
            throw e;
        }
    }

    /** Every feature's settings, in the order `config list` shows them. A feature adds its line here. */
    public static List<SettingDefinition> settingDefinitions() {
        List<SettingDefinition> all = new ArrayList<>(CoreSettings.DEFINITIONS);
        all.addAll(CampaignSettings.DEFINITIONS);
        all.addAll(ConsentSettings.DEFINITIONS);
        all.addAll(ModemSettings.DEFINITIONS);
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

    /** Drafting, audience and scheduling of campaigns. */
    public CampaignService campaigns() {
        return campaigns;
    }

    /** Consent capture, lookup, erasure and the ledger. */
    public ConsentService consent() {
        return consent;
    }

    /** The contact list (search, paging, tags). */
    public ContactDirectory contacts() {
        return contacts;
    }

    /** The consent register and one-customer proof in Excel. */
    public ExportService exports() {
        return exports;
    }

    /** Contact import from spreadsheets. */
    public ImportService imports() {
        return imports;
    }

    /** Number parsing for the shop's country, read now so a change of {@code shop.country} applies (reads settings: blocks). */
    public PhoneNumbers phoneNumbers() {
        return new PhoneNumbers(settings.get(CoreSettings.SHOP_COUNTRY));
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
