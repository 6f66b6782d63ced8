package dev.careerbot.channel.telegram;

import dev.careerbot.channel.telegram.Outbox.Failed;
import dev.careerbot.channel.telegram.Outbox.MovedTo;
import dev.careerbot.channel.telegram.Outbox.NotConnected;
import dev.careerbot.channel.telegram.Outbox.Outcome;
import dev.careerbot.channel.telegram.Outbox.Outgoing;
import dev.careerbot.channel.telegram.Outbox.ResendPlain;
import dev.careerbot.channel.telegram.Outbox.RetryAfter;
import dev.careerbot.channel.telegram.Outbox.Sent;
import dev.careerbot.channel.telegram.Outbox.Stopped;
import dev.careerbot.channel.telegram.UpdateReader.Incoming;
import dev.careerbot.channel.OutboundCall;
import dev.careerbot.message.ChatKind;
import dev.careerbot.message.Reply;
import dev.careerbot.message.Responder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one message: asks the core for the reply, then sends its parts in order, waiting for
 * the pacer and for Telegram's {@code retry_after} without holding a thread. What cannot be
 * delivered is logged once, with the chat (as a hash) and how many parts are lost, and never
 * retried when Telegram may already have shown it.
 *
 * <p>It ends one of two ways, once: finished (answered, or given up because Telegram refused),
 * which lets the intake confirm the update; or abandoned at shutdown, which leaves the update
 * unconfirmed so Telegram delivers it again.
 */
final class Delivery implements ChatLanes.Job {


    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    private static final int MAX_RATE_LIMITED_TRIES = 5;
    private static final int MAX_CONNECT_TRIES = 3;

    private final Incoming incoming;
    private final Responder responder;
    private final ReplyComposer composer;
    private final Outbox outbox;
    private final SendPacer pacer;
    private final Runnable onFinished;
    private final LongFunction<String> chatLabel;
    private final AtomicBoolean settled = new AtomicBoolean();

    private List<Outgoing> parts;
    private long chatId;
    private int next;
    private boolean reserved;
    private boolean plain;
    private int rateLimitedTries;
    private int connectTries;

    /**
     * @param onFinished run once when the message is answered or given up, never when abandoned
     * @param chatLabel what stands for a chat id in the log (a salted hash)
     */
    Delivery(Incoming incoming, Responder responder, ReplyComposer composer, Outbox outbox, SendPacer pacer,
            Runnable onFinished, LongFunction<String> chatLabel) {
        this.incoming = incoming;
        this.responder = responder;
        this.composer = composer;
        this.outbox = outbox;
        this.pacer = pacer;
        this.onFinished = onFinished;
        this.chatLabel = chatLabel;
        this.chatId = incoming.destination().chatId();
    }

    @Override
    public Optional<Duration> step() {
        Optional<Duration> wait = sendWhatCanBeSent();
        if (wait.isEmpty() && !(parts != null && next < parts.size()) && settled.compareAndSet(false, true)) {
            onFinished.run();
        }
        return wait;
    }

    private String chat() {
        return chatLabel.apply(chatId);
    }

    private Optional<Duration> sendWhatCanBeSent() {
        if (parts == null) {
            outbox.typing(incoming.destination());
            Optional<Reply> reply = answer();
            if (reply.isEmpty()) {
                return Optional.empty();
            }
            parts = composer.compose(reply.get(), incoming.destination());
            if (parts.isEmpty()) {
                LOG.warn("The reply to message {} in chat {} is empty; nothing sent",
                        incoming.message().messageId(), chat());
                return Optional.empty();
            }
        }
        boolean group = incoming.destination().kind() == ChatKind.GROUP;
        while (next < parts.size()) {
            if (!reserved) {
                reserved = true;
                Duration wait = pacer.reserve(chatId, group);
                if (!wait.isZero()) {
                    return Optional.of(wait);
                }
            }
            Outcome outcome = outbox.send(parts.get(next), chatId, plain);
            reserved = false;
            if (outcome instanceof Sent) {
                next++;
                plain = false;
                rateLimitedTries = 0;
                connectTries = 0;
            } else if (outcome instanceof RetryAfter retry) {
                if (++rateLimitedTries > MAX_RATE_LIMITED_TRIES) {
                    return lost("Telegram kept answering 429 Too Many Requests");
                }
                LOG.info("Telegram asked to wait {} s before sending to chat {}", retry.delay().toSeconds(), chat());
                return Optional.of(retry.delay());
            } else if (outcome instanceof ResendPlain resend) {
                LOG.warn("Telegram could not parse the HTML for chat {} ({}); sending it as plain text",
                        chat(), resend.reason());
                plain = true;
            } else if (outcome instanceof MovedTo moved) {
                String before = chat();
                chatId = moved.chatId();
                LOG.info("Chat {} became supergroup {}; sending there", before, chat());
            } else if (outcome instanceof NotConnected notConnected) {
                if (++connectTries > MAX_CONNECT_TRIES) {
                    return lost("no connection to the Bot API: " + notConnected.reason());
                }
                return Optional.of(Duration.ofSeconds(1L << (connectTries - 1)));
            } else if (outcome instanceof Stopped) {
                // Whether it arrived is unknown: it stays unfinished, so Telegram delivers it again.
                return Optional.empty();
            } else if (outcome instanceof Failed failed) {
                return lost(failed.reason());
            }
        }
        return Optional.empty();
    }

    private Optional<Reply> answer() {
        try {
            return responder.respond(incoming.message());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("The core failed to answer message {} in chat {}; sent an apology instead",
                    incoming.message().messageId(), chat(), e);
            return Optional.of(Reply.failure());
        }
    }

    private Optional<Duration> lost(String reason) {
        outbox.lost(OutboundCall.REPLY, "the reply to message " + incoming.message().messageId() + " in chat "
                + chat() + " (" + (parts.size() - next) + " of " + parts.size() + " parts) not delivered", reason);
        next = parts.size();
        return Optional.empty();
    }

    @Override
    public void abandon() {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        if (parts == null) {
            LOG.info("Stopped before answering message {} in chat {}; left for Telegram to deliver again",
                    incoming.message().messageId(), chat());
        } else {
            LOG.warn("Stopped while sending the reply to message {} in chat {} ({} of {} parts sent); left for"
                    + " Telegram to deliver again, so the sent parts may come twice",
                    incoming.message().messageId(), chat(), next, parts.size());
        }
    }

    @Override
    public void drop(Throwable failure) {
        LOG.error("Gave up on message {} in chat {}: {}", incoming.message().messageId(), chat(), failure.toString());
        if (settled.compareAndSet(false, true)) {
            onFinished.run();
        }
    }
}
