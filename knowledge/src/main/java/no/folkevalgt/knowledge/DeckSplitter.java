package no.folkevalgt.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits plain text into slides and Markdown into sections. */
final class DeckSplitter {

    private static final Pattern MD_HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern MD_RULE = Pattern.compile("^ {0,3}([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$");
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)[^)]*\\)");
    private static final Pattern YAML_LINE = Pattern.compile("^(?:\\s|-\\s|#|[\\w.-]+\\s*:)");
    private static final Pattern MD_EMPHASIS = Pattern.compile("\\*\\*|__|`");

    private DeckSplitter() {
    }

    /**
     * Splits a text deck into slides, in order: slide i of the deck is element i-1.
     *
     * <p>Slides are separated by a form feed, or, when the text has none, by two or more blank lines.
     * Empty slides are kept (as blank strings) so that numbers match the deck. Text extracted from a
     * PDF by Tika ends a page with two or three blank lines and an empty page adds two more, so a run
     * of r blank lines stands for (r - 2) / 2 empty slides.
     */
    static List<String> textSlides(String content) {
        String text = content.replace("\r\n", "\n").replace('\r', '\n');
        List<String> slides = new ArrayList<>();
        if (text.indexOf('\f') >= 0) {
            for (String part : text.split("\f", -1)) {
                slides.add(part);
            }
            while (!slides.isEmpty() && slides.get(slides.size() - 1).isBlank()) {
                slides.remove(slides.size() - 1);
            }
            return slides;
        }
        StringBuilder current = new StringBuilder();
        boolean hasText = false;
        int blanks = 0;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                blanks++;
                continue;
            }
            if (hasText && blanks >= 2) {
                slides.add(current.toString());
                for (int i = 0; i < (blanks - 2) / 2; i++) {
                    slides.add("");
                }
                current.setLength(0);
            } else if (hasText) {
                current.append("\n".repeat(blanks));
            }
            current.append(line).append('\n');
            hasText = true;
            blanks = 0;
        }
        if (hasText) {
            slides.add(current.toString());
        }
        return slides;
    }

    /**
     * Splits Markdown into sections at level 1 to 3 headings ({@code #}, {@code ##}, {@code ###});
     * deeper headings stay inside their section as plain lines. Headings inside fenced code, front
     * matter and horizontal rules are not taken as structure. Links, images and emphasis are reduced
     * to their text.
     */
    static List<DeckSection> markdownSections(String content) {
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<DeckSection> sections = new ArrayList<>();
        String heading = null;
        StringBuilder raw = new StringBuilder();
        boolean inFence = false;
        int start = skipFrontMatter(lines);
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                inFence = !inFence;
                raw.append(line).append('\n');
                continue;
            }
            if (!inFence) {
                Matcher h = MD_HEADING.matcher(line);
                if (h.matches()) {
                    String title = inline(h.group(2) == null ? "" : h.group(2));
                    if (h.group(1).length() <= 3) {
                        add(sections, heading, raw);
                        heading = title;
                        raw.setLength(0);
                    } else {
                        raw.append(title).append('\n');
                    }
                    continue;
                }
                if (MD_RULE.matcher(line).matches()) {
                    raw.append('\n');
                    continue;
                }
                line = inline(line);
            }
            raw.append(line).append('\n');
        }
        add(sections, heading, raw);
        return sections;
    }

    private static void add(List<DeckSection> sections, String heading, StringBuilder raw) {
        DeckSection section = new DeckSection(heading, raw.toString());
        if (!section.isBlank()) {
            sections.add(section);
        }
    }

    private static int skipFrontMatter(String[] lines) {
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            for (int i = 1; i < lines.length; i++) {
                String s = lines[i].strip();
                if (s.equals("---") || s.equals("...")) {
                    return i + 1;
                }
                if (!s.isEmpty() && !YAML_LINE.matcher(lines[i]).find()) {
                    return 0; // a horizontal rule, not front matter
                }
            }
        }
        return 0;
    }

    private static String inline(String line) {
        String s = MD_IMAGE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = MD_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1).equals(m.group(2)) ? m.group(1) : m.group(1) + " (" + m.group(2) + ")"));
        return MD_EMPHASIS.matcher(s).replaceAll("");
    }
}
