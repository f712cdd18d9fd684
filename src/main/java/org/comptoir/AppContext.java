package org.comptoir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.comptoir.backup.BackupService;
import org.comptoir.backup.BackupSettings;
import org.comptoir.backup.StoreCheck;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.CampaignSettings;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.ConsentSettings;
import org.comptoir.consent.ConsentSms;
import org.comptoir.consent.ConsentSmsSettings;
import org.comptoir.consent.ContactDirectory;
import org.comptoir.consent.SubjectKey;
import org.comptoir.dispatch.GatewayOwner;
import org.comptoir.dispatch.InboundRouter;
import org.comptoir.export.ExportService;
import org.comptoir.export.ImportService;
import org.comptoir.schedule.SendingRules;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.HttpSettings;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.OwnerPin;
import org.comptoir.settings.ScheduleSettings;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.comptoir.settings.StoreSettings;
import org.comptoir.settings.TillSettings;
import org.comptoir.store.Backups;
import org.comptoir.store.Database;
import org.comptoir.store.LedgerHead;

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
    private final GatewayOwner sending;
    private final BackupService backups;
    private final ConsentSms consentSms;
    private final ExportService exports;
    private final ImportService imports;

    private AppContext(Path dataDir, Database database) {
        this.dataDir = dataDir;
        this.database = database;
        this.settings = new Settings(database, settingDefinitions());
        this.campaigns = new CampaignService(database, settings, Clock.systemUTC());
        // the key is read after the database is open, so its lock keeps a second process from racing to create it;
        // it must be the key the store was made with (DESIGN.md invariant 8)
        this.consent = new ConsentService(database, settings, SubjectKey.forStore(database), Clock.systemUTC());
        this.contacts = new ContactDirectory(database);
        // the windows are read from the settings when the engine is built (each send-due run, each app start);
        // received messages go to consent over SMS (STOP, OUI, HELP...), whose replies the engine sends: the router is
        // asked for lazily, when the engine is built, so the two can refer to each other
        this.sending = new GatewayOwner(database, settings, consent, campaigns, () -> ScheduleSettings.sendingRules(settings),
                this::inboundRouter, Clock.systemUTC());
        this.consentSms = new ConsentSms(database, settings, consent, sending.replies(), Clock.systemUTC());
        this.backups = new BackupService(database, settings, dataDir, Clock.systemUTC(), AppVersion.current(),
                AppContext::checkStore);
        this.exports = new ExportService(database, consent, settings, Clock.systemUTC(), ZoneId.systemDefault());
        this.imports = new ImportService(database, consent, settings, Clock.systemUTC(), ZoneId.systemDefault());
    }

    /** Opens the store in {@code dataDir} and wires the services; throws ComptoirException on a locked store. */
    public static AppContext open(Path dataDir) {
        // a ledger key without its database means the database was lost: never start from nothing beside it
        // the till's store.* settings say which store: its own file, a shop server's, or a chain's PostgreSQL
        Database database = Database.open(dataDir, new StoreSettings(dataDir).target(), !SubjectKey.existsIn(dataDir));
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
        all.addAll(ConsentSmsSettings.DEFINITIONS);
        all.addAll(ModemSettings.DEFINITIONS);
        all.addAll(HttpSettings.DEFINITIONS);
        all.addAll(TillSettings.DEFINITIONS);
        all.addAll(ScheduleSettings.DEFINITIONS);
        all.addAll(BackupSettings.DEFINITIONS);
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

    /** Consent over SMS: the inbound router, double opt-in, the inbox, erasure everywhere, retention. */
    public ConsentSms consentSms() {
        return consentSms;
    }

    /** The contact list (search, paging, tags). */
    public ContactDirectory contacts() {
        return contacts;
    }

    /** Renaming and deleting tags (holds nothing: built on each call). */
    public org.comptoir.consent.TagCatalog tagCatalog() {
        return new org.comptoir.consent.TagCatalog(database);
    }

    private InboundRouter inboundRouter() {
        return consentSms.router();
    }

    /** The one owner of the configured gateway and of the sending engine over it (outbox, reports, replies). */
    public GatewayOwner sending() {
        return sending;
    }

    /** Backups of the store and its keys, and restore (not started: the application starts the daily ones). */
    public BackupService backups() {
        return backups;
    }

    /** Opens {@code folder} as the application does, verifies its ledger and closes it (restore's check). */
    public static StoreCheck.Result checkStore(Path folder, LedgerHead checkpoint) {
        try (AppContext staged = open(folder)) {
            return new StoreCheck.Result(staged.consent().verify(), Backups.ledgerHead(staged.database()),
                    checkpoint == null ? Optional.empty() : Backups.eventHash(staged.database(), checkpoint.seq()));
        }
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

    /**
     * The sending windows from the {@code schedule.*} settings, read now so a change applies to the next check
     * (reads settings: blocks; never on the FX thread).
     */
    public SendingRules sendingRules() {
        return ScheduleSettings.sendingRules(settings);
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
        sending.close();
        backups.close();
        try {
            consentSms.compactIfErased(); // an erased person's bytes must not stay in the file's free pages
        } finally {
            database.close();
        }
    }
}
