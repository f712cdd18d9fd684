package org.comptoir.ui;

import java.util.function.Function;
import javafx.scene.Node;

/**
 * One entry of the main navigation.
 *
 * @param id          stable id, also the node id of its navigation button ({@code nav-<id>})
 * @param titleKey    message key of its label
 * @param ownerOnly   needs the owner PIN (export, sending, settings, erasure)
 * @param factory     builds the screen's view; called on the FX thread, must not block
 */
public record Screen(String id, String titleKey, boolean ownerOnly, Function<UiContext, Node> factory) {
}
