package dev.careerbot.channel;

/** The kinds of call an adapter makes to its platform that a person would miss if it were lost. */
public enum OutboundCall {
    /** A message answering someone. */
    REPLY("reply"),
    /** The answer to a button press, which stops the button's spinner. */
    CALLBACK_ANSWER("callback_answer"),
    /** "typing…" shown while the answer is prepared. */
    CHAT_ACTION("chat_action");

    private final String tag;

    OutboundCall(String tag) {
        this.tag = tag;
    }

    /** The name in logs and in the {@code kind} tag of the metric. */
    public String tag() {
        return tag;
    }
}
