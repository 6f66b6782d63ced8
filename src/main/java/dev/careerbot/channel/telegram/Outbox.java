package dev.careerbot.channel.telegram;

import dev.careerbot.channel.telegram.UpdateReader.Destination;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
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
 * became a supergroup, or give up (anything else: sends are at most once, never repeated when
 * Telegram may already have delivered them).
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final TelegramClient client;
    private final TokenMask mask;
    private final Runnable dropIdleConnections;

    /**
     * @param dropIdleConnections closes the pooled idle connections; called after a connection
     *     failed, so the next sends do not meet more connections the server has closed meanwhile
     */
    Outbox(TelegramClient client, TokenMask mask, Runnable dropIdleConnections) {
        this.client = client;
        this.mask = mask;
        this.dropIdleConnections = dropIdleConnections;
    }

    /** One message to send. */
    record Outgoing(
            TelegramHtml.Part text,
            Optional<Integer> threadId,
            Optional<Integer> replyTo,
            Optional<InlineKeyboardMarkup> keyboard) {}

    /** What came of one send. */
    sealed interface Outcome permits Sent, RetryAfter, ResendPlain, MovedTo, NotConnected, Failed {}

    record Sent() implements Outcome {}

    /** Telegram refused for now (429) and said when to try again. */
    record RetryAfter(Duration delay) implements Outcome {}

    /** Telegram could not parse the HTML. */
    record ResendPlain(String reason) implements Outcome {}

    /** The group became a supergroup with a new chat id. */
    record MovedTo(long chatId) implements Outcome {}

    /** No connection could be made, so nothing was sent and a retry cannot duplicate. */
    record NotConnected(String reason) implements Outcome {}

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
                return new Failed("the adapter stopped while sending");
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

    /** Shows "typing…" in the chat while the answer is prepared; failures only matter for logs. */
    void typing(Destination destination) {
        SendChatAction.SendChatActionBuilder<?, ?> builder = SendChatAction.builder()
                .chatId(destination.chatId())
                .action("typing");
        destination.threadId().ifPresent(builder::messageThreadId);
        fireAndForget(builder.build(), "typing action for chat " + destination.chatId());
    }

    /** Stops the spinner on a pressed button; Telegram expects this for every press. */
    void answerButton(String callbackQueryId) {
        fireAndForget(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build(),
                "answer to button press " + callbackQueryId);
    }

    private void fireAndForget(org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod<Boolean> call,
            String what) {
        try {
            client.executeAsync(call).whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.debug("Could not send the {}: {}", what, mask.describe(failure));
                }
            });
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("Could not send the {}: {}", what, mask.describe(e));
        }
    }
}
