package dev.careerbot.channel.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Keeps every log event of the given loggers (at DEBUG and above) while open, with stack traces. */
final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> previous = new HashMap<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    LogCapture(String... loggerNames) {
        appender.start();
        root.addAppender(appender);
        for (String name : loggerNames) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            previous.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    /** Each event as one text: level, logger, message, and every throwable with its stack. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        synchronized (appender) {
            for (ILoggingEvent event : appender.list) {
                StringBuilder line = new StringBuilder()
                        .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                        .append(event.getFormattedMessage());
                for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
                    line.append("\n").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
                    for (StackTraceElementProxy frame : proxy.getStackTraceElementProxyArray()) {
                        line.append("\n\t").append(frame.getSTEAsString());
                    }
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    /** Waits until a line contains the text; returns that line. */
    String await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines()) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("No log line with \"" + text + "\" within " + timeout.toMillis() + " ms; got "
                + lines());
    }

    long count(String text) {
        return lines().stream().filter(line -> line.contains(text)).count();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        previous.forEach(Logger::setLevel);
    }
}
