package org.comptoir.campaign;

/** As soon as the sending window allows, or at a chosen instant (still subject to the window). */
public enum ScheduleMode {
    ASAP,
    AT
}
