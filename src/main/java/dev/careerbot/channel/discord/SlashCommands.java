package dev.careerbot.channel.discord;

import dev.careerbot.message.CommandInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slash commands CareerBot registers: {@code /ask question:...} plus every command of the
 * core's table (an argument with choices becomes a menu, as for {@code /skills role:...}), usable
 * in servers and in direct messages. A command turns back into the text the core understands.
 */
final class SlashCommands {

    static final String ASK = "ask";
    static final String QUESTION = "question";

    private static final Logger LOG = LoggerFactory.getLogger(SlashCommands.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final int DESCRIPTION_LIMIT = 100;
    private static final int CHOICE_LIMIT = 25;

    private SlashCommands() {}

    /** The command definitions to register for the core's command table. */
    static List<SlashCommandData> definitions(List<CommandInfo> table) {
        List<SlashCommandData> commands = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (CommandInfo info : table) {
            if (!NAME.matcher(info.name()).matches() || !names.add(info.name())) {
                LOG.warn("Slash command '{}' not registered on Discord: names are 1-32 lowercase letters, digits, - or _,"
                        + " and unique", info.name());
                continue;
            }
            SlashCommandData command = Commands.slash(info.name(), description(info.description(), info.name()));
            info.argument().ifPresent(argument -> command.addOptions(option(argument)));
            commands.add(everywhere(command));
        }
        if (names.add(ASK)) {
            commands.add(0, everywhere(Commands.slash(ASK, "Ask CareerBot a question about AI engineering careers")
                    .addOptions(new OptionData(OptionType.STRING, QUESTION, "Your question", true)
                            .setMaxLength(1000))));
        }
        return commands;
    }

    /**
     * The text the core gets for a slash command: the question itself for {@code /ask}, otherwise
     * {@code /name value} as if the person had typed the command.
     */
    static String text(String name, List<OptionMapping> options) {
        if (name.equals(ASK)) {
            var question = options.stream().filter(option -> option.getName().equals(QUESTION)).findFirst();
            if (question.isPresent()) {
                return question.get().getAsString().strip();
            }
        }
        StringBuilder text = new StringBuilder("/").append(name);
        for (OptionMapping option : options) {
            text.append(' ').append(option.getAsString().strip());
        }
        return text.toString();
    }

    private static OptionData option(CommandInfo.Argument argument) {
        String name = NAME.matcher(argument.name()).matches() ? argument.name() : "value";
        OptionData option = new OptionData(OptionType.STRING, name, description(argument.description(), name), false);
        List<CommandInfo.Choice> choices = argument.choices();
        if (choices.size() > CHOICE_LIMIT) {
            LOG.warn("Argument '{}' offers {} choices; Discord menus hold {}, so it is free text instead",
                    argument.name(), choices.size(), CHOICE_LIMIT);
            return option;
        }
        for (CommandInfo.Choice choice : choices) {
            option.addChoice(clip(choice.label().isBlank() ? choice.value() : choice.label(), DESCRIPTION_LIMIT),
                    clip(choice.value(), DESCRIPTION_LIMIT));
        }
        return option;
    }

    private static SlashCommandData everywhere(SlashCommandData command) {
        return command.setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
    }

    private static String description(String description, String fallback) {
        return clip(description.isBlank() ? fallback : description.strip(), DESCRIPTION_LIMIT);
    }

    private static String clip(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
