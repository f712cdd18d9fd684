package org.comptoir.settings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * The settings the UI edits and {@code config} reads and writes, stored in the database: the shop's in
 * {@code setting}, shared by every till of the store, and this PC's own ({@link SettingScope}) in {@code till_setting}
 * under this till's id ({@link TillIdentity}).
 *
 * <p>Thread-safe. Every method reads or writes the database and so blocks: call from a background thread.
 * {@link #set} throws {@link ComptoirException} for an unknown key or an invalid value, and changes nothing
 * then.
 */
public final class Settings {

    private final Database database;
    private final Map<String, SettingDefinition> definitions = new LinkedHashMap<>();
    private final SecretBox secrets;
    private final List<SettingRule> rules = new ArrayList<>();
    private final List<Consumer<Set<String>>> changeListeners = new CopyOnWriteArrayList<>();
    private final java.nio.file.Path dataDir;
    /** This till's id, read (and the values from before V21 claimed) on the first per-till access. */
    private volatile String tillId;

    /** Secret values are sealed with the key in the database's folder ({@link SecretBox#KEY_FILE}). */
    public Settings(Database database, Collection<SettingDefinition> definitions) {
        this(database, definitions, SecretBox.inFolder(database.file().toAbsolutePath().getParent()));
    }

    public Settings(Database database, Collection<SettingDefinition> definitions, SecretBox secrets) {
        this.database = database;
        this.secrets = secrets;
        this.dataDir = database.dataDir();
        for (SettingDefinition d : definitions) {
            if (this.definitions.put(d.key(), d) != null) {
                throw new IllegalArgumentException("setting defined twice: " + d.key());
            }
        }
        // a rule applies where all the settings it reads are defined (tests open stores with a few features)
        for (SettingRule rule : ModemSettings.RULES) {
            if (this.definitions.keySet().containsAll(rule.keys())) {
                rules.add(rule);
            }
        }
    }

    public List<SettingDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    /** The checks across settings that apply here. */
    public List<SettingRule> rules() {
        return List.copyOf(rules);
    }

    public SettingDefinition definition(String key) {
        SettingDefinition d = definitions.get(key);
        if (d == null) {
            throw new ComptoirException(UserMessage.of("setting.error.unknown", key));
        }
        return d;
    }

    /** The stored value, or the default when never set. */
    public String get(String key) {
        SettingDefinition d = definition(key);
        Optional<String> v = stored(key);
        if (v.isEmpty()) {
            return d.defaultValue();
        }
        return d.secret() ? secrets.open(v.get()) : v.get();
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key).trim());
    }

    public double getDouble(String key) {
        return Double.parseDouble(get(key).trim().replace(',', '.'));
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key).trim());
    }

    /** True once the value was set explicitly (first-run set-up uses this). */
    public boolean isSet(String key) {
        definition(key);
        return stored(key).isPresent();
    }

    /**
     * Validates then stores {@code value} (through the definition's {@code storeAs}, so a PIN is kept hashed);
     * on a problem, its own or with another setting ({@link SettingRule}), throws and keeps the previous value.
     */
    public void set(String key, String value) {
        setAll(Map.of(key, value == null ? "" : value));
    }

    /**
     * Validates every value, then the {@link SettingRule}s on the settings as they would be, then stores them
     * all in one transaction; on any problem throws {@link ComptoirException} and stores none. Blocks on the
     * database.
     */
    public void setAll(Map<String, String> values) {
        setAll(values, "owner");
    }

    /**
     * As {@link #setAll(Map)}, with {@code actor} as who changed them in the audit trail: "engine" when the
     * application itself changes a setting (an HTTP route turning its batching off), so an audit does not put it on
     * the owner.
     */
    public void setAll(Map<String, String> values, String actor) {
        Map<String, String> accepted = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            SettingDefinition d = definition(e.getKey());
            String v = e.getValue() == null ? "" : e.getValue().strip();
            d.validate(v).ifPresent(problem -> {
                throw new ComptoirException(problem);
            });
            accepted.put(d.key(), v);
        }
        for (SettingRule rule : rules) {
            if (rule.keys().stream().anyMatch(accepted::containsKey)) {
                rule.problem(k -> accepted.containsKey(k) ? accepted.get(k) : get(k)).ifPresent(problem -> {
                    throw new ComptoirException(problem);
                });
            }
        }
        Instant now = Instant.now();
        Map<String, String> stored = new LinkedHashMap<>();
        accepted.forEach((key, v) -> {
            SettingDefinition d = definition(key);
            String transformed = d.storeAs().apply(v);
            stored.put(key, d.secret() && !transformed.isEmpty() ? secrets.seal(transformed) : transformed);
        });
        database.inTransaction(c -> {
            for (Map.Entry<String, String> e : stored.entrySet()) {
                String key = e.getKey();
                if (SettingScope.perTill(key)) {
                    Jdbc.upsert(c, "till_setting", new String[] {"till_id", "setting_key"},
                            new String[] {"till_id", "setting_key", "setting_value", "updated_at"}, tillId(), key,
                            e.getValue(), now);
                } else {
                    Jdbc.upsert(c, "setting", new String[] {"setting_key"},
                            new String[] {"setting_key", "setting_value", "updated_at"}, key, e.getValue(), now);
                }
                Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, ?, ?, ?)",
                        now, actor, "SETTING_CHANGED", definition(key).secret() ? key : key + "=" + accepted.get(key));
            }
            return null;
        });
        Set<String> keys = Set.copyOf(accepted.keySet());
        for (Consumer<Set<String>> l : changeListeners) {
            l.accept(keys); // after the commit: a listener reads the new values
        }
    }

    /**
     * Hears the keys of every change once it is stored (the sending engine rebuilds its gateway when the gateway's
     * settings change and reads the new sending windows), on the thread that saved it: it must return quickly and not
     * throw.
     */
    public void addChangeListener(Consumer<Set<String>> listener) {
        changeListeners.add(listener);
    }

    /**
     * The cross-setting problems with the values {@code valueOf} gives (e.g. a form's fields before saving),
     * each with the rule that found it. Pure: no database.
     */
    public List<Map.Entry<SettingRule, UserMessage>> ruleProblems(UnaryOperator<String> valueOf) {
        List<Map.Entry<SettingRule, UserMessage>> out = new ArrayList<>();
        for (SettingRule rule : rules) {
            rule.problem(valueOf).ifPresent(p -> out.add(Map.entry(rule, p)));
        }
        return out;
    }

    /** Validates a value without storing it (for live feedback in forms). */
    public Optional<UserMessage> check(String key, String value) {
        return definition(key).validate(value == null ? "" : value.strip());
    }

    /** Every setting with its effective value, secrets masked. */
    public List<Map.Entry<String, String>> list() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (SettingDefinition d : definitions.values()) {
            String v = get(d.key());
            out.add(Map.entry(d.key(), d.secret() && !v.isEmpty() ? "***" : v));
        }
        return out;
    }

    /** Whether {@code key} is this till's own setting rather than the shop's ({@link SettingScope}). */
    public boolean perTill(String key) {
        definition(key);
        return SettingScope.perTill(key);
    }

    private Optional<String> stored(String key) {
        if (SettingScope.perTill(key)) {
            String till = tillId();
            return database.withConnection(c -> Jdbc.queryOne(c, "SELECT setting_value FROM till_setting WHERE "
                    + "till_id = ? AND setting_key = ?", rs -> rs.getString(1), till, key));
        }
        return database.withConnection(c -> Jdbc.queryOne(c,
                "SELECT setting_value FROM setting WHERE setting_key = ?", rs -> rs.getString(1), key));
    }

    /**
     * This till's id; on first use, the per-till values the store held before V21 become this till's, if no till has
     * claimed them yet and this till has none of its own (one conditional UPDATE: of two tills starting at once, one
     * wins, the other keeps its defaults). Blocks on disk and the database.
     */
    private String tillId() {
        String id = tillId;
        if (id == null) {
            synchronized (this) {
                id = tillId;
                if (id == null) {
                    String mine = TillIdentity.of(dataDir);
                    database.inTransaction(c -> Jdbc.update(c, "UPDATE till_setting SET till_id = ? WHERE till_id = ''"
                            + " AND NOT EXISTS (SELECT 1 FROM till_setting t WHERE t.till_id = ?)", mine, mine));
                    tillId = id = mine;
                }
            }
        }
        return id;
    }
}
