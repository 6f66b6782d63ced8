package dev.careerbot.channel.discord;

import dev.careerbot.message.CommandInfo;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Reply;
import dev.careerbot.message.Responder;
import dev.careerbot.message.Suggestion;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small responder for adapter tests: it echoes what it was asked, with two suggestions, and
 * reacts to a few magic words ("long answer", "private", "crash", "silence", "slowly").
 */
final class ScriptedResponder implements Responder {

    final List<InboundMessage> received = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Reply> respond(InboundMessage message) {
        received.add(message);
        String text = message.text();
        if (text.contains("crash")) {
            throw new IllegalStateException("the responder broke");
        }
        if (text.contains("silence")) {
            return Optional.empty();
        }
        if (text.contains("slowly")) {
            sleep(2500);
        }
        if (text.contains("long answer")) {
            return Optional.of(Reply.text(longAnswer()));
        }
        if (text.contains("private")) {
            return Optional.of(new Reply("Admin report: **3** sessions", List.of(), true));
        }
        return Optional.of(Reply.withSuggestions("You asked: " + text, List.of(
                new Suggestion("NLP engineer skills", "/topic role.nlp_engineer.skills"),
                new Suggestion("Salaries", "/topic salaries"))));
    }

    @Override
    public List<CommandInfo> commands() {
        return List.of(
                new CommandInfo("help", "What CareerBot can do", Optional.empty()),
                new CommandInfo("skills", "Skills a role needs", Optional.of(new CommandInfo.Argument("role",
                        "The role", List.of(new CommandInfo.Choice("ml_engineer", "ML engineer"),
                                new CommandInfo.Choice("nlp_engineer", "NLP engineer"))))));
    }

    /** Twelve paragraphs of about 300 characters: some 3,700 characters in all. */
    static String longAnswer() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            text.append("Paragraph ").append(i).append(": ")
                    .append("an AI engineer builds and ships systems that learn from data. ".repeat(4).strip())
                    .append("\n\n");
        }
        return text.toString().strip();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
