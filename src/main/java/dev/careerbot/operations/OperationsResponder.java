package dev.careerbot.operations;

import dev.careerbot.config.OperationsSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.conversation.Turn;
import dev.careerbot.intent.Decision;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.message.CommandInfo;
import dev.careerbot.message.CommandText;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Reply;
import dev.careerbot.message.Responder;
import dev.careerbot.unanswered.InertText;
import dev.careerbot.unanswered.UnansweredEntry;
import dev.careerbot.unanswered.UnansweredLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responder the adapters talk to in {@code run}. Around the live conversation it adds, in
 * order: refusal once shutdown began; the per-user rate limit (one notice, then silent drops);
 * the admin commands; {@code /forget}; then the conversation itself, with metrics for every turn
 * and the unanswered log for out-of-scope and "Did you mean" questions. Thread-safe; never throws.
 */
final class OperationsResponder implements Responder {

    private static final Logger log = LoggerFactory.getLogger(OperationsResponder.class);
    /** Message texts go to this logger, and only when the operator turned {@code logging.message_text} on. */
    private static final Logger messages = LoggerFactory.getLogger("dev.careerbot.messages");

    static final String SLOW_DOWN = "You're sending messages faster than I can answer them. Please wait a"
            + " minute; until then I'll skip what you send.";
    static final CommandInfo FORGET = new CommandInfo("forget",
            "Delete the questions of yours I kept and our conversation", Optional.empty());

    private final LiveConversation live;
    private final RateLimiter limiter;
    private final AdminCommands admin;
    private final UnansweredLog unanswered;
    private final BotMetrics metrics;
    private final OperationsSettings.Logging logging;
    private final InFlight inFlight;
    private final LongSupplier nanoTime;

    OperationsResponder(LiveConversation live, RateLimiter limiter, AdminCommands admin, UnansweredLog unanswered,
            BotMetrics metrics, OperationsSettings.Logging logging, InFlight inFlight, LongSupplier nanoTime) {
        this.live = live;
        this.limiter = limiter;
        this.admin = admin;
        this.unanswered = unanswered;
        this.metrics = metrics;
        this.logging = logging;
        this.inFlight = inFlight;
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<Reply> respond(InboundMessage message) {
        if (!inFlight.enter()) {
            metrics.dropped(message.platform(), "shutdown");
            log.warn("A {} message arrived after shutdown began and was not answered", message.platform());
            return Optional.empty();
        }
        long start = nanoTime.getAsLong();
        try {
            metrics.received(message.platform());
            Optional<Reply> reply = respondSafely(message);
            reply.ifPresent(sent -> metrics.replied(message.platform()));
            return reply;
        } finally {
            metrics.responseTook(Duration.ofNanos(nanoTime.getAsLong() - start));
            inFlight.exit();
        }
    }

    @Override
    public List<CommandInfo> commands() {
        List<CommandInfo> commands = new ArrayList<>(live.current().commands());
        commands.add(FORGET);
        return commands;
    }

    private Optional<Reply> respondSafely(InboundMessage message) {
        try {
            Verdict verdict = limiter.take(message.platform() + ":" + message.senderId());
            if (verdict != Verdict.ANSWER) {
                metrics.dropped(message.platform(), "rate_limit");
                if (verdict == Verdict.NOTICE) {
                    log.info("A {} user went over the rate limit; their messages are skipped for a while",
                            message.platform());
                    return Optional.of(Reply.text(SLOW_DOWN));
                }
                return Optional.empty();
            }
            Optional<CommandText> command = CommandText.parse(message.text());
            if (command.isPresent()) {
                String name = command.get().name();
                if (AdminCommands.NAMES.contains(name)) {
                    return Optional.of(admin.run(name, command.get().argument(), message));
                }
                if (name.equals(FORGET.name())) {
                    return Optional.of(forget(message));
                }
            }
            return Optional.of(converse(message, command.isPresent()));
        } catch (RuntimeException failure) {
            metrics.error(BotMetrics.Stage.RESPOND);
            log.error("Could not answer a {} message", message.platform(), failure);
            return Optional.of(Reply.failure());
        }
    }

    private Reply forget(InboundMessage message) {
        Conversation conversation = live.current();
        conversation.forget(message.sessionKey());
        int deleted = unanswered.forget(message.platform(), message.senderId());
        log.info("/forget on {}: deleted {} unanswered question(s) and the conversation", message.platform(), deleted);
        return Reply.text("Done: I deleted " + (deleted == 1 ? "the 1 question" : "the " + deleted + " questions")
                + " of yours I had kept to improve my answers, and forgot our conversation.");
    }

    private Reply converse(InboundMessage message, boolean isCommand) {
        Conversation conversation = live.current();
        long start = nanoTime.getAsLong();
        Turn turn = conversation.answer(message);
        if (!isCommand) {
            metrics.matcherTook(Duration.ofNanos(nanoTime.getAsLong() - start));
        }
        count(message, turn, isCommand);
        if (logging.messageText()) {
            messages.info("{} user {}: \"{}\" -> {} ({})", message.platform(),
                    unanswered.userHash(message.platform(), message.senderId()).substring(0, 12),
                    InertText.of(message.text()), turn.intent(), String.format(Locale.ROOT, "%.2f", turn.confidence()));
        } else {
            log.debug("{} message answered: {} ({})", message.platform(), turn.intent(), turn.note());
        }
        return turn.reply();
    }

    private void count(InboundMessage message, Turn turn, boolean isCommand) {
        if (turn.route() == Turn.Route.FAILURE) {
            metrics.error(BotMetrics.Stage.ANSWER);
        } else if (!turn.clarify().isEmpty()) {
            metrics.clarified();
            unanswered.record(message, UnansweredEntry.CLARIFY, turn.match().topCandidate(), turn.confidence());
        } else if (!turn.intent().equals(KnowledgeBase.OUT_OF_SCOPE)) {
            metrics.answered(turn.intent());
        } else if (!isCommand && turn.match().decision() == Decision.OUT_OF_SCOPE) {
            metrics.outOfScope();
            unanswered.record(message, UnansweredEntry.OUT_OF_SCOPE, turn.match().topCandidate(), turn.confidence());
        }
    }
}
