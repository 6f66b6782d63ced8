package dev.careerbot.channel.discord;

import java.util.Map;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs an answer Discord would not take, one line each. Nothing here retries: JDA already waits
 * out rate limits and retries server errors, and a refusal such as 50013 (missing permissions) or
 * 50007 (the user accepts no direct messages) would only be refused again.
 */
final class DeliveryFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailures.class);

    private static final Map<ErrorResponse, String> FIXES = Map.of(
            ErrorResponse.MISSING_PERMISSIONS,
            "give the bot View Channel, Send Messages and Send Messages in Threads in that channel",
            ErrorResponse.MISSING_ACCESS, "the bot cannot see that channel; add it to the channel",
            ErrorResponse.CANNOT_SEND_TO_USER, "the person does not accept direct messages from the bot",
            ErrorResponse.UNKNOWN_CHANNEL, "the channel was deleted",
            ErrorResponse.UNKNOWN_INTERACTION, "the interaction expired before it was answered",
            ErrorResponse.INTERACTION_ALREADY_ACKNOWLEDGED, "another process answered this interaction");

    /** Reports that {@code what} (for example "answer message 123 in channel 456") failed. */
    void report(String what, Throwable failure) {
        if (failure instanceof ErrorResponseException refused) {
            String fix = FIXES.get(refused.getErrorResponse());
            if (fix != null) {
                LOG.warn("Could not {}: Discord refused with {} ({}); {}. Not retried.",
                        what, refused.getErrorCode(), refused.getMeaning(), fix);
            } else {
                LOG.warn("Could not {}: Discord answered HTTP {} with code {} ({}). Not retried.",
                        what, refused.getResponse().code, refused.getErrorCode(), refused.getMeaning());
            }
            return;
        }
        if (failure instanceof InsufficientPermissionException missing) {
            LOG.warn("Could not {}: the bot lacks the permission {} there; grant it to the bot's role. Not retried.",
                    what, missing.getPermission().getName());
            return;
        }
        LOG.warn("Could not {}: {}", what, failure.toString());
    }
}
