package org.comptoir.consent;

import java.sql.Connection;
import java.sql.SQLException;
import org.comptoir.phone.PhoneNumber;

/**
 * Removes a person's data from one more place when they are erased, inside the erasure's transaction (so an
 * erasure is whole or not at all). Registered with {@link ConsentService#addErasureStep}.
 */
@FunctionalInterface
public interface ErasureStep {

    /** Deletes or blanks what names {@code number} (or its {@code subject}); blocks on the database. */
    void erase(Connection c, PhoneNumber number, String subject) throws SQLException;
}
