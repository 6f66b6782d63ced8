package dev.careerbot.yaml;

import java.util.List;

/**
 * A YAML list.
 *
 * @param line the line of the first item (or of the opening bracket)
 * @param items the items in file order
 */
public record YamlSequence(int line, List<YamlNode> items) implements YamlNode {

    public YamlSequence {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
