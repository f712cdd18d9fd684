package org.comptoir.log;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.comptoir.phone.PhoneMask;

/**
 * {@code %maskedMsg} in logback.xml: the log message with every phone number masked, so the application log never
 * names a person (an erased customer's number must not survive in it). Called by logback on the logging thread.
 */
public final class MaskedMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PhoneMask.maskAll(event.getFormattedMessage());
    }
}
