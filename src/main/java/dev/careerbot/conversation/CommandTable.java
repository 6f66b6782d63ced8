package dev.careerbot.conversation;

import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.Subject;
import dev.careerbot.message.CommandInfo;
import dev.careerbot.message.CommandText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands, the same on every platform: {@code /start}, {@code /help}, {@code /roles},
 * {@code /skills [role]}, {@code /path}, {@code /challenges}, {@code /reset}, and the hidden
 * {@code /topic <intent id>} that suggestion buttons send. How a command is written is
 * {@link CommandText}'s rule.
 */
final class CommandTable {

    private static final Map<String, String> INTENT_OF = Map.of(
            "help", "help",
            "roles", "roles.overview",
            "path", "path.getting_started",
            "challenges", "challenges.overview");

    private final List<CommandInfo> infos;

    CommandTable(KnowledgeBase knowledge) {
        List<CommandInfo.Choice> roles = new ArrayList<>();
        for (Subject subject : knowledge.subjects()) {
            if (knowledge.intentFor(subject.id(), "skills").isPresent()
                    && knowledge.intentFor(subject.id(), "skills").get().id().startsWith("role.")) {
                roles.add(new CommandInfo.Choice(subject.id(), subject.name()));
            }
        }
        this.infos = List.of(
                new CommandInfo("start", "Say hello and see what I can do", Optional.empty()),
                new CommandInfo("help", "What I can answer and how to ask", Optional.empty()),
                new CommandInfo("roles", "The kinds of AI engineering jobs", Optional.empty()),
                new CommandInfo("skills", "The skills to learn, in general or for one role",
                        Optional.of(new CommandInfo.Argument("role", "A role, for example nlp", roles))),
                new CommandInfo("path", "How to get started: a roadmap", Optional.empty()),
                new CommandInfo("challenges", "The hard parts of the job", Optional.empty()),
                new CommandInfo("reset", "Forget our conversation so far", Optional.empty()));
    }

    List<CommandInfo> infos() {
        return infos;
    }

    Optional<String> intentOf(String command) {
        return Optional.ofNullable(INTENT_OF.get(command));
    }

    static String topicCommand(String intentId) {
        return "/topic " + intentId;
    }
}
