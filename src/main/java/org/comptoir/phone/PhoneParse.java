package org.comptoir.phone;

import java.util.Objects;
import org.comptoir.i18n.UserMessage;

/** What {@link PhoneNumbers#parseMobile} made of a typed number: a mobile number, or why not. */
public sealed interface PhoneParse {

    /** A mobile number that can receive SMS. */
    record Valid(PhoneNumber number) implements PhoneParse {
        public Valid {
            Objects.requireNonNull(number, "number");
        }
    }

    /** Not usable, with a sentence for the person who typed it (keys {@code phone.error.*}). */
    record Invalid(UserMessage reason) implements PhoneParse {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    default boolean isValid() {
        return this instanceof Valid;
    }
}
