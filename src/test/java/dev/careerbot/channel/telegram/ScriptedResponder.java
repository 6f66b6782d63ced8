package dev.careerbot.channel.telegram;

import dev.careerbot.message.CommandInfo;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Reply;
import dev.careerbot.message.Responder;
import dev.careerbot.message.Suggestion;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the core in adapter tests: answers in CareerBot markup depending on the text,
 * and keeps every message it was given.
 */
final class ScriptedResponder implements Responder {

    static final String LONG_SUGGESTION = "/topic " + "x".repeat(70);

    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Reply> respond(InboundMessage message) {
        received.add(message);
        String text = message.text();
        if (text.startsWith("/silent")) {
            return Optional.empty();
        }
        if (text.startsWith("/boom")) {
            throw new IllegalStateException("scripted failure");
        }
        if (text.startsWith("/private")) {
            return Optional.of(new Reply("**Admin stats**: 3 sessions", List.of(), true));
        }
        if (text.startsWith("/echo ")) {
            return Optional.of(Reply.text(text.substring("/echo ".length())));
        }
        if (text.startsWith("/topic ")) {
            return Optional.of(Reply.text("About **" + text.substring("/topic ".length()) + "**"));
        }
        return Optional.of(Reply.withSuggestions(
                "You asked: **" + text + "**",
                List.of(new Suggestion("NLP engineer skills", "/topic role.nlp_engineer.skills"),
                        new Suggestion("Too long for a button", LONG_SUGGESTION))));
    }

    @Override
    public List<CommandInfo> commands() {
        return List.of(
                new CommandInfo("help", "What I can do", Optional.empty()),
                new CommandInfo("topic", "Answer one topic", Optional.empty()),
                new CommandInfo("Not-Valid", "Telegram refuses this name", Optional.empty()));
    }

    List<InboundMessage> received() {
        return List.copyOf(received);
    }
}
