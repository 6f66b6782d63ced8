package dev.careerbot;

import dev.careerbot.config.BotConfig;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.LabelledExample;
import dev.careerbot.intent.Training;
import dev.careerbot.knowledge.Intent;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.Subject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the bot's core from a knowledge base and the config: matcher, then conversation. */
final class Assembly {

    private Assembly() {}

    static IntentMatcher matcher(KnowledgeBase knowledge, MatcherSettings settings) {
        List<LabelledExample> examples = new ArrayList<>();
        for (Intent intent : knowledge.intents()) {
            if (intent.id().equals(KnowledgeBase.OUT_OF_SCOPE)) {
                continue;
            }
            intent.examples().forEach(example -> examples.add(LabelledExample.of(example, intent.id())));
        }
        knowledge.outOfScopeExamples().forEach(example ->
                examples.add(LabelledExample.of(example, KnowledgeBase.OUT_OF_SCOPE)));
        List<String> vocabulary = new ArrayList<>();
        for (Subject subject : knowledge.subjects()) {
            vocabulary.add(subject.name());
            vocabulary.addAll(subject.aliases());
        }
        knowledge.intents().forEach(intent -> vocabulary.add(intent.title()));
        IntentMatcher.Options options = new IntentMatcher.Options(settings.maxInputChars(),
                knowledge.synonyms(), vocabulary, settings.answerThreshold(), settings.clarifyThreshold(),
                true, false, Training.defaults());
        return IntentMatcher.train(examples, options, Optional.empty());
    }

    static Conversation conversation(KnowledgeBase knowledge, BotConfig config, Clock clock) {
        return new Conversation(knowledge, matcher(knowledge, config.matcher()), config.sessions(), clock);
    }
}
