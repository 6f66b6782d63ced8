package dev.careerbot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The bot's logging, set up in code rather than in a {@code logback.xml}: parsing the XML
 * (Joran and a SAX parser, some 500 classes) was a third of the time from process start to the
 * first answer. Lines go to standard error (standard output belongs to the console chat and to
 * {@code match}), through {@link RedactingPatternLayout}; the bot's own loggers at INFO, the
 * libraries' at WARN, and DJL's GPU probe (which warns when a CUDA runtime has no driver; the bot
 * never uses a GPU) silent.
 *
 * <p>Logback finds this class through {@code META-INF/services}. A file named by
 * {@code -Dlogback.configurationFile}, or a {@code logback-test.xml} on the class path (the
 * tests'), still wins: then this hands over to Logback's usual XML lookup.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class DefaultLogging extends ContextAwareBase implements Configurator {

    /** The layout of a text line, also used by the console chat's log file. */
    public static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || DefaultLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configureInCode(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Standard error, the bot at INFO, the libraries at WARN. */
    static void configureInCode(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(redactingText(context));
        console.start();
        context.getLogger("dev.careerbot").setLevel(Level.INFO);
        context.getLogger("ai.djl.util.cuda.CudaUtils").setLevel(Level.OFF);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
    }

    /** An encoder writing {@link #PATTERN} lines with bot tokens removed. */
    static LayoutWrappingEncoder<ILoggingEvent> redactingText(LoggerContext context) {
        RedactingPatternLayout layout = new RedactingPatternLayout();
        layout.setContext(context);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }
}
