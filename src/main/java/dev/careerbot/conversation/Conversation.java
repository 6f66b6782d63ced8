package dev.careerbot.conversation;

import dev.careerbot.config.SessionSettings;
import dev.careerbot.conversation.Turn.Route;
import dev.careerbot.intent.Candidate;
import dev.careerbot.intent.Decision;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.Match;
import dev.careerbot.intent.Thresholds;
import dev.careerbot.knowledge.Intent;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.message.CommandInfo;
import dev.careerbot.message.CommandText;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Reply;
import dev.careerbot.message.Responder;
import dev.careerbot.message.Suggestion;
import dev.careerbot.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialogue: commands, matching, follow-ups against the last topic, "Did you mean" questions
 * and fallbacks, with a bounded memory per person and chat. The one {@link Responder} every
 * adapter talks to. Thread-safe; never throws for any text.
 */
public final class Conversation implements Responder {

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    static final String OTHER_LANGUAGE_REPLY = "Sorry, I only answer in English. Please ask your "
            + "question in English, for example: **What skills does an AI engineer need?**";
    static final String EMPTY_REPLY = "I didn't catch any words there. Ask me anything about AI "
            + "engineering careers (roles, skills, tools, how to start), or send /help.";

    /** Longest piece of a message quoted back in a reply. */
    static final int MAX_ECHO_CHARS = 40;

    private static final Set<String> REFERRING_WORDS = Set.of(
            "they", "them", "their", "theirs", "he", "she", "him", "his", "her", "hers", "it", "its",
            "this", "that", "these", "those");
    private static final Set<String> MORE_WORDS = Set.of(
            "tell", "me", "more", "go", "on", "continue", "elaborate", "please", "can", "you",
            "about", "that", "it", "this", "some", "detail", "what", "else", "and", "ok", "okay");
    private static final Set<String> MORE_CUES = Set.of("more", "continue", "elaborate", "else", "detail");

    private final KnowledgeBase knowledge;
    private final IntentMatcher matcher;
    private final SessionStore sessions;
    private final Clock clock;
    private final SubjectSpotter spotter;
    private final CommandTable commands;

    public Conversation(KnowledgeBase knowledge, IntentMatcher matcher,
            SessionSettings sessionSettings, Clock clock) {
        this(knowledge, matcher, new SessionStore(sessionSettings.expiry(), sessionSettings.maxSessions()), clock);
    }

    /**
     * A conversation whose contexts live in a store that several instances may share (Redis), so a
     * follow-up sent to another instance keeps its context.
     */
    public Conversation(KnowledgeBase knowledge, IntentMatcher matcher, SessionSettings sessionSettings, Clock clock,
            StateStore contexts) {
        this(knowledge, matcher, new SessionStore(sessionSettings.expiry(), contexts), clock);
    }

    private Conversation(KnowledgeBase knowledge, IntentMatcher matcher, SessionStore sessions, Clock clock) {
        this.knowledge = knowledge;
        this.matcher = matcher;
        this.sessions = sessions;
        this.clock = clock;
        this.spotter = new SubjectSpotter(knowledge.subjects(), matcher);
        this.commands = new CommandTable(knowledge);
    }

    /**
     * The same conversation on a new knowledge base and matcher (hot reload): the people's
     * conversation contexts carry over, so follow-ups keep working across a reload.
     */
    public Conversation reloaded(KnowledgeBase newKnowledge, IntentMatcher newMatcher) {
        return new Conversation(newKnowledge, newMatcher, sessions, clock);
    }

    /** The knowledge base this conversation answers from. */
    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /** Forgets the conversation context kept under this session key ({@code /forget}). */
    public void forget(String sessionKey) {
        sessions.remove(sessionKey);
    }

    @Override
    public Optional<Reply> respond(InboundMessage message) {
        return Optional.of(answer(message).reply());
    }

    @Override
    public List<CommandInfo> commands() {
        return commands.infos();
    }

    /** Where the matcher draws its lines, for {@code --explain}. */
    public Thresholds thresholds() {
        return matcher.thresholds();
    }

    /** The number of conversations remembered right now. */
    public int activeSessions() {
        return (int) Math.min(Integer.MAX_VALUE, sessions.size());
    }

    /** Answers one message and says how; never throws. */
    public Turn answer(InboundMessage message) {
        try {
            return answerUnsafely(message);
        } catch (RuntimeException failure) {
            log.error("Could not answer a {} message", message.platform(), failure);
            return new Turn(Reply.failure(), KnowledgeBase.OUT_OF_SCOPE, 0, List.of(),
                    new Match(Decision.EMPTY, KnowledgeBase.OUT_OF_SCOPE, 0, List.of(), 0), Route.FAILURE, "failure",
                    Optional.empty());
        }
    }

    private Turn answerUnsafely(InboundMessage message) {
        Instant now = clock.instant();
        String key = message.sessionKey();
        SessionContext context = sessions.get(key, now).orElse(SessionContext.fresh(now));
        String text = message.text().strip();
        Optional<CommandText> command = CommandText.parse(text);
        if (command.isPresent()) {
            return runCommand(command.get(), key, context, now);
        }
        Match match = matcher.match(text);
        Turn turn = switch (match.decision()) {
            case EMPTY -> plain(EMPTY_REPLY, match, Route.NOT_UNDERSTOOD, "empty");
            case OTHER_LANGUAGE -> plain(OTHER_LANGUAGE_REPLY, match, Route.NOT_UNDERSTOOD, "other language");
            default -> resolve(match, match.terms(), context);
        };
        remember(key, context, turn, now);
        return turn;
    }

    private Turn resolve(Match match, List<String> terms, SessionContext context) {
        Optional<String> more = askForMore(terms, context);
        if (more.isPresent()) {
            return answerIntent(more.get(), match, Route.FOLLOW_UP, "asked for more after " + context.lastIntent().orElse(""));
        }
        Optional<Topic> followUp = followUp(match, terms, context);
        if (followUp.isPresent()) {
            return answerTopic(followUp.get(), match, Route.FOLLOW_UP, "follow-up resolved against the conversation");
        }
        if (match.decision() == Decision.CLARIFY) {
            Optional<String> offered = offeredLastTime(match, context, 2, true);
            if (offered.isPresent()) {
                return answerIntent(offered.get(), match, Route.FOLLOW_UP, "unsure, but the last answer offered this topic");
            }
        }
        if (match.decision() == Decision.OUT_OF_SCOPE && asksForMore(terms) && nearTie(match)) {
            Optional<String> offered = offeredLastTime(match, context, 1, false);
            if (offered.isPresent()) {
                return answerIntent(offered.get(), match, Route.FOLLOW_UP, "asked for more on a topic the last answer offered");
            }
        }
        return switch (match.decision()) {
            case ANSWER -> knowledge.intent(match.intent())
                    .map(intent -> answerTopic(new Topic(intent, namedSubject(intent, terms)), match, Route.MATCHED,
                            "matched"))
                    .orElseGet(() -> outOfScope(match));
            case CLARIFY -> clarify(match);
            default -> outOfScope(match);
        };
    }

    /**
     * Whether an out-of-scope verdict was a close call: the best intent clears the lower
     * threshold and scores at least half what the out-of-scope class does.
     */
    private boolean nearTie(Match match) {
        return match.confidence() >= matcher.thresholds().clarify()
                && match.confidence() * 2 >= match.outOfScopeScore();
    }

    /**
     * Of the best {@code limit} candidates (two: those a "Did you mean" question would offer), the
     * first that the last answer suggested as related, or (with {@code lastTopicToo}) is the last
     * answer's topic itself: "tell me more about the ethics one" after the challenges, or "which
     * one should I learn first?" after the frameworks, needs no question back.
     */
    private Optional<String> offeredLastTime(Match match, SessionContext context, int limit,
            boolean lastTopicToo) {
        Optional<Intent> last = context.lastIntent().flatMap(knowledge::intent);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        String lastId = last.get().id();
        List<String> related = last.get().related();
        return match.candidates().stream().limit(limit).map(Candidate::intent)
                .filter(id -> (lastTopicToo && id.equals(lastId)) || related.contains(id)).findFirst();
    }

    /**
     * Follow-ups. Three cases, tried in order:
     * <ol>
     *   <li>an elliptical question naming one new subject ("and for computer vision?", "what about
     *       robotics engineers?") keeps the last facet and swaps the subject;
     *   <li>a question that refers back ("what skills do they need?"), or is elliptical or a word or
     *       two ("skills?"), keeps the last subject and takes the facet the matcher found;
     *   <li>a question naming one subject whose best intent is another subject's same facet is
     *       moved to the named subject.
     * </ol>
     * A question that stands on its own is left to the matcher.
     */
    private Optional<Topic> followUp(Match match, List<String> terms, SessionContext context) {
        boolean elliptical = isElliptical(terms);
        List<String> named = spotter.subjectsIn(terms, elliptical);
        Optional<Intent> top = knowledge.intent(match.topCandidate());
        boolean plausible = match.decision() != Decision.OUT_OF_SCOPE
                || match.confidence() >= matcher.thresholds().clarify() / 2;
        if (named.size() == 1 && elliptical && context.facet().isPresent()
                && !context.subject().equals(Optional.of(named.get(0)))) {
            return topic(named.get(0), context.facet().get())
                    .or(() -> topic(named.get(0), "overview"));
        }
        if (named.isEmpty() && context.subject().isPresent()
                && (refersBack(terms) || elliptical || terms.size() <= 2) && plausible
                && top.flatMap(Intent::facet).isPresent()
                && !top.flatMap(Intent::subject).equals(context.subject())) {
            return facetOf(context.subject().get(), top.get().facet().get());
        }
        // A question that names a subject and stands on its own is not a follow-up: it needs the
        // matcher's verdict that it is in scope, so "generate an image" is not an AI engineer question.
        if (named.size() == 1 && match.decision() != Decision.OUT_OF_SCOPE && top.flatMap(Intent::facet).isPresent()
                && top.flatMap(Intent::subject).isPresent()
                && !top.get().subject().get().equals(named.get(0))) {
            return topic(named.get(0), top.get().facet().get());
        }
        return Optional.empty();
    }

    private Optional<Topic> topic(String subject, String facet) {
        return knowledge.intentFor(subject, facet).map(intent -> new Topic(intent, Optional.of(subject)));
    }

    private Optional<Topic> facetOf(String subject, String facet) {
        Optional<Topic> exact = topic(subject, facet);
        if (exact.isPresent() || !facet.equals("responsibilities")) {
            return exact;
        }
        return topic(subject, "overview");
    }

    /**
     * The subject a matched question is about: the intent's own, or else the one subject the
     * question names, so that "interview questions for computer vision" gets the computer vision
     * answer of the interviews intent.
     */
    private Optional<String> namedSubject(Intent intent, List<String> terms) {
        if (intent.subject().isPresent()) {
            return intent.subject();
        }
        List<String> named = spotter.subjectsIn(terms, false);
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private static boolean isElliptical(List<String> terms) {
        if (terms.isEmpty()) {
            return false;
        }
        String first = terms.get(0);
        String second = terms.size() > 1 ? terms.get(1) : "";
        return first.equals("and") || first.equals("also") || first.equals("or")
                || ((first.equals("what") || first.equals("how")) && second.equals("about"))
                || first.equals("for")
                || (first.equals("same") && second.equals("for"));
    }

    private static boolean asksForMore(List<String> terms) {
        return terms.stream().anyMatch(MORE_CUES::contains);
    }

    private static boolean refersBack(List<String> terms) {
        return terms.stream().anyMatch(REFERRING_WORDS::contains);
    }

    private Optional<String> askForMore(List<String> terms, SessionContext context) {
        if (context.lastIntent().isEmpty() || terms.isEmpty()
                || !MORE_WORDS.containsAll(terms) || !asksForMore(terms)) {
            return Optional.empty();
        }
        return knowledge.intent(context.lastIntent().get())
                .flatMap(last -> last.related().stream().findFirst());
    }

    private Turn runCommand(CommandText invocation, String key, SessionContext context,
            Instant now) {
        Match none = new Match(Decision.ANSWER, KnowledgeBase.OUT_OF_SCOPE, 1.0, List.of(), 0);
        if (invocation.name().equals("reset")) {
            sessions.remove(key);
            return plain("Done: I have forgotten our conversation. Ask me anything to start again.",
                    none, Route.COMMAND, "command /reset");
        }
        Turn turn = switch (invocation.name()) {
            case "start" -> startTurn(none);
            case "skills" -> skillsTurn(invocation.argument(), none);
            case "topic" -> knowledge.intent(invocation.argument())
                    .map(intent -> answerIntent(intent.id(), none, Route.COMMAND, "command /topic"))
                    .orElseGet(() -> plain("I no longer know that topic. Send /help to see what I can"
                            + " answer.", none, Route.COMMAND, "unknown topic"));
            default -> commands.intentOf(invocation.name())
                    .filter(id -> knowledge.intent(id).isPresent())
                    .map(id -> answerIntent(id, none, Route.COMMAND, "command /" + invocation.name()))
                    .orElseGet(() -> plain("I don't know the command /" + invocation.name()
                            + ". Send /help to see what I can do.", none, Route.COMMAND, "unknown command"));
        };
        remember(key, context, turn, now);
        return turn;
    }

    private Turn startTurn(Match none) {
        Optional<Intent> greeting = knowledge.intent("greeting");
        Optional<Intent> help = knowledge.intent("help");
        StringBuilder text = new StringBuilder();
        greeting.ifPresent(intent -> text.append(intent.answer().strip()));
        help.ifPresent(intent -> text.append(text.isEmpty() ? "" : "\n\n").append(intent.answer().strip()));
        if (text.isEmpty()) {
            text.append("Hi! Ask me anything about AI engineering careers.");
        }
        return new Turn(Reply.withSuggestions(text.toString(), suggestions(help.map(Intent::related)
                .orElse(List.of()))), help.map(Intent::id).orElse("help"), 1.0, List.of(), none, Route.COMMAND,
                "command /start", Optional.empty());
    }

    private Turn skillsTurn(String argument, Match none) {
        if (argument.isBlank()) {
            return answerIntent("skills.overview", none, Route.COMMAND, "command /skills");
        }
        List<String> named = knowledge.subject(argument).map(subject -> List.of(subject.id()))
                .orElseGet(() -> spotter.subjectsLooselyIn(matcher.terms(argument)));
        Optional<Intent> roleSkills = named.stream().findFirst()
                .flatMap(subject -> knowledge.intentFor(subject, "skills"));
        if (roleSkills.isPresent()) {
            return answerIntent(roleSkills.get().id(), none, Route.COMMAND, "command /skills " + argument);
        }
        Turn general = answerIntent("skills.overview", none, Route.COMMAND,
                "command /skills with an unknown role");
        String note = "I don't know the role \"" + echoed(argument) + "\", so here are the skills every AI"
                + " engineer needs. Try /roles to see the roles I know.\n\n";
        return new Turn(new Reply(note + general.reply().text(), general.reply().suggestions(), false),
                general.intent(), general.confidence(), List.of(), none, Route.COMMAND, general.note(),
                Optional.empty());
    }

    /**
     * What the person wrote, quoted back: at most {@value #MAX_ECHO_CHARS} characters on one line,
     * with markup characters removed so that it shows as typed and cannot format the reply.
     */
    static String echoed(String argument) {
        String plain = argument.strip().replaceAll("[\\s]+", " ").replaceAll("[*\\[\\]()<>`_~]", "");
        return plain.length() <= MAX_ECHO_CHARS ? plain
                : plain.substring(0, plain.offsetByCodePoints(0, plain.codePointCount(0, MAX_ECHO_CHARS) - 1)) + "…";
    }

    private Turn answerIntent(String intentId, Match match, Route route, String note) {
        return knowledge.intent(intentId)
                .map(intent -> answerTopic(new Topic(intent, intent.subject()), match, route, note))
                .orElseGet(() -> outOfScope(match));
    }

    private Turn answerTopic(Topic topic, Match match, Route route, String note) {
        Intent intent = topic.intent();
        Reply reply = Reply.withSuggestions(intent.answerFor(topic.subject()).strip(), suggestions(intent.related()));
        return new Turn(reply, intent.id(), match.confidence(), List.of(), match, route, note, topic.subject());
    }

    /** An intent and the subject it is answered for (its own, or one of its answers by subject). */
    private record Topic(Intent intent, Optional<String> subject) {
    }

    /**
     * The unsure band. Two neighbouring topics (one subject, one facet, or one suggesting the
     * other) make a fair "Did you mean" question; two unrelated ones would be a guess, so the reply
     * says the question is not covered yet and offers only the closest topic.
     */
    private Turn clarify(Match match) {
        List<String> ids = match.candidates().subList(0, 2).stream().map(Candidate::intent).toList();
        Optional<Intent> first = knowledge.intent(ids.get(0));
        Optional<Intent> second = knowledge.intent(ids.get(1));
        if (first.isPresent() && second.isPresent() && neighbours(first.get(), second.get())) {
            String text = "I'm not sure I understood. Did you mean **" + first.get().title() + "** or **"
                    + second.get().title() + "**?";
            return new Turn(Reply.withSuggestions(text, suggestions(ids)), match.intent(), match.confidence(),
                    ids, match, Route.UNSURE, "clarify", Optional.empty());
        }
        String text = "I don't have a good answer to that one yet. The closest topic I know is **"
                + title(ids.get(0)) + "**: tap it if it helps, or send /help to see everything I cover.";
        return new Turn(Reply.withSuggestions(text, suggestions(ids.subList(0, 1))), match.intent(),
                match.confidence(), ids.subList(0, 1), match, Route.UNSURE, "closest topic offered", Optional.empty());
    }

    private static boolean neighbours(Intent one, Intent other) {
        return one.subject().isPresent() && one.subject().equals(other.subject())
                || one.facet().isPresent() && one.facet().equals(other.facet())
                || one.related().contains(other.id()) || other.related().contains(one.id());
    }

    private Turn outOfScope(Match match) {
        Optional<Intent> fallback = knowledge.intent(KnowledgeBase.OUT_OF_SCOPE);
        String text = fallback.map(intent -> intent.answer().strip()).orElse(
                "Sorry, that is outside what I know. I answer questions about AI engineering careers;"
                        + " send /help to see the topics.");
        List<String> related = fallback.map(Intent::related).orElse(List.of());
        return new Turn(Reply.withSuggestions(text, suggestions(related)), KnowledgeBase.OUT_OF_SCOPE,
                match.confidence(), List.of(), match, Route.OUT_OF_SCOPE, "out of scope", Optional.empty());
    }

    private static Turn plain(String text, Match match, Route route, String note) {
        return new Turn(Reply.text(text), KnowledgeBase.OUT_OF_SCOPE, match.confidence(), List.of(), match, route, note,
                Optional.empty());
    }

    private List<Suggestion> suggestions(List<String> intentIds) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (String id : intentIds) {
            knowledge.intent(id).ifPresent(intent ->
                    suggestions.add(new Suggestion(intent.title(), CommandTable.topicCommand(id))));
        }
        return suggestions;
    }

    private String title(String intentId) {
        return knowledge.intent(intentId).map(Intent::title).orElse(intentId);
    }

    /**
     * The subject both intents of a "Did you mean" question are about ("NLP engineer" or "NLP
     * engineer skills"), so that "what do they earn?" after it still refers to it.
     */
    private Optional<String> sharedSubject(List<String> offered) {
        List<Optional<String>> subjects = offered.stream()
                .map(id -> knowledge.intent(id).flatMap(Intent::subject)).distinct().toList();
        return subjects.size() == 1 ? subjects.get(0) : Optional.empty();
    }

    private void remember(String key, SessionContext context, Turn turn, Instant now) {
        Optional<Intent> answered = knowledge.intent(turn.intent())
                .filter(intent -> !intent.id().equals(KnowledgeBase.OUT_OF_SCOPE));
        if (answered.isEmpty() || !turn.clarify().isEmpty()) {
            sessions.put(key, new SessionContext(context.lastIntent(),
                    sharedSubject(turn.clarify()).or(context::subject), context.facet(), now));
            return;
        }
        Intent intent = answered.get();
        Optional<String> subject = turn.subject().or(intent::subject).or(context::subject);
        sessions.put(key, new SessionContext(Optional.of(intent.id()), subject, intent.facet(), now));
    }
}
