package dev.careerbot.channel.telegram;

/**
 * Hides the bot token in anything the adapter logs. The Bot API puts the token in every URL
 * ({@code /bot<token>/sendMessage}), so an exception that quotes a URL would leak it.
 */
final class TokenMask {

    private static final String MASK = "<token>";

    private final String token;

    TokenMask(String token) {
        this.token = token;
    }

    String mask(String text) {
        if (text == null) {
            return "";
        }
        return token.isEmpty() ? text : text.replace(token, MASK);
    }

    /** A one-line description of a failure and its causes, with the token masked. */
    String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 5; depth++) {
            if (depth > 0) {
                out.append(" <- ");
            }
            out.append(current.getClass().getSimpleName());
            if (current.getMessage() != null) {
                out.append(": ").append(current.getMessage());
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return mask(out.toString());
    }
}
