package dev.careerbot.channel.discord;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Every log line of a test at DEBUG and above (JDA's included), with the messages of any
 * attached exceptions, so tests can check what an operator would read.
 */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger jda = (Logger) LoggerFactory.getLogger("net.dv8tion");
    private final Logger bot = (Logger) LoggerFactory.getLogger("dev.careerbot");
    private final Level jdaLevel;
    private final Level botLevel;

    CapturedLogs() {
        jdaLevel = jda.getLevel();
        botLevel = bot.getLevel();
        jda.setLevel(Level.DEBUG);
        bot.setLevel(Level.DEBUG);
        setContext(root.getLoggerContext());
        start();
        root.addAppender(this);
        // DEBUG lines are captured here but kept off the console; warnings still show there.
        jda.setAdditive(false);
        bot.setAdditive(false);
        jda.addAppender(this);
        bot.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(Level.DEBUG)) {
            return;
        }
        boolean keptOffTheConsole = event.getLoggerName().startsWith("net.dv8tion")
                || event.getLoggerName().startsWith("dev.careerbot");
        if (keptOffTheConsole && event.getLevel().isGreaterOrEqual(Level.WARN)) {
            System.err.println(event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage());
        }
        StringBuilder line = new StringBuilder(event.getLevel().toString()).append(' ')
                .append(event.getLoggerName()).append(": ").append(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        lines.add(line.toString());
    }

    List<String> matching(String fragment) {
        return lines.stream().filter(line -> line.contains(fragment)).toList();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        jda.detachAppender(this);
        bot.detachAppender(this);
        jda.setAdditive(true);
        bot.setAdditive(true);
        jda.setLevel(jdaLevel);
        bot.setLevel(botLevel);
        stop();
    }
}
