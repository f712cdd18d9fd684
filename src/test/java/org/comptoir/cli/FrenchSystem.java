package org.comptoir.cli;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The command line speaks the system's language before any store is open: {@code @ExtendWith(FrenchSystem.class)}
 * pins it to French for each test, whatever the machine's, and puts the previous default back afterwards.
 */
public final class FrenchSystem implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FrenchSystem.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("previous", Locale.getDefault());
        Locale.setDefault(Locale.FRANCE);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Locale.setDefault(context.getStore(NS).get("previous", Locale.class));
    }
}
