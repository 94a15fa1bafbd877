package no.folkevalgt.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file: {@code KEY=value} lines, {@code #} comments, an optional {@code export}
 * prefix, and single- or double-quoted values ({@code \n}, {@code \"} and {@code \\} are unescaped
 * in double quotes only).
 *
 * @param values   the settings, in file order; a later line wins over an earlier one
 * @param problems lines that could not be read, by line number (values are never repeated: they may be secret)
 */
record DotEnv(Map<String, String> values, List<String> problems) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    DotEnv {
        values = Map.copyOf(values);
        problems = List.copyOf(problems);
    }

    static DotEnv empty() {
        return new DotEnv(Map.of(), List.of());
    }

    /** Reads a file, or gives an empty result when there is none. */
    static DotEnv read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UserError("Kunne ikke lese " + file + ": " + e.getMessage(), e);
        }
    }

    static DotEnv parse(List<String> lines, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !KEY.matcher(key).matches()) {
                problems.add(name + " linje " + (i + 1) + ": forventet NAVN=verdi");
                continue;
            }
            String value = value(line.substring(eq + 1).strip());
            if (value == null) {
                problems.add(name + " linje " + (i + 1) + ": " + key + " mangler avsluttende anførselstegn");
                continue;
            }
            values.put(key, value);
        }
        return new DotEnv(values, problems);
    }

    /** The value part of a line, unquoted; null when a quote is not closed. */
    private static String value(String raw) {
        if (raw.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    switch (next) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case '"', '\\' -> out.append(next);
                        default -> out.append('\\').append(next);
                    }
                } else {
                    out.append(c);
                }
            }
            return null;
        }
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            return end < 0 ? null : raw.substring(1, end);
        }
        int comment = raw.indexOf(" #");
        return (comment < 0 ? raw : raw.substring(0, comment)).strip();
    }
}
