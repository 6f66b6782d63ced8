package dev.careerbot.channel.discord;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The answer to one slash command or button click. Discord wants an acknowledgement within three
 * seconds: a quick answer is the acknowledgement itself; a slow one is deferred first ("CareerBot
 * is thinking...") and then written into the deferred message. Exactly one of the two happens.
 */
final class InteractionAnswer {

    static final String PRIVATE_NOTICE = "I have sent that answer only to you.";

    private final IReplyCallback interaction;
    private final String description;
    private final DeliveryFailures failures;
    private final Deliveries deliveries;
    private final AtomicBoolean acknowledged = new AtomicBoolean();

    InteractionAnswer(IReplyCallback interaction, String description, DeliveryFailures failures,
            Deliveries deliveries) {
        this.interaction = interaction;
        this.description = description;
        this.failures = failures;
        this.deliveries = deliveries;
    }

    /** Called when the answer is taking long: acknowledges now, unless the answer went already. */
    void deferIfUnanswered() {
        if (acknowledged.compareAndSet(false, true)) {
            try {
                interaction.deferReply(false).queue(null, failure -> failures.report("defer " + description, failure));
            } catch (RuntimeException refusedBeforeSending) {
                failures.report("defer " + description, refusedBeforeSending);
            }
        }
    }

    /**
     * Sends the answer's messages; {@code onlyForAsker} shows them to the asker alone (an
     * ephemeral reply), for answers that must not appear in a server channel.
     */
    void send(List<MessageCreateData> messages, boolean onlyForAsker) {
        if (messages.isEmpty()) {
            return;
        }
        Runnable finished = deliveries.start();
        try {
            sendNow(messages, onlyForAsker, finished);
        } catch (RuntimeException refusedBeforeSending) {
            finished.run();
            failures.report("answer " + description, refusedBeforeSending);
        }
    }

    private void sendNow(List<MessageCreateData> messages, boolean onlyForAsker, Runnable finished) {
        InteractionHook hook = interaction.getHook();
        java.util.function.Consumer<Throwable> failed = failure -> {
            finished.run();
            failures.report("answer " + description, failure);
        };
        if (acknowledged.compareAndSet(false, true)) {
            interaction.reply(messages.get(0)).setEphemeral(onlyForAsker).queue(
                    sent -> followUp(hook, messages, 1, onlyForAsker, finished), failed);
        } else if (onlyForAsker) {
            hook.editOriginal(MessageEditData.fromCreateData(OutgoingMessages.notice(PRIVATE_NOTICE))).queue(
                    edited -> followUp(hook, messages, 0, true, finished), failed);
        } else {
            hook.editOriginal(MessageEditData.fromCreateData(messages.get(0))).queue(
                    edited -> followUp(hook, messages, 1, false, finished), failed);
        }
    }

    private void followUp(InteractionHook hook, List<MessageCreateData> messages, int index, boolean onlyForAsker,
            Runnable finished) {
        if (index >= messages.size()) {
            finished.run();
            return;
        }
        try {
            hook.sendMessage(messages.get(index)).setEphemeral(onlyForAsker).queue(
                    sent -> followUp(hook, messages, index + 1, onlyForAsker, finished),
                    failure -> {
                        finished.run();
                        failures.report("send part " + (index + 1) + " of the answer to " + description, failure);
                    });
        } catch (RuntimeException refusedBeforeSending) {
            finished.run();
            failures.report("send part " + (index + 1) + " of the answer to " + description, refusedBeforeSending);
        }
    }
}
