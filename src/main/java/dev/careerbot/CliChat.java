package dev.careerbot;

import dev.careerbot.channel.console.ConsoleChat;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.evaluation.JsonLines;
import java.io.InputStream;
import java.io.PrintStream;

/** {@code chat}: talk to the bot in this terminal. */
final class CliChat {

    private final Startup startup;
    private final InputStream in;
    private final PrintStream out;

    CliChat(Startup startup, InputStream in, PrintStream out) {
        this.startup = startup;
        this.in = in;
        this.out = out;
    }

    int run(CommandLine commandLine) {
        return run(startup.load(commandLine, config -> true), commandLine);
    }

    int run(Startup.Loaded loaded, CommandLine commandLine) {
        Conversation conversation = startup.conversation(loaded);
        Startup.logStarted(loaded.phases(), "Console chat ready");
        new ConsoleChat(conversation, JsonLines.lenientReader(in), out, commandLine.flag("--explain")).run();
        return 0;
    }
}
