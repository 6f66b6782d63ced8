package dev.careerbot.channel.console;

import dev.careerbot.conversation.Conversation;
import dev.careerbot.conversation.Turn;
import dev.careerbot.intent.Candidate;
import dev.careerbot.message.ChatKind;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Markup;
import dev.careerbot.message.Platform;
import dev.careerbot.message.Suggestion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The conversation in a terminal: one line in, the answer as plain text out, suggested topics
 * numbered so that typing the number asks for that topic. {@code /quit} or end of input stops.
 */
public final class ConsoleChat {

    private static final String USER = "console";

    private final Conversation conversation;
    private final BufferedReader in;
    private final PrintStream out;
    private final boolean explain;

    public ConsoleChat(Conversation conversation, BufferedReader in, PrintStream out, boolean explain) {
        this.conversation = conversation;
        this.in = in;
        this.out = out;
        this.explain = explain;
    }

    /** Chats until the input ends or the person types /quit. */
    public void run() {
        out.println("CareerBot: ask me about AI engineering careers. /help lists the commands, /quit leaves.");
        List<Suggestion> offered = List.of();
        long number = 0;
        try {
            while (true) {
                out.print("you> ");
                out.flush();
                String line = in.readLine();
                if (line == null || line.strip().equalsIgnoreCase("/quit") || line.strip().equalsIgnoreCase("/exit")) {
                    out.println();
                    out.println("Bye!");
                    return;
                }
                String text = chosenSuggestion(line.strip(), offered);
                number++;
                Turn turn = conversation.answer(new InboundMessage(Platform.CONSOLE, USER, USER,
                        ChatKind.PRIVATE, text, Long.toString(number)));
                offered = turn.reply().suggestions();
                printTurn(turn);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static String chosenSuggestion(String line, List<Suggestion> offered) {
        if (line.matches("[1-9]")) {
            int index = Integer.parseInt(line) - 1;
            if (index < offered.size()) {
                return offered.get(index).command();
            }
        }
        return line;
    }

    private void printTurn(Turn turn) {
        out.println();
        out.println(Markup.parse(turn.reply().text()).toPlainText());
        List<Suggestion> suggestions = turn.reply().suggestions();
        if (!suggestions.isEmpty()) {
            out.println();
            out.print("More:");
            for (int i = 0; i < suggestions.size(); i++) {
                out.print("  [" + (i + 1) + "] " + suggestions.get(i).label());
            }
            out.println();
        }
        if (explain) {
            out.printf(Locale.ROOT, "  (explain: %s, %s %.3f; %s)%n", turn.match().decision(), turn.intent(),
                    turn.confidence(), turn.note());
            for (Candidate candidate : turn.match().candidates()) {
                out.printf(Locale.ROOT, "    %-36s %.3f%n", candidate.intent(), candidate.score());
            }
        }
        out.println();
    }
}
