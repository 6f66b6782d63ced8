package dev.careerbot.operations;

import dev.careerbot.config.OperationsSettings;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Reply;
import dev.careerbot.unanswered.InertText;
import dev.careerbot.unanswered.UnansweredEntry;
import dev.careerbot.unanswered.UnansweredLog;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands only the admins listed in the config may use: {@code /reload}, {@code /stats}
 * and {@code /unanswered [count]}. Their replies are private-only (admin output never goes into a
 * public channel); anyone else gets a polite refusal and nothing happens.
 */
final class AdminCommands {

    static final Set<String> NAMES = Set.of("reload", "stats", "unanswered");

    private static final Logger log = LoggerFactory.getLogger(AdminCommands.class);
    private static final int DEFAULT_SHOWN = 10;
    private static final int MAX_SHOWN = 50;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final OperationsSettings.Admins admins;
    private final KnowledgeReloader reloader;
    private final UnansweredLog unanswered;
    private final BotMetrics metrics;
    private final LiveConversation live;
    private final Duration reloadWait;

    /**
     * @param reloadWait how long {@code /reload} waits for the outcome before it answers that the
     *     reload is still running
     */
    AdminCommands(OperationsSettings.Admins admins, KnowledgeReloader reloader, UnansweredLog unanswered,
            BotMetrics metrics, LiveConversation live, Duration reloadWait) {
        this.admins = admins;
        this.reloader = reloader;
        this.unanswered = unanswered;
        this.metrics = metrics;
        this.live = live;
        this.reloadWait = reloadWait;
    }

    /** Runs an admin command, or refuses it when the sender is not an admin. */
    Reply run(String command, String argument, InboundMessage message) {
        if (!admins.isAdmin(message.platform(), message.senderId())) {
            log.info("Refused /{} on {}: the sender is not an admin", command, message.platform());
            return Reply.text("Sorry, /" + command + " is only for the people who run this bot, so I did nothing."
                    + " Ask me anything about AI engineering careers, or send /help.");
        }
        log.info("Admin command /{} on {}", command, message.platform());
        String text = switch (command) {
            case "reload" -> reload(message);
            case "stats" -> stats();
            case "unanswered" -> unanswered(argument);
            default -> throw new IllegalArgumentException("not an admin command: " + command);
        };
        return new Reply(text, List.of(), true);
    }

    private String reload(InboundMessage message) {
        try {
            ReloadOutcome outcome = reloader.reload("/reload from an admin on " + message.platform())
                    .get(reloadWait.toMillis(), TimeUnit.MILLISECONDS);
            return outcome.describe();
        } catch (TimeoutException slow) {
            return "The reload is still running (training takes a few seconds); the log will say how it ended."
                    + " Send /stats in a moment to see the knowledge base in use.";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "The bot is shutting down; the reload was not finished.";
        } catch (ExecutionException impossible) {
            throw new IllegalStateException("reloads complete normally", impossible);
        }
    }

    private String stats() {
        BotMetrics.Snapshot stats = metrics.snapshot();
        long answered = stats.intents().stream().mapToLong(Map.Entry::getValue).sum();
        long questions = answered + stats.outOfScope() + stats.clarifications();
        StringBuilder text = new StringBuilder("**CareerBot stats** (up ").append(duration(stats.uptime())).append(")\n");
        text.append("- messages: ").append(stats.received());
        if (!stats.receivedByPlatform().isEmpty()) {
            text.append(" (");
            text.append(String.join(", ", stats.receivedByPlatform().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(entry -> entry.getKey() + " " + entry.getValue()).toList()));
            text.append(')');
        }
        text.append(", replies: ").append(stats.replies()).append('\n');
        text.append("- out of scope: ").append(stats.outOfScope()).append(" (").append(percent(stats.outOfScope(), questions))
                .append(" of questions), \"Did you mean\": ").append(stats.clarifications()).append(" (")
                .append(percent(stats.clarifications(), questions)).append(")\n");
        text.append("- dropped (rate limit, shutdown): ").append(stats.dropped()).append(", errors: ")
                .append(stats.errors()).append('\n');
        text.append(String.format(Locale.ROOT, "- mean response time: %.1f ms%n", stats.meanResponse().toNanos() / 1e6));
        text.append("- active conversations: ").append(live.current().activeSessions()).append('\n');
        text.append("- knowledge base: ").append(live.current().knowledge().source()).append(", ")
                .append(live.current().knowledge().intents().size()).append(" intents");
        if (!stats.intents().isEmpty()) {
            text.append("\n\n**Top intents**");
            stats.intents().stream().limit(5).forEach(entry ->
                    text.append("\n- ").append(entry.getKey()).append(": ").append(entry.getValue()));
        }
        return text.toString();
    }

    private String unanswered(String argument) {
        if (!unanswered.enabled()) {
            return "The unanswered-question log is switched off (unanswered.enabled in the config).";
        }
        int count = DEFAULT_SHOWN;
        if (!argument.isBlank()) {
            try {
                count = Math.max(1, Math.min(MAX_SHOWN, Integer.parseInt(argument.strip())));
            } catch (NumberFormatException e) {
                return "Write /unanswered, or /unanswered with a number from 1 to " + MAX_SHOWN + ", for example"
                        + " /unanswered 20.";
            }
        }
        List<UnansweredEntry> latest = unanswered.latest(count);
        if (latest.isEmpty()) {
            return "No unanswered questions yet.";
        }
        StringBuilder text = new StringBuilder("**Latest unanswered questions**, newest first (run the review"
                + " command on the server to see them grouped):");
        for (UnansweredEntry entry : latest) {
            text.append("\n- ").append(TIME.format(entry.time())).append(' ')
                    .append(entry.platform().toLowerCase(Locale.ROOT)).append(", ")
                    .append(entry.kind().equals(UnansweredEntry.CLARIFY) ? "unsure" : "out of scope")
                    .append(": \"").append(InertText.of(entry.text())).append('"');
        }
        return text.toString();
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0 %" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private static String duration(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        return days > 0 ? days + " d " + hours + " h" : hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }
}
