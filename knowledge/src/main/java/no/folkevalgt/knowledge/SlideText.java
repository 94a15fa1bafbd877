package no.folkevalgt.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.folkevalgt.core.text.SlideLines;

/**
 * A slide's title and text after the line rules: lines trimmed, blank lines dropped, wrapped lines
 * joined, title without a leading bullet.
 *
 * <pre>{@code
 * SlideText.of(null, "Hvordan finne det økonomiske \nhandlingsrommet?", SlideText.Wrapping.PDF)
 *     // -> title "Hvordan finne det økonomiske handlingsrommet?", text ""
 * }</pre>
 *
 * @param title never blank
 * @param text  logical lines separated by "\n"; may be empty
 */
record SlideText(String title, String text) {

    /** How lines that belong together were broken apart by the format the text came from. */
    enum Wrapping {
        /**
         * Text extracted from a PDF: a line that starts with a lowercase letter continues the previous
         * one, even across a single blank line; so does an ALL-CAPS line after an ALL-CAPS line that was
         * broken (it ends with a space or a hyphen), as a diagram's label is ("INNBYGGERNE ER \nMED Å SETTE").
         */
        PDF,
        /** Markdown: adjacent lines of a paragraph belong together; lists, tables, quotes and fences do not. */
        MARKDOWN,
        /** Real paragraphs (pptx, docx): every line stands as it is. */
        NONE
    }

    /** Titles longer than this are shortened; the full line is then kept as the first line of the text. */
    static final int MAX_TITLE = 120;

    private static final int SHORT_TITLE = 80;

    /* Unicode bullets may touch the text; ASCII-like dashes and stars must be followed by a space. */
    /* Compiled once: String.split("\\R") compiles a new pattern on every call, a third of the build time at 50k slides. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern LEADING_BULLETS = Pattern.compile(
            "^(?:[•●○◦▪▫■□►▶▸➜➔➙➛➝➞➟➢➣➤→⇒✓✔❖\\x{E000}-\\x{F8FF}]\\s*|[-–—*·+]\\s+)+");
    private static final Pattern ONLY_BULLETS = Pattern.compile(
            "^[•●○◦▪▫■□►▶▸➜➔➙➛➝➞➟➢➣➤→⇒✓✔❖\\x{E000}-\\x{F8FF}\\-–—*·+\\s]+$");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x{00A0}\\x{2007}\\x{202F}\\x{3000}]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\x{00AD}\\x{200B}-\\x{200D}\\x{2060}\\x{FEFF}]");
    private static final Pattern CONTROL = Pattern.compile("[\\x{0000}-\\x{0008}\\x{000B}-\\x{001F}\\x{007F}]");
    /* Link annotations are extracted as lines of their own and start with a lowercase letter too. */
    private static final Pattern URL_START = Pattern.compile("^(?:https?://|www\\.|mailto:)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN_BLOCK_START = Pattern.compile("^(?:[-*+]\\s|\\d{1,3}[.)]\\s|>|\\||#|```|~~~)");

    SlideText {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is blank");
        }
        text = text == null ? "" : text;
    }

    /**
     * Applies the line rules to one slide, page or section.
     *
     * @param heading the title when the format marks it (a heading), or null to take the first line
     * @param raw     the raw text, lines separated by any line break
     * @return empty when there is no title (every line blank)
     */
    static Optional<SlideText> of(String heading, String raw, Wrapping wrapping) {
        List<String> lines = logicalLines(raw == null ? "" : raw, wrapping);
        String title = heading == null ? "" : cleanTitle(heading);
        if (title.isEmpty()) {
            int first = 0;
            while (first < lines.size() && cleanTitle(lines.get(first)).isEmpty()) {
                first++;
            }
            if (first == lines.size()) {
                return Optional.empty();
            }
            title = cleanTitle(lines.get(first));
            lines = lines.subList(first + 1, lines.size());
        }
        return Optional.of(withTitle(title, lines));
    }

    /**
     * Splits a section that may be long (a docx or Markdown section) into passages of at most about
     * {@code maxChars} characters each, so that a cited passage stays readable.
     *
     * @param heading the section heading, or null: then each chunk's first line is its title
     * @param lines   logical lines of the section (see {@link #logicalLines})
     * @return one or more chunks in order; empty only when there is neither heading nor text
     */
    static List<SlideText> chunks(String heading, List<String> lines, int maxChars) {
        List<String> pieces = new ArrayList<>();
        for (String line : lines) {
            pieces.addAll(splitLongLine(line, maxChars));
        }
        List<List<String>> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        int size = 0;
        for (String piece : pieces) {
            if (!group.isEmpty() && size + piece.length() + 1 > maxChars) {
                groups.add(group);
                group = new ArrayList<>();
                size = 0;
            }
            group.add(piece);
            size += piece.length() + 1;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        List<SlideText> out = new ArrayList<>();
        String title = heading == null ? "" : cleanTitle(heading);
        if (!title.isEmpty()) {
            if (groups.isEmpty()) {
                out.add(new SlideText(title, ""));
            }
            for (int i = 0; i < groups.size(); i++) {
                out.add(withTitle(i == 0 ? title : title + " (forts.)", groups.get(i)));
            }
        } else {
            for (List<String> g : groups) {
                of(null, String.join("\n", g), Wrapping.NONE).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Trims, cleans and joins the lines of a raw text according to the wrapping rule; drops blank lines. */
    static List<String> logicalLines(String raw, Wrapping wrapping) {
        List<String> out = new ArrayList<>();
        int blanks = 0;
        boolean inFence = false;
        boolean openEnd = false;
        for (String rawLine : LINE_BREAK.split(raw, -1)) {
            String line = cleanLine(rawLine);
            if (line.isEmpty()) {
                blanks++;
                continue;
            }
            boolean fenceMark = wrapping == Wrapping.MARKDOWN && (line.startsWith("```") || line.startsWith("~~~"));
            int last = out.size() - 1;
            if (last >= 0 && !inFence && !fenceMark && (continues(out.get(last), line, blanks, wrapping)
                    || wrapping == Wrapping.PDF && openEnd && blanks <= 1 && isAllCaps(out.get(last)) && isAllCaps(line))) {
                out.set(last, join(out.get(last), line));
            } else {
                out.add(line);
            }
            if (fenceMark) {
                inFence = !inFence;
            }
            openEnd = Character.isWhitespace(rawLine.charAt(rawLine.length() - 1)) || line.endsWith("-");
            blanks = 0;
        }
        return out;
    }

    /** True when a (stripped) line is a photo credit: "Foto: Shutterstock", "Photo by X on Unsplash". */
    static boolean isPhotoCredit(String line) {
        return SlideLines.isPhotoCredit(line);
    }

    /** True when a line has at least two letters and every letter is a capital: a label, not a sentence. */
    static boolean isAllCaps(String line) {
        int letters = 0;
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
            i += Character.charCount(c);
        }
        return letters >= 2;
    }

    /** The line without leading bullets, for use as a title. */
    static String cleanTitle(String line) {
        String clean = cleanLine(LINE_BREAK.matcher(line).replaceAll(" "));
        return LEADING_BULLETS.matcher(clean).replaceFirst("").strip();
    }

    /** One line: invisible and control characters removed, runs of spaces collapsed, trimmed. */
    static String cleanLine(String line) {
        if (isPlain(line)) {
            return line.strip();
        }
        String s = INVISIBLE.matcher(line).replaceAll("");
        s = CONTROL.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    private static boolean continues(String previous, String line, int blanksBetween, Wrapping wrapping) {
        if (ONLY_BULLETS.matcher(previous).matches() && blanksBetween <= 1 && wrapping != Wrapping.NONE) {
            return true; // a bullet extracted on a line of its own
        }
        return switch (wrapping) {
            case PDF -> blanksBetween <= 1 && Character.isLowerCase(line.codePointAt(0)) && !URL_START.matcher(line).find();
            case MARKDOWN -> blanksBetween == 0
                    && !MARKDOWN_BLOCK_START.matcher(line).find()
                    && !previous.startsWith("|") && !previous.startsWith("#");
            case NONE -> false;
        };
    }

    private static String join(String previous, String line) {
        /* A URL broken after a hyphen must stay one URL; ordinary words get a space. */
        int lastSpace = previous.lastIndexOf(' ');
        String lastToken = previous.substring(lastSpace + 1);
        if (previous.endsWith("-") && lastToken.contains("/")) {
            return previous + line;
        }
        return previous + " " + line;
    }

    private static SlideText withTitle(String title, List<String> lines) {
        List<String> text = new ArrayList<>(lines);
        String shown = title;
        if (title.length() > MAX_TITLE) {
            int cut = title.lastIndexOf(' ', SHORT_TITLE);
            shown = title.substring(0, cut > SHORT_TITLE / 2 ? cut : SHORT_TITLE).strip() + " …";
            text.add(0, title);
        }
        return new SlideText(shown, String.join("\n", text));
    }

    private static List<String> splitLongLine(String line, int maxChars) {
        List<String> out = new ArrayList<>();
        String rest = line;
        while (rest.length() > maxChars) {
            int cut = -1;
            for (int i = maxChars - 1; i > maxChars / 2; i--) {
                char c = rest.charAt(i);
                if ((c == '.' || c == '?' || c == '!' || c == ';') && rest.charAt(i + 1) == ' ') {
                    cut = i + 1;
                    break;
                }
            }
            if (cut < 0) {
                cut = rest.lastIndexOf(' ', maxChars);
            }
            if (cut <= 0) {
                cut = maxChars;
            }
            out.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    /** True when a line has nothing the cleaning would change: printable characters and single spaces only. */
    private static boolean isPlain(String line) {
        char previous = 'x';
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && !Character.isLetterOrDigit(c) && !isCommonSymbol(c))
                    || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static boolean isCommonSymbol(char c) {
        return "«»–—•’‘“”…➜€§°".indexOf(c) >= 0;
    }
}
