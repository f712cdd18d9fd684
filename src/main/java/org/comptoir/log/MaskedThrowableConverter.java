package org.comptoir.log;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.comptoir.phone.PhoneMask;

/** {@code %maskedEx}: a logged exception's stack trace with phone numbers masked (messages often quote them). */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PhoneMask.maskAll(super.convert(event));
    }
}
