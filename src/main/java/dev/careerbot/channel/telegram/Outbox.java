package dev.careerbot.channel.telegram;

import dev.careerbot.channel.OutboundCall;
import dev.careerbot.channel.telegram.UpdateReader.Destination;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Makes the Bot API calls that answer people and says what came of each send, so the caller can
 * wait and retry (429), resend as plain text (HTML Telegram could not parse), follow a group that
 * became a supergroup, retry when no connection could be made (the request provably never left),
 * or give up (anything else: sends are at most once, never repeated when Telegram may already have
 * delivered them).
 *
 * <p>A button press must be answered or its spinner turns for a while; that answer is retried
 * (answering twice is harmless). "typing…" is not: by the time a retry went out it would be stale.
 * Every call that is finally lost is logged at WARN with its kind and counted.
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int BUTTON_ANSWER_TRIES = 3;
    private static final String BUTTON_ANSWER = "the answer to a button press failed";

    private final TelegramClient client;
    private final TokenMask mask;
    private final Runnable dropIdleConnections;
    private final Consumer<OutboundCall> lostCalls;
    private final LongFunction<String> chatLabel;
    private final ScheduledExecutorService retries;

    /**
     * @param dropIdleConnections closes the pooled idle connections; called after a connection
     *     failed, so the next sends do not meet more connections the server has closed meanwhile
     * @param lostCalls counts a call that is finally lost
     * @param chatLabel what stands for a chat id in the log (a salted hash)
     * @param retries runs the retries of button answers
     */
    Outbox(TelegramClient client, TokenMask mask, Runnable dropIdleConnections, Consumer<OutboundCall> lostCalls,
            LongFunction<String> chatLabel, ScheduledExecutorService retries) {
        this.client = client;
        this.mask = mask;
        this.dropIdleConnections = dropIdleConnections;
        this.lostCalls = lostCalls;
        this.chatLabel = chatLabel;
        this.retries = retries;
    }

    /**
     * Logs at WARN and counts a call that is lost for good.
     *
     * @param what what was lost and how, for example "the reply to message 3 in chat 1a2b3c (1 of 1
     *     parts) not delivered"
     */
    void lost(OutboundCall kind, String what, String reason) {
        lostCalls.accept(kind);
        LOG.warn("Lost a Telegram {} call: {}: {}", kind.tag(), what, reason);
    }

    /** One message to send. */
    record Outgoing(
            TelegramHtml.Part text,
            Optional<Integer> threadId,
            Optional<Integer> replyTo,
            Optional<InlineKeyboardMarkup> keyboard) {}

    /** What came of one send. */
    sealed interface Outcome permits Sent, RetryAfter, ResendPlain, MovedTo, NotConnected, Stopped, Failed {}

    record Sent() implements Outcome {}

    /** Telegram refused for now (429) and said when to try again. */
    record RetryAfter(Duration delay) implements Outcome {}

    /** Telegram could not parse the HTML. */
    record ResendPlain(String reason) implements Outcome {}

    /** The group became a supergroup with a new chat id. */
    record MovedTo(long chatId) implements Outcome {}

    /** No connection could be made, so nothing was sent and a retry cannot duplicate. */
    record NotConnected(String reason) implements Outcome {}

    /** The adapter stopped while sending: whether it arrived is unknown, so it is left unconfirmed. */
    record Stopped() implements Outcome {}

    /** Not delivered and not to be retried. */
    record Failed(String reason) implements Outcome {}

    Outcome send(Outgoing message, long chatId, boolean plain) {
        SendMessage.SendMessageBuilder<?, ?> builder = SendMessage.builder()
                .chatId(chatId)
                .text(plain ? message.text().plain() : message.text().html())
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        if (!plain) {
            builder.parseMode("HTML");
        }
        message.threadId().ifPresent(builder::messageThreadId);
        message.replyTo().ifPresent(id -> builder.replyParameters(
                ReplyParameters.builder().messageId(id).allowSendingWithoutReply(true).build()));
        message.keyboard().ifPresent(builder::replyMarkup);
        try {
            client.execute(builder.build());
            return new Sent();
        } catch (TelegramApiRequestException e) {
            return refused(e, plain);
        } catch (TelegramApiException e) {
            if (Thread.currentThread().isInterrupted()) {
                return new Stopped();
            }
            dropIdleConnections.run();
            if (rootCause(e) instanceof ConnectException) {
                return new NotConnected(mask.describe(rootCause(e)));
            }
            return new Failed("no answer from Telegram, so it may or may not have arrived: " + mask.describe(e));
        } catch (RuntimeException e) {
            return new Failed("the message could not be built: " + mask.describe(e));
        }
    }

    private Outcome refused(TelegramApiRequestException e, boolean plain) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = mask.mask(e.getApiResponse() == null ? e.getMessage() : e.getApiResponse());
        ResponseParameters parameters = e.getParameters();
        if (code == 429) {
            int seconds = parameters == null || parameters.getRetryAfter() == null ? 1 : parameters.getRetryAfter();
            return new RetryAfter(Duration.ofSeconds(Math.max(1, seconds)));
        }
        if (parameters != null && parameters.getMigrateToChatId() != null) {
            return new MovedTo(parameters.getMigrateToChatId());
        }
        if (code == 400 && !plain && description.toLowerCase(Locale.ROOT).contains("can't parse entities")) {
            return new ResendPlain(description);
        }
        if (code == 0) {
            return new Failed("unreadable answer from Telegram: " + mask.describe(e));
        }
        return new Failed(code + " " + description);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    /** Shows "typing…" in the chat while the answer is prepared; not retried when lost. */
    void typing(Destination destination) {
        SendChatAction.SendChatActionBuilder<?, ?> builder = SendChatAction.builder()
                .chatId(destination.chatId())
                .action("typing");
        destination.threadId().ifPresent(builder::messageThreadId);
        String what = "\"typing…\" in chat " + chatLabel.apply(destination.chatId()) + " failed";
        try {
            client.executeAsync(builder.build()).whenComplete((ok, failure) -> {
                if (failure != null) {
                    lost(OutboundCall.CHAT_ACTION, what, mask.describe(rootOf(failure)));
                }
            });
        } catch (TelegramApiException | RuntimeException e) {
            lost(OutboundCall.CHAT_ACTION, what, mask.describe(e));
        }
    }

    /** Stops the spinner on a pressed button; Telegram expects this for every press. Retried. */
    void answerButton(String callbackQueryId) {
        answerButton(callbackQueryId, 1);
    }

    private void answerButton(String callbackQueryId, int attempt) {
        try {
            client.executeAsync(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build())
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            retryButtonAnswer(callbackQueryId, attempt, rootOf(failure));
                        }
                    });
        } catch (TelegramApiException | RuntimeException e) {
            retryButtonAnswer(callbackQueryId, attempt, e);
        }
    }

    private void retryButtonAnswer(String callbackQueryId, int attempt, Throwable failure) {
        String what = BUTTON_ANSWER;
        Duration wait = Duration.ofMillis(500L * attempt);
        if (failure instanceof TelegramApiRequestException refused && refused.getErrorCode() != null) {
            int code = refused.getErrorCode();
            if (code == 429) {
                ResponseParameters parameters = refused.getParameters();
                int seconds = parameters == null || parameters.getRetryAfter() == null ? 1 : parameters.getRetryAfter();
                wait = Duration.ofSeconds(Math.max(1, seconds));
            } else if (code < 500) {
                lost(OutboundCall.CALLBACK_ANSWER, what, code + " " + mask.mask(refused.getApiResponse()));
                return;
            }
        } else {
            dropIdleConnections.run();
        }
        if (attempt >= BUTTON_ANSWER_TRIES) {
            lost(OutboundCall.CALLBACK_ANSWER, what, attempt + " tries failed, the last with " + mask.describe(failure));
            return;
        }
        LOG.info("Answering a button press failed ({}); trying again in {} ms", mask.describe(failure),
                wait.toMillis());
        try {
            retries.schedule(() -> answerButton(callbackQueryId, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            lost(OutboundCall.CALLBACK_ANSWER, what, "the adapter stopped before it could try again");
        }
    }

    /** The failure inside the CompletionException that executeAsync completes with. */
    private static Throwable rootOf(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
