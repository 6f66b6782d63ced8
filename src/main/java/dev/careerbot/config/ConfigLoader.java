package dev.careerbot.config;

import dev.careerbot.yaml.FieldReader;
import dev.careerbot.yaml.Findings;
import dev.careerbot.yaml.YamlEntry;
import dev.careerbot.yaml.YamlException;
import dev.careerbot.yaml.YamlMapping;
import dev.careerbot.yaml.YamlNode;
import dev.careerbot.yaml.YamlReader;
import dev.careerbot.yaml.YamlScalar;
import dev.careerbot.yaml.YamlSequence;
import dev.careerbot.yaml.YamlSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds, reads and validates {@code careerbot.yml}. Every problem is collected and reported as
 * {@code file:line: what is wrong and how to fix it}. {@code ${NAME}} and {@code ${NAME:-default}}
 * are replaced from the environment given to the constructor; the variables of a disabled adapter
 * are never read, so a bot without Discord needs no Discord token.
 */
public final class ConfigLoader {

    /** The environment variable that names the config file when {@code --config} is not given. */
    public static final String CONFIG_VARIABLE = "CAREERBOT_CONFIG";

    /** Where the config is looked for, relative to the working directory, after the variable. */
    public static final Path DEFAULT_CONFIG = Path.of("config", "careerbot.yml");

    /** The copy of the config bundled in the jar, used when no file is found. */
    public static final YamlSource BUNDLED_CONFIG = YamlSource.resource("bundled/careerbot.yml");

    private static final Pattern BARE_VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final List<String> TOP_KEYS = Stream.concat(
            Stream.of("knowledge_base", "matcher", "sessions", "adapters", "state"),
            OperationsSection.KEYS.stream()).toList();
    private static final List<String> MATCHER_KEYS = List.of("answer_threshold", "clarify_threshold", "max_input_chars",
            "mode", "cache_dir");
    private static final List<String> SESSION_KEYS = List.of("expiry_minutes", "max_sessions");
    private static final List<String> ADAPTER_KEYS = List.of("telegram", "discord");
    private static final List<String> TELEGRAM_KEYS = List.of("enabled", "token", "api_url", "long_poll_seconds",
            "pacing", "messages_per_second", "chat_messages_per_second", "group_messages_per_minute", "mode",
            "webhook_url", "webhook_listen", "webhook_secret");
    private static final List<String> DISCORD_KEYS = List.of("enabled", "token", "message_content_intent", "shards",
            "rest_url", "gateway_url", "shard_ids");
    private static final List<String> STATE_KEYS = List.of("store", "redis_url", "key_prefix", "timeout_ms");
    /** Telegram's rule for a webhook's secret token. */
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern SHARD_RANGE = Pattern.compile("([0-9]{1,5})\\s*-\\s*([0-9]{1,5})");
    private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9_:.-]{0,64}");

    /**
     * Every key the config accepts, as its dotted path from the top ({@code matcher.mode},
     * {@code adapters.telegram.token}, {@code rate_limit.burst}), sorted. Built from the same key
     * lists that the "unknown key" errors name, so the documentation can be checked against it.
     */
    public static List<String> acceptedKeys() {
        Map<String, List<String>> sections = new HashMap<>(OperationsSection.SECTION_KEYS);
        sections.put("matcher", MATCHER_KEYS);
        sections.put("sessions", SESSION_KEYS);
        sections.put("adapters", ADAPTER_KEYS);
        sections.put("adapters.telegram", TELEGRAM_KEYS);
        sections.put("adapters.discord", DISCORD_KEYS);
        sections.put("state", STATE_KEYS);
        List<String> keys = new ArrayList<>();
        addLeaves("", TOP_KEYS, sections, keys);
        return keys.stream().sorted().toList();
    }

    private static void addLeaves(String prefix, List<String> names, Map<String, List<String>> sections,
            List<String> keys) {
        for (String name : names) {
            String path = prefix + name;
            if (sections.containsKey(path)) {
                addLeaves(path + ".", sections.get(path), sections, keys);
            } else {
                keys.add(path);
            }
        }
    }

    /**
     * A valid configuration and what could be better about it.
     *
     * @param config the configuration
     * @param warnings things that work but should be changed, as {@code file:line: ...}
     */
    public record Loaded(BotConfig config, List<String> warnings) {

        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Everything wrong with a config file, for the {@code check} command.
     *
     * @param errors problems that stop it from loading
     * @param warnings things that work but should be changed
     * @param knowledgeBase the knowledge base it names, when that much could be read
     */
    public record Report(List<String> errors, List<String> warnings, Optional<YamlSource> knowledgeBase) {

        public Report {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final YamlReader reader;

    /** A loader that reads variables from the given environment, usually {@code System.getenv()}. */
    public ConfigLoader(Map<String, String> environment) {
        this(environment, Path.of(""));
    }

    /**
     * @param environment where {@code ${NAME}} values come from; only {@code get} is called
     * @param workingDirectory what {@code config/careerbot.yml} and relative paths are relative to
     */
    public ConfigLoader(Map<String, String> environment, Path workingDirectory) {
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.reader = new YamlReader();
    }

    /**
     * Where the config is: the {@code --config} file when given, else the file named by
     * {@code CAREERBOT_CONFIG}, else {@code config/careerbot.yml} in the working directory, else
     * the copy bundled in the jar.
     *
     * @param explicit the file given with {@code --config}, if any
     * @throws ConfigException when the file given or named by the variable does not exist
     */
    public YamlSource locate(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            return existing(workingDirectory.resolve(explicit.get()), "--config names");
        }
        String named = environment.get(CONFIG_VARIABLE);
        if (named != null && !named.isBlank()) {
            return existing(workingDirectory.resolve(named.strip()), CONFIG_VARIABLE + " names");
        }
        YamlSource local = YamlSource.file(workingDirectory.resolve(DEFAULT_CONFIG));
        return local.exists() ? local : BUNDLED_CONFIG;
    }

    /** Locates and loads the config. @throws ConfigException listing every problem */
    public Loaded load(Optional<Path> explicit) {
        return load(locate(explicit));
    }

    /** Loads the config from a file or a bundled resource. @throws ConfigException listing every problem */
    public Loaded load(YamlSource source) {
        Attempt attempt = attempt(source);
        if (attempt.findings().hasErrors() || attempt.config().isEmpty()) {
            throw new ConfigException(attempt.findings().errors());
        }
        return new Loaded(attempt.config().get(), attempt.findings().warnings());
    }

    /** Every error and warning of the config, without throwing. */
    public Report check(YamlSource source) {
        Attempt attempt = attempt(source);
        return new Report(attempt.findings().errors(), attempt.findings().warnings(), attempt.knowledgeBase());
    }

    private static YamlSource existing(Path file, String who) {
        YamlSource source = YamlSource.file(file);
        if (!source.exists()) {
            throw new ConfigException(List.of(file + ": " + who + " this config file, but there is no such file"
                    + " (looked at " + file.toAbsolutePath() + "): fix the path"));
        }
        return source;
    }

    /** The config file's folder (the working directory for the bundled copy): files it names go there. */
    private Path folderOf(YamlSource source) {
        if (source instanceof YamlSource.FileSource file) {
            Path parent = file.path().getParent();
            return parent == null ? workingDirectory : parent;
        }
        return workingDirectory;
    }

    private record Attempt(Findings findings, Optional<BotConfig> config, Optional<YamlSource> knowledgeBase) {
    }

    private Attempt attempt(YamlSource source) {
        Findings findings = new Findings(source.name());
        try {
            YamlNode raw = reader.read(source);
            Substitution substitution = new Substitution(findings);
            YamlNode resolved = substitution.resolve(raw, "", true);
            Parse parse = new Parse(source, findings, substitution.unresolved, folderOf(source));
            Optional<BotConfig> config = parse.config(resolved);
            return new Attempt(findings, findings.hasErrors() ? Optional.empty() : config, parse.knowledgeBase);
        } catch (YamlException e) {
            findings.errors(e.problems());
            return new Attempt(findings, Optional.empty(), Optional.empty());
        }
    }

    /** Replaces {@code ${NAME}} in text values, skipping the sections of disabled adapters. */
    private final class Substitution {

        private final Findings findings;
        /** Paths of values whose variable was missing; already reported, so not reported again. */
        private final Set<String> unresolved = new HashSet<>();

        Substitution(Findings findings) {
            this.findings = findings;
        }

        YamlNode resolve(YamlNode node, String path, boolean readVariables) {
            if (node instanceof YamlMapping mapping) {
                List<YamlEntry> entries = new ArrayList<>();
                for (YamlEntry entry : mapping.entries()) {
                    String childPath = path.isEmpty() ? entry.key() : path + "." + entry.key();
                    YamlNode value = path.equals("adapters") && entry.value() instanceof YamlMapping section
                            ? adapter(section, childPath)
                            : resolve(entry.value(), childPath, readVariables);
                    entries.add(new YamlEntry(entry.key(), entry.line(), value));
                }
                return new YamlMapping(mapping.line(), entries);
            }
            if (node instanceof YamlSequence sequence) {
                List<YamlNode> items = new ArrayList<>();
                for (int i = 0; i < sequence.items().size(); i++) {
                    items.add(resolve(sequence.items().get(i), path + "[" + i + "]", readVariables));
                }
                return new YamlSequence(sequence.line(), items);
            }
            YamlScalar scalar = (YamlScalar) node;
            Matcher bare = BARE_VARIABLE.matcher(scalar.text().strip());
            if (readVariables && scalar.type() == YamlScalar.Type.TEXT && bare.matches()) {
                findings.error(scalar.line(), path + " is the text $" + bare.group(1) + ": write ${" + bare.group(1)
                        + "}, with braces, to use the environment variable");
                unresolved.add(path);
                return new YamlScalar(scalar.line(), "", YamlScalar.Type.NULL);
            }
            if (scalar.type() != YamlScalar.Type.TEXT || !scalar.text().contains("${")) {
                return scalar;
            }
            if (!readVariables) {
                return new YamlScalar(scalar.line(), "", YamlScalar.Type.NULL);
            }
            return substitute(scalar, path);
        }

        /** An adapter section: {@code enabled} first, then the rest only when it is enabled. */
        private YamlNode adapter(YamlMapping section, String path) {
            YamlNode enabledNode = section.get("enabled")
                    .map(node -> resolve(node, path + ".enabled", true))
                    .orElse(new YamlScalar(section.line(), "false", YamlScalar.Type.BOOLEAN));
            boolean enabled = enabledNode instanceof YamlScalar scalar && scalar.text().strip().equalsIgnoreCase("true");
            section.entry("token").ifPresent(token -> {
                if (token.value() instanceof YamlScalar scalar && scalar.type() != YamlScalar.Type.NULL
                        && !scalar.text().isBlank() && !scalar.text().contains("${")
                        && !BARE_VARIABLE.matcher(scalar.text().strip()).matches()) {
                    findings.warning(token.line(), path + ".token is written into this file: put it in an"
                            + " environment variable instead, for example token: ${"
                            + path.substring(path.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT) + "_TOKEN}");
                }
            });
            List<YamlEntry> entries = new ArrayList<>();
            for (YamlEntry entry : section.entries()) {
                YamlNode value = entry.key().equals("enabled")
                        ? enabledNode
                        : resolve(entry.value(), path + "." + entry.key(), enabled);
                entries.add(new YamlEntry(entry.key(), entry.line(), value));
            }
            return new YamlMapping(section.line(), entries);
        }

        private YamlScalar substitute(YamlScalar scalar, String path) {
            String text = scalar.text();
            Matcher matcher = VARIABLE.matcher(text);
            StringBuilder result = new StringBuilder();
            boolean failed = false;
            int end = 0;
            while (matcher.find()) {
                result.append(text, end, matcher.start());
                end = matcher.end();
                String name = matcher.group(1);
                String value = environment.get(name);
                if (value != null && !value.isEmpty()) {
                    result.append(value);
                } else if (matcher.group(2) != null) {
                    result.append(matcher.group(2));
                } else {
                    String state = value == null ? "which is not set" : "which is empty";
                    String fix = path.startsWith("adapters.")
                            ? "export it or set enabled: false"
                            : "export it or give a default as ${" + name + ":-value}";
                    findings.error(scalar.line(), path + " uses ${" + name + "}, " + state + ": " + fix);
                    failed = true;
                }
            }
            result.append(text, end, text.length());
            String rest = VARIABLE.matcher(text).replaceAll("");
            if (rest.contains("${")) {
                findings.error(scalar.line(), path + " has a ${ that is not a variable: write ${NAME} or"
                        + " ${NAME:-default}, with NAME made of letters, digits and _");
                failed = true;
            }
            if (failed) {
                unresolved.add(path);
                return new YamlScalar(scalar.line(), "", YamlScalar.Type.NULL);
            }
            return new YamlScalar(scalar.line(), result.toString(), YamlScalar.Type.TEXT);
        }
    }

    /** The typed reading of a resolved config tree. */
    private static final class Parse {

        private final YamlSource source;
        private final Findings findings;
        private final FieldReader fields;
        private final Set<String> unresolved;
        private final Path folder;
        private Optional<YamlSource> knowledgeBase = Optional.empty();

        Parse(YamlSource source, Findings findings, Set<String> unresolved, Path folder) {
            this.folder = folder;
            this.source = source;
            this.findings = findings;
            this.unresolved = unresolved;
            this.fields = new FieldReader(findings);
        }

        Optional<BotConfig> config(YamlNode root) {
            YamlMapping top;
            if (FieldReader.isEmpty(root)) {
                top = new YamlMapping(1, List.of());
            } else {
                Optional<YamlMapping> mapping = fields.mapping(root, "the config", TOP_KEYS);
                if (mapping.isEmpty()) {
                    return Optional.empty();
                }
                top = mapping.get();
            }
            knowledgeBase = knowledgeBase(top);
            MatcherSettings matcher = section(top, "matcher", MATCHER_KEYS).map(this::matcher)
                    .orElse(MatcherSettings.defaults());
            SessionSettings sessions = section(top, "sessions", SESSION_KEYS).map(this::sessions)
                    .orElse(SessionSettings.defaults());
            Optional<YamlMapping> adapters = section(top, "adapters", ADAPTER_KEYS);
            TelegramSettings telegram = adapters.flatMap(a -> section(a, "adapters.telegram", "telegram", TELEGRAM_KEYS))
                    .map(this::telegram).orElse(TelegramSettings.disabled());
            DiscordSettings discord = adapters.flatMap(a -> section(a, "adapters.discord", "discord", DISCORD_KEYS))
                    .map(this::discord).orElse(DiscordSettings.disabled());
            OperationsSettings operations = new OperationsSection(fields, findings, folder).read(top);
            StateSettings state = section(top, "state", STATE_KEYS).map(this::state).orElse(StateSettings.defaults());
            if (knowledgeBase.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new BotConfig(source.name(), knowledgeBase.get(), matcher, sessions, telegram, discord,
                    operations, state));
        }

        private Optional<YamlSource> knowledgeBase(YamlMapping top) {
            Optional<YamlEntry> entry = top.entry("knowledge_base");
            if (unresolved.contains("knowledge_base")) {
                return Optional.empty();
            }
            String name = entry.flatMap(e -> fields.text(e.value(), "knowledge_base")).orElse("knowledge.yml");
            if (entry.isPresent() && !(entry.get().value() instanceof YamlScalar)) {
                return Optional.empty();
            }
            YamlSource knowledge = source.resolve(name);
            if (!knowledge.exists()) {
                findings.error(entry.map(YamlEntry::line).orElse(1), "knowledge_base names " + knowledge.name()
                        + ", which does not exist: fix the path (a relative path is read from the folder of "
                        + source.name() + ")");
            }
            return Optional.of(knowledge);
        }

        private Optional<YamlMapping> section(YamlMapping parent, String key, List<String> keys) {
            return section(parent, key, key, keys);
        }

        private Optional<YamlMapping> section(YamlMapping parent, String what, String key, List<String> keys) {
            return parent.get(key).filter(node -> !FieldReader.isEmpty(node))
                    .flatMap(node -> fields.mapping(node, what, keys));
        }

        private MatcherSettings matcher(YamlMapping matcher) {
            OptionalDouble answer = threshold(matcher, "answer_threshold");
            OptionalDouble clarify = threshold(matcher, "clarify_threshold");
            if (answer.isPresent() && clarify.isPresent() && clarify.getAsDouble() >= answer.getAsDouble()) {
                findings.error(matcher.entry("clarify_threshold").orElseThrow().line(),
                        "matcher.clarify_threshold (" + clarify.getAsDouble() + ") must be below"
                                + " matcher.answer_threshold (" + answer.getAsDouble() + "): lower it, or write auto");
            }
            int maxInput = fields.integerOr(matcher, "matcher.max_input_chars", "max_input_chars", 1, 100_000,
                    MatcherSettings.DEFAULT_MAX_INPUT_CHARS);
            return new MatcherSettings(answer, clarify, maxInput, mode(matcher), cacheDirectory(matcher));
        }

        private MatcherMode mode(YamlMapping matcher) {
            Optional<YamlNode> node = matcher.get("mode").filter(value -> !FieldReader.isEmpty(value));
            if (node.isEmpty()) {
                return MatcherSettings.DEFAULT_MODE;
            }
            String text = node.get() instanceof YamlScalar scalar ? scalar.text().strip() : "";
            Optional<MatcherMode> mode = MatcherMode.fromConfig(text);
            if (mode.isEmpty()) {
                findings.error(node.get().line(), "matcher.mode must be lexical, semantic or hybrid, but is "
                        + (text.isEmpty() ? node.get().describe() : "'" + text + "'"));
            }
            return mode.orElse(MatcherSettings.DEFAULT_MODE);
        }

        private Path cacheDirectory(YamlMapping matcher) {
            Optional<YamlNode> node = matcher.get("cache_dir").filter(value -> !FieldReader.isEmpty(value));
            if (node.isEmpty()) {
                return MatcherSettings.DEFAULT_CACHE_DIRECTORY;
            }
            String text = node.get() instanceof YamlScalar scalar ? scalar.text().strip() : "";
            try {
                if (!text.isEmpty()) {
                    return Path.of(text);
                }
            } catch (InvalidPathException e) {
                // reported below
            }
            findings.error(node.get().line(), "matcher.cache_dir must be a folder path (absolute, or relative to"
                    + " the folder the bot starts in), but is " + (text.isEmpty() ? node.get().describe() : "'" + text + "'"));
            return MatcherSettings.DEFAULT_CACHE_DIRECTORY;
        }

        private OptionalDouble threshold(YamlMapping matcher, String key) {
            Optional<YamlNode> node = matcher.get(key).filter(value -> !FieldReader.isEmpty(value));
            if (node.isEmpty() || node.get() instanceof YamlScalar scalar
                    && scalar.text().strip().equalsIgnoreCase("auto")) {
                return OptionalDouble.empty();
            }
            String text = node.get() instanceof YamlScalar scalar ? scalar.text().strip() : "";
            try {
                double value = Double.parseDouble(text);
                if (value >= 0 && value <= 1) {
                    return OptionalDouble.of(value);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            findings.error(node.get().line(), "matcher." + key + " must be auto or a number from 0 to 1, but is "
                    + (text.isEmpty() ? node.get().describe() : "'" + text + "'"));
            return OptionalDouble.empty();
        }

        private SessionSettings sessions(YamlMapping sessions) {
            SessionSettings defaults = SessionSettings.defaults();
            int minutes = fields.integerOr(sessions, "sessions.expiry_minutes", "expiry_minutes", 1, 525_600,
                    (int) defaults.expiry().toMinutes());
            int max = fields.integerOr(sessions, "sessions.max_sessions", "max_sessions", 1, 10_000_000,
                    defaults.maxSessions());
            return new SessionSettings(Duration.ofMinutes(minutes), max);
        }

        private TelegramSettings telegram(YamlMapping telegram) {
            TelegramSettings defaults = TelegramSettings.disabled();
            String path = "adapters.telegram";
            boolean enabled = fields.boolOr(telegram, path, "enabled", defaults.enabled());
            Secret token = token(telegram, path, enabled, "TELEGRAM_TOKEN", TelegramSettings.TOKEN_FORM,
                    "BotFather's tokens are the bot's id, a colon and 30 or more of A-Z, a-z, 0-9, _ and -,"
                            + " as in 123456789:AAH...");
            return new TelegramSettings(
                    enabled,
                    token,
                    apiUrl(telegram, path).orElse(defaults.apiUrl()),
                    fields.integerOr(telegram, path + ".long_poll_seconds", "long_poll_seconds", 0,
                            TelegramSettings.MAX_LONG_POLL_SECONDS, defaults.longPollSeconds()),
                    fields.boolOr(telegram, path, "pacing", defaults.pacing()),
                    rate(telegram, path, "messages_per_second", 1000, defaults.messagesPerSecond()),
                    rate(telegram, path, "chat_messages_per_second", 100, defaults.chatMessagesPerSecond()),
                    fields.integerOr(telegram, path + ".group_messages_per_minute", "group_messages_per_minute", 1, 6000,
                            defaults.groupMessagesPerMinute()),
                    webhook(telegram, path, enabled));
        }

        /** {@code api_url}, by the rule of {@link TelegramSettings.ApiUrl#parse}. */
        private Optional<TelegramSettings.ApiUrl> apiUrl(YamlMapping telegram, String path) {
            Optional<YamlNode> node = telegram.get("api_url").filter(value -> !FieldReader.isEmpty(value));
            Optional<String> text = node.flatMap(value -> fields.text(value, path + ".api_url"));
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(TelegramSettings.ApiUrl.parse(text.get()));
            } catch (IllegalArgumentException wrong) {
                findings.error(node.get().line(), path + ".api_url " + wrong.getMessage());
                return Optional.empty();
            }
        }

        private TelegramSettings.Webhook webhook(YamlMapping telegram, String path, boolean enabled) {
            TelegramSettings.Webhook polling = TelegramSettings.Webhook.polling();
            Optional<YamlNode> modeNode = telegram.get("mode").filter(node -> !FieldReader.isEmpty(node));
            String mode = modeNode.flatMap(node -> fields.text(node, path + ".mode")).orElse("polling").strip()
                    .toLowerCase(Locale.ROOT);
            if (!mode.equals("polling") && !mode.equals("webhook")) {
                findings.error(modeNode.get().line(), path + ".mode must be polling or webhook, but is '" + mode + "'");
                return polling;
            }
            if (mode.equals("polling") || !enabled) {
                return polling;
            }
            int sectionLine = modeNode.get().line();
            Optional<URI> url = url(telegram, path, "webhook_url", Set.of("http", "https"));
            if (url.isEmpty() && !unresolved.contains(path + ".webhook_url")) {
                findings.error(telegram.entry("webhook_url").map(YamlEntry::line).orElse(sectionLine), path
                        + ".webhook_url is needed in webhook mode: the public https:// address Telegram posts to,"
                        + " for example https://bot.example.org/telegram");
            } else if (url.isPresent() && !url.get().getScheme().equalsIgnoreCase("https")) {
                findings.warning(telegram.entry("webhook_url").orElseThrow().line(), path + ".webhook_url is not"
                        + " https://: Telegram posts only to HTTPS addresses, so put a TLS proxy in front");
            }
            Optional<OperationsSection.HostPort> listen = telegram.get("webhook_listen")
                    .filter(node -> !FieldReader.isEmpty(node))
                    .flatMap(node -> new OperationsSection(fields, findings, folder).address(node,
                            path + ".webhook_listen", polling.host(), polling.port()));
            Optional<YamlEntry> secretEntry = telegram.entry("webhook_secret");
            String secret = secretEntry.filter(entry -> !FieldReader.isEmpty(entry.value()))
                    .flatMap(entry -> fields.text(entry.value(), path + ".webhook_secret")).orElse("");
            if (!WEBHOOK_SECRET.matcher(secret).matches() && !unresolved.contains(path + ".webhook_secret")) {
                findings.error(secretEntry.map(YamlEntry::line).orElse(sectionLine), path + ".webhook_secret must be 1"
                        + " to 256 of A-Z, a-z, 0-9, _ and - (Telegram's rule): write webhook_secret:"
                        + " ${TELEGRAM_WEBHOOK_SECRET} and export a long random value");
            }
            return new TelegramSettings.Webhook(true, url.orElse(polling.url()), listen.map(OperationsSection.HostPort::host)
                    .orElse(polling.host()), listen.map(OperationsSection.HostPort::port).orElse(polling.port()),
                    new Secret(secret));
        }

        private StateSettings state(YamlMapping state) {
            StateSettings defaults = StateSettings.defaults();
            Optional<YamlNode> storeNode = state.get("store").filter(node -> !FieldReader.isEmpty(node));
            String store = storeNode.flatMap(node -> fields.text(node, "state.store")).orElse("memory").strip()
                    .toLowerCase(Locale.ROOT);
            StateSettings.Store kind = switch (store) {
                case "memory" -> StateSettings.Store.MEMORY;
                case "redis" -> StateSettings.Store.REDIS;
                default -> {
                    findings.error(storeNode.get().line(), "state.store must be memory or redis, but is '" + store + "'");
                    yield StateSettings.Store.MEMORY;
                }
            };
            Optional<YamlEntry> urlEntry = state.entry("redis_url");
            String url = urlEntry.filter(entry -> !FieldReader.isEmpty(entry.value()))
                    .flatMap(entry -> fields.text(entry.value(), "state.redis_url")).orElse("").strip();
            if (kind == StateSettings.Store.REDIS && !unresolved.contains("state.redis_url")
                    && !StateSettings.isRedisUrl(url)) {
                findings.error(urlEntry.map(YamlEntry::line).orElse(state.line()), "state.redis_url must be"
                        + " redis://host:port or rediss://host:port (TLS), with :password@ before the host if"
                        + " Redis needs one and /N after the port for database N; best written as ${REDIS_URL}");
            }
            String prefix = state.get("key_prefix").filter(node -> !FieldReader.isEmpty(node))
                    .flatMap(node -> fields.text(node, "state.key_prefix")).orElse(defaults.keyPrefix());
            if (!KEY_PREFIX.matcher(prefix).matches()) {
                findings.error(state.entry("key_prefix").orElseThrow().line(), "state.key_prefix must be up to 64 of"
                        + " A-Z, a-z, 0-9 and _ : . -, for example careerbot: (one prefix per bot sharing a Redis)");
                prefix = defaults.keyPrefix();
            }
            int timeout = fields.integerOr(state, "state.timeout_ms", "timeout_ms", 10, 2000,
                    (int) defaults.timeout().toMillis());
            return new StateSettings(kind, new Secret(url), prefix, Duration.ofMillis(timeout));
        }

        private DiscordSettings discord(YamlMapping discord) {
            String path = "adapters.discord";
            DiscordSettings defaults = DiscordSettings.disabled();
            boolean enabled = fields.boolOr(discord, path, "enabled", defaults.enabled());
            int shards = fields.integerOr(discord, path + ".shards", "shards", 1, 10_000, defaults.shards());
            return new DiscordSettings(
                    enabled,
                    token(discord, path, enabled, "DISCORD_TOKEN", DiscordSettings.TOKEN_FORM,
                            "the developer portal's bot tokens are three parts of A-Z, a-z, 0-9, _ and - joined by"
                                    + " dots (Bot > Reset Token), without a Bot prefix"),
                    fields.boolOr(discord, path, "message_content_intent", defaults.messageContentIntent()),
                    shards,
                    url(discord, path, "rest_url", Set.of("http", "https")),
                    url(discord, path, "gateway_url", Set.of("ws", "wss", "http", "https")),
                    shardIds(discord, path, shards));
        }

        /** {@code shard_ids}: a list of ids and {@code first-last} ranges, each below {@code shards}. */
        private List<Integer> shardIds(YamlMapping discord, String path, int shards) {
            Optional<YamlNode> node = discord.get("shard_ids").filter(value -> !FieldReader.isEmpty(value));
            if (node.isEmpty()) {
                return List.of();
            }
            TreeSet<Integer> ids = new TreeSet<>();
            String what = path + ".shard_ids";
            for (YamlScalar item : fields.texts(node.get(), what)) {
                String text = item.text().strip();
                Matcher range = SHARD_RANGE.matcher(text);
                int first;
                int last;
                if (range.matches()) {
                    first = Integer.parseInt(range.group(1));
                    last = Integer.parseInt(range.group(2));
                } else if (text.matches("[0-9]{1,5}")) {
                    first = Integer.parseInt(text);
                    last = first;
                } else {
                    findings.error(item.line(), "each item of " + what + " must be a shard id or a range such as"
                            + " 0-3, but is '" + text + "'");
                    continue;
                }
                if (first > last || last >= shards) {
                    findings.error(item.line(), what + " has " + text + ", but shard ids run from 0 to " + (shards - 1)
                            + " with " + path + ".shards: " + shards + " (write the first id before the last)");
                    continue;
                }
                for (int id = first; id <= last; id++) {
                    if (!ids.add(id)) {
                        findings.error(item.line(), what + " names shard " + id + " twice");
                    }
                }
            }
            return List.copyOf(ids);
        }

        /**
         * An enabled adapter's token, present and of the platform's form. Messages never show the
         * token, not even in part.
         */
        private Secret token(YamlMapping section, String path, boolean enabled, String variable, Pattern form,
                String formExplained) {
            Optional<YamlEntry> entry = section.entry("token");
            Optional<String> token = entry.flatMap(e -> e.value() instanceof YamlScalar scalar && !scalar.isNull()
                    ? Optional.of(scalar.text().strip()).filter(text -> !text.isEmpty())
                    : Optional.empty());
            if (entry.isPresent() && !(entry.get().value() instanceof YamlScalar)) {
                findings.error(entry.get().line(), path + ".token must be text, but is " + entry.get().value().describe());
            } else if (enabled && token.isEmpty() && !unresolved.contains(path + ".token")) {
                findings.error(entry.map(YamlEntry::line).orElse(section.line()), path + ".token is missing: write"
                        + " token: ${" + variable + "} and export " + variable + ", or set enabled: false");
            } else if (enabled && token.isPresent() && !form.matcher(token.get()).matches()) {
                findings.error(entry.orElseThrow().line(), path + ".token is not a bot token of the platform's form: "
                        + formExplained + "; copy the whole token into " + variable);
            }
            return new Secret(enabled ? token.orElse("") : "");
        }

        private Optional<URI> url(YamlMapping section, String path, String key, Set<String> schemes) {
            Optional<YamlNode> node = section.get(key);
            Optional<String> text = node.flatMap(value -> fields.text(value, path + "." + key));
            if (text.isEmpty()) {
                return Optional.empty();
            }
            String expected = path + "." + key + " must be a URL starting with "
                    + String.join(" or ", schemes.stream().sorted().map(s -> s + "://").toList());
            try {
                URI uri = new URI(text.get().strip());
                if (uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                        && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            findings.error(node.get().line(), expected + ", but is '" + text.get() + "'");
            return Optional.empty();
        }

        private double rate(YamlMapping section, String path, String key, double max, double fallback) {
            return section.get(key).filter(node -> !FieldReader.isEmpty(node))
                    .map(node -> fields.decimal(node, path + "." + key, 0, true, max))
                    .filter(value -> value.isPresent()).map(value -> value.getAsDouble()).orElse(fallback);
        }
    }
}
