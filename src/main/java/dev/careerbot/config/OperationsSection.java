package dev.careerbot.config;

import dev.careerbot.message.Platform;
import dev.careerbot.yaml.FieldReader;
import dev.careerbot.yaml.Findings;
import dev.careerbot.yaml.YamlEntry;
import dev.careerbot.yaml.YamlMapping;
import dev.careerbot.yaml.YamlNode;
import dev.careerbot.yaml.YamlScalar;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the operations sections of {@code careerbot.yml} ({@code admins}, {@code http},
 * {@code rate_limit}, {@code unanswered}, {@code reload}, {@code logging}, {@code shutdown}) into
 * {@link OperationsSettings}, reporting every problem as {@code file:line} like the rest of
 * {@link ConfigLoader}.
 */
final class OperationsSection {

    /** The top-level keys this section reads. */
    static final List<String> KEYS =
            List.of("admins", "http", "rate_limit", "unanswered", "reload", "logging", "shutdown");

    private static final List<String> ADMIN_KEYS = List.of("telegram", "discord");
    private static final List<String> HTTP_KEYS = List.of("enabled", "address");
    private static final List<String> RATE_LIMIT_KEYS = List.of("enabled", "burst", "per_minute");
    private static final List<String> UNANSWERED_KEYS =
            List.of("enabled", "file", "salt", "max_file_kb", "keep_files", "retention_days");
    private static final List<String> RELOAD_KEYS = List.of("watch", "debounce_ms");
    private static final List<String> LOGGING_KEYS = List.of("format", "message_text");
    private static final List<String> SHUTDOWN_KEYS = List.of("deadline_seconds");

    /** Each top-level key of this section with the keys allowed inside it, as {@link #read} checks them. */
    static final Map<String, List<String>> SECTION_KEYS = Map.of("admins", ADMIN_KEYS, "http", HTTP_KEYS,
            "rate_limit", RATE_LIMIT_KEYS, "unanswered", UNANSWERED_KEYS, "reload", RELOAD_KEYS,
            "logging", LOGGING_KEYS, "shutdown", SHUTDOWN_KEYS);

    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]+):([0-9]{1,5})");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");
    private static final Pattern USER_ID = Pattern.compile("[0-9]{1,30}");

    private final FieldReader fields;
    private final Findings findings;
    private final Path folder;

    /**
     * @param fields reads typed values, reporting to {@code findings}
     * @param findings where problems go
     * @param folder what relative file names are relative to: the config file's folder
     */
    OperationsSection(FieldReader fields, Findings findings, Path folder) {
        this.fields = fields;
        this.findings = findings;
        this.folder = folder;
    }

    OperationsSettings read(YamlMapping top) {
        OperationsSettings defaults = OperationsSettings.defaults(folder);
        return new OperationsSettings(
                section(top, "admins", ADMIN_KEYS).map(this::admins).orElse(defaults.admins()),
                section(top, "http", HTTP_KEYS).map(this::http).orElse(defaults.http()),
                section(top, "rate_limit", RATE_LIMIT_KEYS).map(this::rateLimit).orElse(defaults.rateLimit()),
                section(top, "unanswered", UNANSWERED_KEYS).map(this::unanswered).orElse(defaults.unanswered()),
                section(top, "reload", RELOAD_KEYS).map(this::reload).orElse(defaults.reload()),
                section(top, "logging", LOGGING_KEYS).map(this::logging).orElse(defaults.logging()),
                section(top, "shutdown", SHUTDOWN_KEYS).map(this::shutdown).orElse(defaults.shutdown()));
    }

    private Optional<YamlMapping> section(YamlMapping top, String key, List<String> keys) {
        return top.get(key).filter(node -> !FieldReader.isEmpty(node))
                .flatMap(node -> fields.mapping(node, key, keys));
    }

    private OperationsSettings.Admins admins(YamlMapping admins) {
        Map<Platform, Set<String>> byPlatform = new EnumMap<>(Platform.class);
        byPlatform.put(Platform.TELEGRAM, userIds(admins, "telegram"));
        byPlatform.put(Platform.DISCORD, userIds(admins, "discord"));
        return new OperationsSettings.Admins(byPlatform);
    }

    private Set<String> userIds(YamlMapping admins, String platform) {
        Set<String> ids = new LinkedHashSet<>();
        String what = "admins." + platform;
        admins.get(platform).ifPresent(node -> {
            for (YamlScalar id : fields.texts(node, what)) {
                String text = id.text().strip();
                if (USER_ID.matcher(text).matches()) {
                    ids.add(text);
                } else {
                    findings.error(id.line(), "each item of " + what + " must be a numeric user id, but is '" + text
                            + "': " + (platform.equals("telegram")
                                    ? "ask @userinfobot for your Telegram id"
                                    : "in Discord, switch on Developer Mode and use Copy User ID")
                            + "; user names are not accepted because they can change");
                }
            }
        });
        return Set.copyOf(ids);
    }

    private OperationsSettings.Http http(YamlMapping http) {
        OperationsSettings.Http defaults = OperationsSettings.Http.defaults();
        boolean enabled = fields.boolOr(http, "http", "enabled", defaults.enabled());
        Optional<YamlNode> node = http.get("address").filter(value -> !FieldReader.isEmpty(value));
        Optional<HostPort> address = node.flatMap(value -> address(value, "http.address", defaults.host(),
                defaults.port()));
        if (address.isEmpty()) {
            return new OperationsSettings.Http(enabled, defaults.host(), defaults.port());
        }
        if (enabled && !address.get().loopback()) {
            findings.warning(node.get().line(), "http.address " + address.get() + " is reachable from other machines:"
                    + " /metrics shows usage figures, so keep it behind a firewall or use 127.0.0.1");
        }
        return new OperationsSettings.Http(enabled, address.get().host(), address.get().port());
    }

    /** A host (IP address or localhost, brackets stripped from IPv6) and a port. */
    record HostPort(String host, int port) {

        boolean loopback() {
            return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("::1");
        }

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /**
     * Reads {@code host:port} with an IP address or localhost (a host name would need a DNS lookup
     * at start-up), reporting what is wrong at the node's line; used by every listening address.
     */
    Optional<HostPort> address(YamlNode node, String what, String exampleHost, int examplePort) {
        Optional<String> text = fields.text(node, what);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int line = node.line();
        Matcher matcher = ADDRESS.matcher(text.get());
        String expected = what + " must be host:port with an IP address or localhost, for example "
                + exampleHost + ":" + examplePort + " or [::1]:8080, but is '" + text.get() + "'";
        if (!matcher.matches()) {
            findings.error(line, expected);
            return Optional.empty();
        }
        String host = matcher.group(1);
        int port = Integer.parseInt(matcher.group(2));
        boolean validHost = host.equalsIgnoreCase("localhost") || IPV4.matcher(host).matches() || host.startsWith("[");
        if (!validHost) {
            findings.error(line, expected + " (a host name would need a DNS lookup at start-up)");
            return Optional.empty();
        }
        if (port > 65_535) {
            findings.error(line, what + " port must be from 0 to 65535, but is " + port);
            return Optional.empty();
        }
        return Optional.of(new HostPort(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port));
    }

    private OperationsSettings.RateLimit rateLimit(YamlMapping limit) {
        OperationsSettings.RateLimit defaults = OperationsSettings.RateLimit.defaults();
        return new OperationsSettings.RateLimit(
                fields.boolOr(limit, "rate_limit", "enabled", defaults.enabled()),
                fields.integerOr(limit, "rate_limit.burst", "burst", 1, 1000, defaults.burst()),
                limit.get("per_minute").filter(node -> !FieldReader.isEmpty(node))
                        .map(node -> fields.decimal(node, "rate_limit.per_minute", 0, true, 6000))
                        .filter(value -> value.isPresent()).map(value -> value.getAsDouble())
                        .orElse(defaults.perMinute()));
    }

    private OperationsSettings.Unanswered unanswered(YamlMapping unanswered) {
        OperationsSettings.Unanswered defaults = OperationsSettings.Unanswered.defaults(folder);
        Path file = defaults.file();
        Optional<YamlEntry> fileEntry = unanswered.entry("file").filter(entry -> !FieldReader.isEmpty(entry.value()));
        if (fileEntry.isPresent()) {
            Optional<String> name = fields.text(fileEntry.get().value(), "unanswered.file");
            try {
                file = name.map(folder::resolve).orElse(file);
            } catch (InvalidPathException e) {
                findings.error(fileEntry.get().line(), "unanswered.file is not a usable file name (" + e.getReason()
                        + "): write a path such as /var/lib/careerbot/unanswered.jsonl");
            }
        }
        Optional<Secret> salt = unanswered.get("salt").filter(node -> !FieldReader.isEmpty(node))
                .flatMap(node -> fields.text(node, "unanswered.salt")).map(Secret::new);
        salt.ifPresent(secret -> {
            if (secret.value().length() < 16) {
                findings.error(unanswered.entry("salt").orElseThrow().line(), "unanswered.salt must be at least 16"
                        + " characters, so the user-id hashes cannot be guessed: use a long random value, or leave it"
                        + " empty to let the bot generate one next to the file");
            }
        });
        return new OperationsSettings.Unanswered(
                fields.boolOr(unanswered, "unanswered", "enabled", defaults.enabled()),
                file,
                salt,
                1024L * fields.integerOr(unanswered, "unanswered.max_file_kb", "max_file_kb", 1, 1_048_576,
                        (int) (defaults.maxFileBytes() / 1024)),
                fields.integerOr(unanswered, "unanswered.keep_files", "keep_files", 0, 100, defaults.keepFiles()),
                Duration.ofDays(fields.integerOr(unanswered, "unanswered.retention_days", "retention_days", 1, 3650,
                        (int) defaults.retention().toDays())));
    }

    private OperationsSettings.Reload reload(YamlMapping reload) {
        OperationsSettings.Reload defaults = OperationsSettings.Reload.defaults();
        return new OperationsSettings.Reload(
                fields.boolOr(reload, "reload", "watch", defaults.watch()),
                Duration.ofMillis(fields.integerOr(reload, "reload.debounce_ms", "debounce_ms", 0, 60_000,
                        (int) defaults.debounce().toMillis())));
    }

    private OperationsSettings.Logging logging(YamlMapping logging) {
        OperationsSettings.Logging defaults = OperationsSettings.Logging.defaults();
        boolean json = defaults.json();
        Optional<YamlNode> format = logging.get("format").filter(node -> !FieldReader.isEmpty(node));
        if (format.isPresent()) {
            String text = fields.text(format.get(), "logging.format").orElse("").toLowerCase(Locale.ROOT);
            switch (text) {
                case "json" -> json = true;
                case "text" -> json = false;
                default -> findings.error(format.get().line(), "logging.format must be text or json, but is '"
                        + text + "'");
            }
        }
        return new OperationsSettings.Logging(json, fields.boolOr(logging, "logging", "message_text", defaults.messageText()));
    }

    private OperationsSettings.Shutdown shutdown(YamlMapping shutdown) {
        OperationsSettings.Shutdown defaults = OperationsSettings.Shutdown.defaults();
        return new OperationsSettings.Shutdown(Duration.ofSeconds(fields.integerOr(shutdown, "shutdown.deadline_seconds",
                "deadline_seconds", 1, 600, (int) defaults.deadline().toSeconds())));
    }


}
