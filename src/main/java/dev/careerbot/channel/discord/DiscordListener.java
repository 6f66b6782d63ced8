package dev.careerbot.channel.discord;

import dev.careerbot.channel.AdapterServices;
import dev.careerbot.message.ChatKind;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import dev.careerbot.message.Reply;
import dev.careerbot.message.Responder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JDA listener: decides which events the bot answers, turns them into
 * {@link InboundMessage}s and hands them to worker threads, so JDA's gateway thread never waits
 * for the responder. Nothing thrown here reaches JDA.
 *
 * <p>In a server the bot answers messages that mention it or reply to it; it answers every direct
 * message, every slash command and every button click; it ignores bots, webhooks and itself.
 */
final class DiscordListener implements EventListener {

    static final String PRIVATE_IN_SERVER =
            "That answer is private: send it to me in a direct message, or use the slash command.";
    static final String NOTHING_TO_SAY = "I have no answer to that right now.";

    private static final Logger LOG = LoggerFactory.getLogger(DiscordListener.class);
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");

    private final Responder responder;
    private final ShardReadiness readiness;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Duration deferAfter;
    private final Deliveries deliveries;
    private final DeliveryFailures failures = new DeliveryFailures();
    private final AdapterServices.LoggedIds ids;

    /** @param ids what stands for a channel or user id in a log line (a salted hash) */
    DiscordListener(Responder responder, ShardReadiness readiness, Deliveries deliveries, ExecutorService workers,
            ScheduledExecutorService timer, Duration deferAfter, AdapterServices.LoggedIds ids) {
        this.ids = ids;
        this.responder = responder;
        this.deliveries = deliveries;
        this.readiness = readiness;
        this.workers = workers;
        this.timer = timer;
        this.deferAfter = deferAfter;
    }

    @Override
    public void onEvent(GenericEvent event) {
        try {
            if (event instanceof MessageReceivedEvent message) {
                onMessage(message);
            } else if (event instanceof SlashCommandInteractionEvent slash) {
                onInteraction(slash, SlashCommands.text(slash.getName(), slash.getOptions()), "/" + slash.getName());
            } else if (event instanceof ButtonInteractionEvent button) {
                onInteraction(button, button.getComponentId(), "button");
            } else if (event instanceof ReadyEvent) {
                readiness.ready(shardOf(event));
            } else if (event instanceof ShutdownEvent shutdown) {
                readiness.shutDown(shardOf(event), shutdown.getCode());
            } else if (event instanceof SessionDisconnectEvent) {
                LOG.info("Discord shard {} lost its gateway connection; reconnecting", shardOf(event));
            } else if (event instanceof SessionResumeEvent) {
                LOG.info("Discord shard {} resumed its session; missed events are replayed", shardOf(event));
            } else if (event instanceof SessionRecreateEvent) {
                LOG.warn("Discord shard {} had to start a new session: messages sent while it was away are not"
                        + " replayed by Discord and stay unanswered", shardOf(event));
            }
        } catch (RuntimeException e) {
            LOG.error("Could not handle the Discord event {}", event.getClass().getSimpleName(), e);
        }
    }

    private void onMessage(MessageReceivedEvent event) {
        User author = event.getAuthor();
        if (author.isBot() || author.isSystem() || event.isWebhookMessage()) {
            return;
        }
        Message message = event.getMessage();
        String selfId = event.getJDA().getSelfUser().getId();
        boolean direct = !event.isFromGuild();
        if (!direct && !addressesBot(message, selfId)) {
            return;
        }
        if (!direct && message.getContentRaw().isEmpty()) {
            LOG.debug("Message {} addresses the bot but its text is hidden without the MESSAGE_CONTENT intent"
                    + " (adapters.discord.message_content_intent); not answered", message.getId());
            return;
        }
        InboundMessage inbound = new InboundMessage(Platform.DISCORD, event.getChannel().getId(), author.getId(),
                direct ? ChatKind.PRIVATE : ChatKind.GROUP, withoutMention(message.getContentRaw(), selfId),
                message.getId());
        String description = "answer message " + message.getId() + " in channel " + channel(inbound);
        submit(inbound, () -> {
            Optional<Reply> reply = respond(inbound);
            if (reply.isEmpty()) {
                return;
            }
            List<MessageCreateData> messages = reply.get().privateOnly() && !direct
                    ? List.of(OutgoingMessages.notice(PRIVATE_IN_SERVER))
                    : OutgoingMessages.of(reply.get());
            sendInChannel(message, messages, 0, description, deliveries.start());
        });
    }

    private void onInteraction(IReplyCallback interaction, String text, String kind) {
        boolean direct = !interaction.isFromGuild();
        InboundMessage inbound = new InboundMessage(Platform.DISCORD, interaction.getChannelId(),
                interaction.getUser().getId(), direct ? ChatKind.PRIVATE : ChatKind.GROUP, text, interaction.getId());
        String description = kind + " interaction " + interaction.getId() + " in channel " + channel(inbound);
        InteractionAnswer answer = new InteractionAnswer(interaction, description, failures, deliveries);
        ScheduledFuture<?> deferral =
                timer.schedule(answer::deferIfUnanswered, deferAfter.toMillis(), TimeUnit.MILLISECONDS);
        submit(inbound, () -> {
            Optional<Reply> reply = respond(inbound);
            deferral.cancel(false);
            if (reply.isEmpty()) {
                answer.send(List.of(OutgoingMessages.notice(NOTHING_TO_SAY)), true);
            } else {
                answer.send(OutgoingMessages.of(reply.get()), reply.get().privateOnly() && !direct);
            }
        });
    }

    private void submit(InboundMessage inbound, Runnable work) {
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("Could not answer Discord message {} in channel {}", inbound.messageId(),
                            channel(inbound), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Discord message {} in channel {} arrived while shutting down and is not answered",
                    inbound.messageId(), channel(inbound));
        }
    }

    /** The channel as it appears in logs: a direct message's channel stands for a person. */
    private String channel(InboundMessage inbound) {
        return ids.of(Platform.DISCORD, inbound.conversationId());
    }

    private Optional<Reply> respond(InboundMessage inbound) {
        try {
            return responder.respond(inbound);
        } catch (RuntimeException e) {
            LOG.error("The responder failed on Discord message {} in channel {}", inbound.messageId(),
                    channel(inbound), e);
            return Optional.of(Reply.failure());
        }
    }

    /** Sends the messages in order, each after the one before went through; stops at a failure. */
    private void sendInChannel(Message question, List<MessageCreateData> messages, int index, String description,
            Runnable finished) {
        if (index >= messages.size()) {
            finished.run();
            return;
        }
        MessageCreateData data = messages.get(index);
        String what = index == 0 ? description : "send part " + (index + 1) + " to " + description;
        try {
            var action = index == 0 ? question.reply(data) : question.getChannel().sendMessage(data);
            action.queue(sent -> sendInChannel(question, messages, index + 1, description, finished),
                    failure -> {
                        finished.run();
                        failures.report(what, failure);
                    });
        } catch (RuntimeException refusedBeforeSending) {
            finished.run();
            failures.report(what, refusedBeforeSending);
        }
    }

    private static boolean addressesBot(Message message, String selfId) {
        String raw = message.getContentRaw();
        if (raw.contains("<@" + selfId + ">") || raw.contains("<@!" + selfId + ">")) {
            return true;
        }
        if (message.getMentions().getUsers().stream().anyMatch(user -> user.getId().equals(selfId))) {
            return true;
        }
        Message referenced = message.getReferencedMessage();
        return referenced != null && referenced.getAuthor().getId().equals(selfId);
    }

    static String withoutMention(String content, String selfId) {
        String text = content.replace("<@" + selfId + ">", " ").replace("<@!" + selfId + ">", " ");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static int shardOf(GenericEvent event) {
        return event.getJDA().getShardInfo().getShardId();
    }
}
