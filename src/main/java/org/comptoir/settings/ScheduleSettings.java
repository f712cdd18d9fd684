package org.comptoir.settings;

import java.util.List;
import org.comptoir.schedule.SendingRules;
import org.comptoir.schedule.SendingRulesFactory;

/**
 * Settings of the sending windows. Plain definitions; {@link SendingRulesFactory#from} turns their values into
 * rules, and validates through the same grammar, so a value {@code config set} accepts always builds.
 */
public final class ScheduleSettings {

    /** {@code france} (the default), {@code france-22h}, {@code us} or {@code custom}. */
    public static final String PRESET = "schedule.preset";
    public static final String CUSTOM_DAYS = "schedule.custom-days";
    public static final String CUSTOM_HOURS = "schedule.custom-hours";
    public static final String ALSACE_MOSELLE = "schedule.alsace-moselle";

    public static final List<SettingDefinition> DEFINITIONS = List.of(
            SettingDefinition.plain(PRESET, "france", Validators.oneOf(SendingRulesFactory.presetIds())),
            SettingDefinition.plain(CUSTOM_DAYS, "mon-sat", SendingRulesFactory::daysProblem),
            SettingDefinition.plain(CUSTOM_HOURS, "08:00-20:00", SendingRulesFactory::hoursProblem),
            SettingDefinition.plain(ALSACE_MOSELLE, "false", Validators.bool()));

    private ScheduleSettings() {
    }

    /** The rules the settings describe now (reads the settings: blocks; never on the FX thread). */
    public static SendingRules sendingRules(Settings settings) {
        return SendingRulesFactory.from(settings.get(PRESET), settings.get(CUSTOM_DAYS), settings.get(CUSTOM_HOURS),
                settings.getBoolean(ALSACE_MOSELLE));
    }
}
