package dev.careerbot.evaluation;

import dev.careerbot.conversation.Conversation;
import dev.careerbot.conversation.Turn;
import dev.careerbot.intent.Candidate;
import dev.careerbot.message.ChatKind;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Markup;
import dev.careerbot.message.Platform;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Scripted questions through the whole conversation, follow-ups and commands included. */
public final class ConversationAnswerer implements BatchAnswerer {

    private final Conversation conversation;
    private long lines;

    public ConversationAnswerer(Conversation conversation) {
        this.conversation = conversation;
    }

    @Override
    public Outcome answer(String text, Optional<String> session) {
        lines++;
        String conversationId = session.map(id -> "session:" + id).orElse("line:" + lines);
        InboundMessage message = new InboundMessage(Platform.BATCH, conversationId, "batch",
                ChatKind.PRIVATE, text, Long.toString(lines));
        Turn turn = conversation.answer(message);
        String candidates = turn.match().candidates().stream()
                .map(candidate -> format(candidate))
                .collect(Collectors.joining(", "));
        String explanation = turn.match().decision().name().toLowerCase(Locale.ROOT) + "; " + turn.note()
                + (candidates.isEmpty() ? "" : "; candidates: " + candidates)
                + String.format(Locale.ROOT, "; out-of-scope class %.3f", turn.match().outOfScopeScore());
        return new Outcome(turn.intent(), turn.confidence(),
                Optional.of(Markup.parse(turn.reply().text()).toPlainText()), turn.clarify(), explanation);
    }

    static String format(Candidate candidate) {
        return String.format(Locale.ROOT, "%s %.3f", candidate.intent(), candidate.score());
    }
}
