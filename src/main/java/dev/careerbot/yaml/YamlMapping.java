package dev.careerbot.yaml;

import java.util.List;
import java.util.Optional;

/**
 * A YAML mapping with its keys in file order. Keys are unique: the reader rejects duplicates.
 *
 * @param line the line of the first key (or of the opening brace)
 * @param entries the entries in file order
 */
public record YamlMapping(int line, List<YamlEntry> entries) implements YamlNode {

    public YamlMapping {
        entries = List.copyOf(entries);
    }

    public Optional<YamlEntry> entry(String key) {
        return entries.stream().filter(entry -> entry.key().equals(key)).findFirst();
    }

    public Optional<YamlNode> get(String key) {
        return entry(key).map(YamlEntry::value);
    }

    public List<String> keys() {
        return entries.stream().map(YamlEntry::key).toList();
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
