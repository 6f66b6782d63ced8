package dev.careerbot.yaml;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML document into a tree of {@link YamlNode}s that remember their lines. Every problem
 * comes back as a {@link YamlException} whose messages read {@code file:line: what is wrong}; no
 * parser stack trace ever reaches the user.
 */
public final class YamlReader {

    private static final String FIX_HINT = "check the indentation and quoting near this line";

    private final YAMLFactory factory;

    public YamlReader() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(YamlSource.MAX_BYTES);
        options.setAllowDuplicateKeys(true); // reported by this reader, with both lines
        this.factory = YAMLFactory.builder().loaderOptions(options).build();
    }

    /** Reads the source's document. @throws YamlException naming the file and the line */
    public YamlNode read(YamlSource source) {
        return read(source.name(), source.read());
    }

    /**
     * Reads a document from bytes in UTF-8.
     *
     * @param name how messages name the document, usually its file
     * @param bytes the document; an empty document reads as a {@link YamlScalar.Type#NULL} scalar
     * @throws YamlException naming the file and the line
     */
    public YamlNode read(String name, byte[] bytes) {
        String text = decode(name, bytes);
        List<String> problems = new ArrayList<>();
        try (YAMLParser parser = factory.createParser(new StringReader(text))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlScalar(1, "", YamlScalar.Type.NULL);
            }
            YamlNode root = new TreeBuilder(name, parser, problems).value(first);
            if (parser.nextToken() != null) {
                problems.add(name + ":" + line(parser) + ": a second document (after ---) is not supported:"
                        + " keep everything in one document");
            }
            if (!problems.isEmpty()) {
                throw new YamlException(problems);
            }
            return root;
        } catch (JacksonException e) {
            throw new YamlException(syntaxProblem(name, e));
        } catch (IOException e) {
            throw new YamlException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String decode(String name, byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new YamlException(name + ":" + line + ": is not valid UTF-8 text (byte " + offset
                    + "): save the file with UTF-8 encoding");
        }
        out.flip();
        return out.toString();
    }

    private static String syntaxProblem(String name, JacksonException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                return marked(name, marked);
            }
        }
        JsonLocation location = e.getLocation();
        String where = location != null && location.getLineNr() > 0 ? name + ":" + location.getLineNr() : name;
        return where + ": " + firstLine(e.getOriginalMessage()) + ": " + FIX_HINT;
    }

    private static String marked(String name, MarkedYAMLException e) {
        Mark problemMark = e.getProblemMark();
        String problem = firstLine(e.getProblem());
        StringBuilder message = new StringBuilder(name).append(':').append(problemMark.getLine() + 1)
                .append(": ").append(plainWords(problem));
        Mark contextMark = e.getContextMark();
        if (e.getContext() != null && contextMark != null && contextMark.getLine() != problemMark.getLine()) {
            message.append(" (").append(firstLine(e.getContext())).append(" that starts on line ")
                    .append(contextMark.getLine() + 1).append(')');
        }
        return message.append(": ").append(FIX_HINT).toString();
    }

    /** Says the parser's most common complaints in words a config editor knows. */
    private static String plainWords(String problem) {
        if (problem.contains("(TAB)")) {
            return "a tab is used for indentation; YAML needs spaces";
        }
        if (problem.contains("<block end>")) {
            return "the indentation of this line does not line up with the lines above (" + problem + ")";
        }
        if (problem.startsWith("mapping values are not allowed here")) {
            return "unexpected ':' (text that contains ': ' must be put in quotes)";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "a key without ':' (every line of a mapping reads key: value)";
        }
        return problem;
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "not valid YAML";
        }
        String first = text.strip().lines().findFirst().orElse("not valid YAML");
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }

    private static int line(YAMLParser parser) {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    /** Turns the parser's tokens into nodes, collecting problems that do not stop the parse. */
    private static final class TreeBuilder {

        private final String name;
        private final YAMLParser parser;
        private final List<String> problems;

        TreeBuilder(String name, YAMLParser parser, List<String> problems) {
            this.name = name;
            this.parser = parser;
            this.problems = problems;
        }

        YamlNode value(JsonToken token) throws IOException {
            int line = line(parser);
            return switch (token) {
                case START_OBJECT -> mapping(line);
                case START_ARRAY -> sequence(line);
                case VALUE_STRING -> text(line);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new YamlScalar(line, parser.getText(), YamlScalar.Type.NUMBER);
                case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(line, parser.getText(), YamlScalar.Type.BOOLEAN);
                case VALUE_NULL -> new YamlScalar(line, "", YamlScalar.Type.NULL);
                default -> {
                    problems.add(name + ":" + line + ": this kind of value (" + token
                            + ") is not supported: write plain text, a list or a mapping");
                    yield new YamlScalar(line, "", YamlScalar.Type.NULL);
                }
            };
        }

        private JsonToken next() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new YamlException(name + ":" + line(parser) + ": the document ends in the middle of a value: "
                        + FIX_HINT);
            }
            return token;
        }

        private YamlScalar text(int line) throws IOException {
            if (parser.isCurrentAlias()) {
                problems.add(name + ":" + line + ": the alias *" + parser.getText()
                        + " is not supported: write the value out in full");
            }
            return new YamlScalar(line, parser.getText(), YamlScalar.Type.TEXT);
        }

        private YamlMapping mapping(int line) throws IOException {
            List<YamlEntry> entries = new ArrayList<>();
            Map<String, Integer> firstLines = new HashMap<>();
            while (next() != JsonToken.END_OBJECT) {
                String key = parser.currentName();
                int keyLine = line(parser);
                YamlNode value = value(next());
                Integer first = firstLines.putIfAbsent(key, keyLine);
                if (first != null) {
                    problems.add(name + ":" + keyLine + ": the key '" + key + "' appears twice (first on line "
                            + first + "): remove one of them");
                } else {
                    entries.add(new YamlEntry(key, keyLine, value));
                }
            }
            return new YamlMapping(entries.isEmpty() ? line : Math.min(line, entries.get(0).line()), entries);
        }

        private YamlSequence sequence(int line) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            JsonToken token;
            while ((token = next()) != JsonToken.END_ARRAY) {
                items.add(value(token));
            }
            return new YamlSequence(line, items);
        }
    }
}
