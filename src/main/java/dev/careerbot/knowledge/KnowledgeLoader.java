package dev.careerbot.knowledge;

import dev.careerbot.message.Markup;
import dev.careerbot.yaml.FieldReader;
import dev.careerbot.yaml.Findings;
import dev.careerbot.yaml.Spelling;
import dev.careerbot.yaml.YamlEntry;
import dev.careerbot.yaml.YamlException;
import dev.careerbot.yaml.YamlMapping;
import dev.careerbot.yaml.YamlNode;
import dev.careerbot.yaml.YamlReader;
import dev.careerbot.yaml.YamlScalar;
import dev.careerbot.yaml.YamlSequence;
import dev.careerbot.yaml.YamlSource;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads and validates the knowledge base file (format in the header of
 * {@code config/knowledge.yml}). Finds every problem in one pass, each as
 * {@code file:line: what is wrong and how to fix it}, and either returns a complete
 * {@link KnowledgeBase} or throws; nothing is ever half loaded.
 */
public final class KnowledgeLoader {

    /** Fewest examples an intent needs for the matcher to learn it. */
    public static final int MIN_EXAMPLES = 10;

    /** Longest answer that reads well in a chat; longer ones only get a warning. */
    public static final int MAX_ANSWER_CHARS = 1200;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._]+");
    private static final List<String> TOP_KEYS = List.of("synonyms", "subjects", "intents");
    private static final List<String> SUBJECT_KEYS = List.of("id", "name", "aliases", "follow_up_aliases");
    private static final List<String> INTENT_KEYS =
            List.of("id", "title", "subject", "facet", "examples", "answer", "by_subject", "related");

    /**
     * A loaded knowledge base and what could be better about it.
     *
     * @param base the knowledge base
     * @param warnings things that work but should be improved, as {@code file:line: ...}
     */
    public record Loaded(KnowledgeBase base, List<String> warnings) {

        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Everything wrong with a knowledge base file, for the {@code check} command.
     *
     * @param errors problems that stop it from loading
     * @param warnings things that work but should be improved
     */
    public record Report(List<String> errors, List<String> warnings) {

        public Report {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    private final YamlReader reader;

    public KnowledgeLoader() {
        this(new YamlReader());
    }

    public KnowledgeLoader(YamlReader reader) {
        this.reader = reader;
    }

    /** Loads a knowledge base file. @throws KnowledgeException listing every problem */
    public Loaded load(Path file) {
        return load(YamlSource.file(file));
    }

    /** Loads a knowledge base from a file or from the copy in the jar. @throws KnowledgeException */
    public Loaded load(YamlSource source) {
        Attempt attempt = attempt(source);
        if (attempt.base().isEmpty()) {
            throw new KnowledgeException(attempt.findings().errors());
        }
        return new Loaded(attempt.base().get(), attempt.findings().warnings());
    }

    /** Every error and warning of the knowledge base, without throwing. */
    public Report check(YamlSource source) {
        Attempt attempt = attempt(source);
        return new Report(attempt.findings().errors(), attempt.findings().warnings());
    }

    private record Attempt(Findings findings, Optional<KnowledgeBase> base) {
    }

    private Attempt attempt(YamlSource source) {
        Findings findings = new Findings(source.name());
        try {
            byte[] bytes = source.read();
            YamlNode root = reader.read(source.name(), bytes);
            Optional<KnowledgeBase> base = new Parse(source.name(), findings).knowledgeBase(root, sha256(bytes));
            return new Attempt(findings, findings.hasErrors() ? Optional.empty() : base);
        } catch (YamlException e) {
            findings.errors(e.problems());
            return new Attempt(findings, Optional.empty());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** One pass over one document; reports to the findings as it goes. */
    private static final class Parse {

        private final String source;
        private final Findings findings;
        private final FieldReader fields;
        private final Map<String, Integer> subjectIdLines = new LinkedHashMap<>();
        private final Map<String, Integer> intentIdLines = new LinkedHashMap<>();

        Parse(String source, Findings findings) {
            this.source = source;
            this.findings = findings;
            this.fields = new FieldReader(findings);
        }

        Optional<KnowledgeBase> knowledgeBase(YamlNode root, String contentHash) {
            if (FieldReader.isEmpty(root)) {
                findings.error(1, "the knowledge base is empty: add intents (see the format at the top of"
                        + " config/knowledge.yml)");
                return Optional.empty();
            }
            Optional<YamlMapping> top = fields.mapping(root, "the knowledge base", TOP_KEYS);
            if (top.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> synonyms = top.get().get("synonyms").map(this::synonyms).orElse(Map.of());
            List<Located<Subject>> subjects = top.get().get("subjects").map(this::subjects).orElse(List.of());
            Optional<YamlEntry> intentsEntry = top.get().entry("intents");
            if (intentsEntry.isEmpty()) {
                findings.error(top.get().line(), "there is no intents: list: add one with at least the"
                        + " intent " + KnowledgeBase.OUT_OF_SCOPE);
                return Optional.empty();
            }
            List<ParsedIntent> intents = intents(intentsEntry.get().value());
            crossCheck(intents, intentsEntry.get().line());
            List<Intent> parsedIntents = intents.stream().map(ParsedIntent::intent).toList();
            List<String> outOfScope = parsedIntents.stream()
                    .filter(intent -> intent.id().equals(KnowledgeBase.OUT_OF_SCOPE))
                    .findFirst().map(Intent::examples).orElse(List.of());
            return Optional.of(new KnowledgeBase(source, parsedIntents, values(subjects), synonyms, outOfScope,
                    contentHash));
        }

        private Map<String, String> synonyms(YamlNode node) {
            Map<String, String> synonyms = new LinkedHashMap<>();
            if (FieldReader.isEmpty(node)) {
                return synonyms;
            }
            if (!(node instanceof YamlMapping mapping)) {
                findings.error(node.line(), "synonyms must be a mapping of word: meaning, but is " + node.describe());
                return synonyms;
            }
            for (YamlEntry entry : mapping.entries()) {
                String word = FieldReader.normalise(entry.key());
                Optional<String> meaning = fields.text(entry.value(), "the synonym '" + word + "'");
                if (word.isEmpty()) {
                    findings.error(entry.line(), "a synonym has an empty word: remove it");
                } else if (meaning.isEmpty()) {
                    if (entry.value() instanceof YamlScalar) {
                        findings.error(entry.line(), "the synonym '" + word + "' has no meaning: write"
                                + " '" + word + ": what it stands for'");
                    }
                } else {
                    synonyms.put(word, meaning.get());
                }
            }
            return synonyms;
        }

        private List<Located<Subject>> subjects(YamlNode node) {
            List<Located<Subject>> subjects = new ArrayList<>();
            Map<String, String> aliasOwners = new LinkedHashMap<>();
            fields.list(node, "subjects").ifPresent(list -> {
                for (YamlNode item : list.items()) {
                    Optional<YamlMapping> mapping = fields.mapping(item, "a subject", SUBJECT_KEYS);
                    if (mapping.isEmpty()) {
                        continue;
                    }
                    Optional<String> id = id(mapping.get(), "subject", subjectIdLines);
                    String label = "subject '" + id.orElse("?") + "'";
                    Optional<String> name = required(mapping.get(), "name", label,
                            "add how answers name it, for example name: NLP engineer");
                    List<String> aliases = new ArrayList<>();
                    Optional<YamlEntry> aliasEntry = mapping.get().entry("aliases");
                    for (YamlScalar alias : aliasEntry.map(entry -> fields.texts(entry.value(), label + " aliases"))
                            .orElse(List.of())) {
                        String text = alias.text().toLowerCase(Locale.ROOT);
                        String owner = aliasOwners.putIfAbsent(text, id.orElse("?"));
                        if (owner != null && !owner.equals(id.orElse("?"))) {
                            findings.warning(alias.line(), "the alias '" + alias.text() + "' of " + label
                                    + " also belongs to subject '" + owner + "': follow-ups cannot tell them apart");
                        }
                        aliases.add(alias.text());
                    }
                    boolean wrongType = aliasEntry.map(YamlEntry::value)
                            .filter(value -> !FieldReader.isEmpty(value) && !(value instanceof YamlSequence))
                            .isPresent();
                    if (aliases.isEmpty() && !wrongType) {
                        findings.error(aliasEntry.map(YamlEntry::line).orElse(mapping.get().line()), label
                                + " has no aliases: add the words people use for it, for example"
                                + " aliases: [nlp engineer, nlp]");
                    }
                    List<String> followUpAliases = mapping.get().get("follow_up_aliases")
                            .map(value -> fields.texts(value, label + " follow_up_aliases")).orElse(List.of())
                            .stream().map(YamlScalar::text).toList();
                    if (id.isPresent() && name.isPresent()) {
                        subjects.add(new Located<>(mapping.get().line(),
                                new Subject(id.get(), name.get(), aliases, followUpAliases)));
                    }
                }
            });
            return subjects;
        }

        private List<ParsedIntent> intents(YamlNode node) {
            List<ParsedIntent> intents = new ArrayList<>();
            Map<String, String> exampleOwners = new LinkedHashMap<>();
            fields.list(node, "intents").ifPresent(list -> {
                if (list.items().isEmpty()) {
                    findings.error(node.line(), "intents is empty: add at least the intent " + KnowledgeBase.OUT_OF_SCOPE);
                }
                for (YamlNode item : list.items()) {
                    fields.mapping(item, "an intent", INTENT_KEYS)
                            .flatMap(mapping -> intent(mapping, exampleOwners))
                            .ifPresent(intents::add);
                }
            });
            return intents;
        }

        private Optional<ParsedIntent> intent(YamlMapping mapping, Map<String, String> exampleOwners) {
            Optional<String> id = id(mapping, "intent", intentIdLines);
            String label = "intent '" + id.orElse("?") + "'";
            Optional<String> title = required(mapping, "title", label,
                    "add a short name for buttons, for example title: Skills of an NLP engineer");
            Optional<String> answer = required(mapping, "answer", label, "add the reply, for example answer: |");
            answer.filter(text -> text.length() > MAX_ANSWER_CHARS).ifPresent(text -> findings.warning(
                    mapping.entry("answer").orElseThrow().line(), label + " has an answer of " + text.length()
                            + " characters; keep it under " + MAX_ANSWER_CHARS + " so it reads well in a chat"));
            answer.ifPresent(text -> checkMarkup(text, mapping.entry("answer").orElseThrow().line(), label));
            List<Located<Map.Entry<String, String>>> bySubject = answersBySubject(mapping, label);
            Optional<String> subject = optionalText(mapping, "subject", label);
            Optional<String> facet = optionalText(mapping, "facet", label);
            List<String> examples = examples(mapping, label, id.orElse("?"), exampleOwners);
            List<YamlScalar> related = mapping.get("related")
                    .map(node -> fields.texts(node, label + " related"))
                    .orElse(List.of());
            if (related.isEmpty()) {
                findings.warning(mapping.line(), label + " has no related intents: add related: [...] so the"
                        + " reply can suggest where to go next");
            }
            if (id.isEmpty() || title.isEmpty() || answer.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> answers = new LinkedHashMap<>();
            bySubject.forEach(entry -> answers.put(entry.value().getKey(), entry.value().getValue()));
            Intent intent = new Intent(id.get(), title.get(), subject, facet, examples, answer.get(), answers,
                    related.stream().map(YamlScalar::text).toList(), mapping.line());
            return Optional.of(new ParsedIntent(intent, mapping.entry("subject").map(YamlEntry::line).orElse(0),
                    related, bySubject));
        }

        /**
         * The optional {@code by_subject:} answers: subject id to an answer, each held to the same
         * rules as the intent's own answer. The subject ids are checked once all subjects are read.
         */
        private List<Located<Map.Entry<String, String>>> answersBySubject(YamlMapping mapping, String label) {
            List<Located<Map.Entry<String, String>>> answers = new ArrayList<>();
            Optional<YamlEntry> entry = mapping.entry("by_subject");
            if (entry.isEmpty() || FieldReader.isEmpty(entry.get().value())) {
                return answers;
            }
            if (!(entry.get().value() instanceof YamlMapping subjects)) {
                findings.error(entry.get().line(), label + " by_subject must map subject ids to answers, for"
                        + " example by_subject: {cv_engineer: ...}, but is " + entry.get().value().describe());
                return answers;
            }
            if (mapping.entry("facet").isEmpty()) {
                findings.warning(entry.get().line(), label + " has answers by subject but no facet: add one (for"
                        + " example facet: interviews) so \"and for robotics?\" after it finds the right answer");
            }
            for (YamlEntry answer : subjects.entries()) {
                String subjectLabel = label + " answer for subject '" + answer.key() + "'";
                Optional<String> text = fields.text(answer.value(), subjectLabel);
                if (text.isEmpty()) {
                    if (answer.value() instanceof YamlScalar) {
                        findings.error(answer.line(), subjectLabel + " is empty: write the answer after "
                                + answer.key() + ": |");
                    }
                    continue;
                }
                if (text.get().length() > MAX_ANSWER_CHARS) {
                    findings.warning(answer.line(), subjectLabel + " has " + text.get().length()
                            + " characters; keep it under " + MAX_ANSWER_CHARS + " so it reads well in a chat");
                }
                checkMarkup(text.get(), answer.line(), subjectLabel);
                answers.add(new Located<>(answer.line(), Map.entry(answer.key(), text.get())));
            }
            return answers;
        }

        /** Warns about markup the chat would show as raw characters. */
        private void checkMarkup(String answer, int line, String label) {
            List<String> plain = new ArrayList<>();
            for (Markup.Block block : Markup.parse(answer).blocks()) {
                List<List<Markup.Span>> lines = block instanceof Markup.Paragraph paragraph
                        ? paragraph.lines() : ((Markup.BulletList) block).items();
                lines.forEach(spans -> spans.stream().filter(Markup.Plain.class::isInstance)
                        .map(span -> ((Markup.Plain) span).text()).forEach(plain::add));
            }
            if (plain.stream().anyMatch(text -> text.contains("**"))) {
                findings.warning(line, label + " has a ** without its closing ** in its answer: the chat shows the"
                        + " stars as they are; close the bold text on the same line");
            }
            if (plain.stream().anyMatch(text -> text.contains("]("))) {
                findings.warning(line, label + " has a link that is not [label](https://...) in its answer: the chat"
                        + " shows it as text; write the label in [] and an http or https address in ()");
            }
        }

        private List<String> examples(
                YamlMapping mapping, String label, String id, Map<String, String> exampleOwners) {
            Optional<YamlEntry> entry = mapping.entry("examples");
            List<String> examples = new ArrayList<>();
            Map<String, Integer> firstLines = new LinkedHashMap<>();
            for (YamlScalar example : entry.map(e -> fields.texts(e.value(), label + " examples")).orElse(List.of())) {
                String key = example.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                Integer first = firstLines.putIfAbsent(key, example.line());
                if (first != null) {
                    findings.error(example.line(), label + ": the example '" + example.text()
                            + "' appears twice (first on line " + first + "): remove one or reword it");
                    continue;
                }
                String owner = exampleOwners.putIfAbsent(key, id);
                if (owner != null && !owner.equals(id)) {
                    findings.warning(example.line(), label + ": the example '" + example.text()
                            + "' is also an example of intent '" + owner + "': the matcher cannot tell them apart");
                }
                examples.add(example.text());
            }
            if (examples.size() < MIN_EXAMPLES) {
                findings.error(entry.map(YamlEntry::line).orElse(mapping.line()), label + " has " + examples.size()
                        + (examples.size() == 1 ? " example" : " examples") + "; it needs at least " + MIN_EXAMPLES
                        + ": add questions as people really write them");
            }
            return examples;
        }

        private Optional<String> id(YamlMapping mapping, String kind, Map<String, Integer> idLines) {
            Optional<YamlEntry> entry = mapping.entry("id");
            Optional<String> id = entry.flatMap(e -> fields.text(e.value(), "the " + kind + " id"));
            int line = entry.map(YamlEntry::line).orElse(mapping.line());
            if (id.isEmpty()) {
                if (entry.isEmpty() || entry.get().value() instanceof YamlScalar) {
                    findings.error(line, "this " + kind + " has no id: add id: with letters, digits, '.' and '_'");
                }
                return Optional.empty();
            }
            if (!ID.matcher(id.get()).matches()) {
                findings.error(line, "the " + kind + " id '" + id.get() + "' may hold only letters, digits, '.' and"
                        + " '_': for example role.nlp_engineer.skills");
                return Optional.empty();
            }
            Integer first = idLines.putIfAbsent(id.get(), line);
            if (first != null) {
                findings.error(line, "the " + kind + " id '" + id.get() + "' is used twice (first on line " + first
                        + "): give each " + kind + " its own id");
                return Optional.empty();
            }
            return id;
        }

        private Optional<String> required(YamlMapping mapping, String key, String label, String fix) {
            Optional<YamlEntry> entry = mapping.entry(key);
            Optional<String> text = entry.flatMap(e -> fields.text(e.value(), label + " " + key));
            if (text.isEmpty() && (entry.isEmpty() || entry.get().value() instanceof YamlScalar)) {
                findings.error(entry.map(YamlEntry::line).orElse(mapping.line()),
                        label + " has no " + key + ": " + fix);
            }
            return text;
        }

        private Optional<String> optionalText(YamlMapping mapping, String key, String label) {
            return mapping.get(key).flatMap(node -> fields.text(node, label + " " + key));
        }

        private void crossCheck(List<ParsedIntent> intents, int intentsLine) {
            for (ParsedIntent parsed : intents) {
                Intent intent = parsed.intent();
                intent.subject().filter(subject -> !subjectIdLines.containsKey(subject)).ifPresent(subject ->
                        findings.error(parsed.subjectLine(), "intent '" + intent.id() + "' names the subject '"
                                + subject + "', which is not among the subjects"
                                + Spelling.didYouMean(subject, subjectIdLines.keySet())
                                + ": fix the name or add the subject"));
                for (Located<Map.Entry<String, String>> answer : parsed.answersBySubject()) {
                    String subject = answer.value().getKey();
                    if (!subjectIdLines.containsKey(subject)) {
                        findings.error(answer.line(), "intent '" + intent.id() + "' has an answer for the subject '"
                                + subject + "', which is not among the subjects"
                                + Spelling.didYouMean(subject, subjectIdLines.keySet())
                                + ": fix the id or add the subject");
                    }
                }
                for (YamlScalar related : parsed.related()) {
                    if (!intentIdLines.containsKey(related.text())) {
                        findings.error(related.line(), "intent '" + intent.id() + "' lists '" + related.text()
                                + "' as related, but there is no intent with that id"
                                + Spelling.didYouMean(related.text(), intentIdLines.keySet())
                                + ": fix the id or remove it");
                    } else if (related.text().equals(intent.id())) {
                        findings.warning(related.line(), "intent '" + intent.id() + "' lists itself as related:"
                                + " remove it");
                    }
                }
            }
            if (!intentIdLines.containsKey(KnowledgeBase.OUT_OF_SCOPE)) {
                findings.error(intentsLine, "there is no intent with id " + KnowledgeBase.OUT_OF_SCOPE + ": add one;"
                        + " its examples are questions the bot must not answer, its answer the reply to them");
            }
        }

        private static <T> List<T> values(List<Located<T>> located) {
            return located.stream().map(Located::value).toList();
        }
    }

    /** An intent with the lines of the references that are checked once all intents are read. */
    private record ParsedIntent(Intent intent, int subjectLine, List<YamlScalar> related,
            List<Located<Map.Entry<String, String>>> answersBySubject) {
    }

    /** A parsed value and the line it starts on. */
    private record Located<T>(int line, T value) {
    }
}
