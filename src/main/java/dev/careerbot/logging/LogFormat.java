package dev.careerbot.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * For the console chat, whose terminal shows the conversation only: the console appenders
     * keep warnings and errors, everything (information included) also goes to {@code file}.
     * No-op when Logback is not the backend; a file that cannot be opened is left out.
     */
    public static void consoleWarningsOnly(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext();) {
            if (appenders.next() instanceof ConsoleAppender<ILoggingEvent> console
                    && console.getCopyOfAttachedFiltersList().stream().noneMatch(ThresholdFilter.class::isInstance)) {
                ThresholdFilter warnings = new ThresholdFilter();
                warnings.setLevel("WARN");
                warnings.setContext(context);
                warnings.start();
                console.addFilter(warnings);
            }
        }
        if (root.getAppender("CHAT_LOG") != null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            return;
        }
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("CHAT_LOG");
        appender.setFile(file.toString());
        appender.setEncoder(DefaultLogging.redactingText(context));
        appender.start();
        if (appender.isStarted()) {
            root.addAppender(appender);
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
