package dev.careerbot.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the log to JSON lines at start-up when the config asks for it: every output-stream
 * appender of the root logger gets a {@link RedactingJsonEncoder} instead of its text layout, so
 * tokens stay redacted in either format.
 */
public final class LogFormat {

    private LogFormat() {}

    /** Switches the application's logging to JSON lines (no-op when Logback is not the backend). */
    public static void useJson() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            useJson(context);
        }
    }

    /** Switches this Logback context's root appenders to JSON lines. */
    public static void useJson(LoggerContext context) {
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext();) {
            if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> stream
                    && !(stream.getEncoder() instanceof RedactingJsonEncoder)) {
                RedactingJsonEncoder encoder = new RedactingJsonEncoder();
                encoder.setContext(context);
                encoder.start();
                stream.stop();
                stream.setEncoder(encoder);
                stream.start();
            }
        }
    }
}
