package org.comptoir.ui;

/** Where the application's stylesheet lives (on top of the AtlantaFX Primer theme). */
public final class Styles {

    public static final String CSS = Styles.class.getResource("/org/comptoir/ui/comptoir.css").toExternalForm();

    private Styles() {
    }
}
