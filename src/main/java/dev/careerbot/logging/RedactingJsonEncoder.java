package dev.careerbot.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * Logback's JSON-lines encoder with every Telegram and Discord token replaced by
 * {@value RedactingPatternLayout#REDACTED} in the whole line, message, arguments and stack trace
 * included. Use it in {@code logback.xml} as an appender's encoder, or switch to it with
 * {@code logging.format: json} in the config. Each line carries the time, level, thread, logger,
 * the formatted message, the MDC and key-value pairs, and the exception; the raw message pattern,
 * its arguments, the context and the sequence numbers are left out unless {@code logback.xml}
 * switches them back on with the encoder's {@code with...} properties.
 */
public class RedactingJsonEncoder extends JsonEncoder {

    public RedactingJsonEncoder() {
        setWithFormattedMessage(true);
        setWithMessage(false);
        setWithArguments(false);
        setWithContext(false);
        setWithSequenceNumber(false);
        setWithNanoseconds(false);
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = super.encode(event);
        return RedactingPatternLayout.redact(new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }
}
