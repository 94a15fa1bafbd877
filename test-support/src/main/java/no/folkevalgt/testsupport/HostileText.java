package no.folkevalgt.testsupport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalogue of hostile text every front end's tests send (web chat, Slack, Teams, the command
 * line): what a user may type to break the answer, the page, the markup of a platform, the database
 * or a spreadsheet. Each front end asserts what holds for it: a clear answer, nothing live in the
 * reply, a reflection answer stored once as typed, an export with formulas defused.
 */
public final class HostileText {

    /** 100 kB in one message. */
    public static final String LONG = "Hva er en interpellasjon? " + "bla ".repeat(25_000);
    /** NUL, BEL, ESC, DEL and a line break. */
    public static final String CONTROL = "Hva er\u0000 en\u0007 inter\u001Bpellasjon\u007F?\r\n";
    /** Zero-width characters, a word joiner, a byte-order mark and a right-to-left override. */
    public static final String ZERO_WIDTH = "Hva\u200B er\u200C en\u200D inter\u2060pellasjon\uFEFF?\u202E";
    /** Nothing visible at all. */
    public static final String ONLY_INVISIBLE = "\u200B\u200C\u200D\uFEFF\u2060";
    /** Halves of surrogate pairs on their own: not encodable in UTF-8 (replaced on the way in). */
    public static final String LONE_SURROGATES = "Hva er \uD800 en \uDFFF interpellasjon?";
    /** Slack's mrkdwn: emphasis, code, pings of everyone, a user and a channel, a disguised link. */
    public static final String MRKDWN =
            "*bold* _it_ ~strike~ `code` <!channel> <!here> <@U123> <#C123> <https://evil.example|klikk>";
    /** Markdown: a javascript: link, an image, a heading. */
    public static final String MARKDOWN = "[link](javascript:alert(1)) ![x](https://evil.example/x.png) # Overskrift";
    /** A Teams mention tag. */
    public static final String AT = "<at>Alle</at> hei";
    /** HTML that runs. */
    public static final String SCRIPT = "<script>alert(1)</script>";
    /** Breaking out of an HTML attribute. */
    public static final String ATTRIBUTE = "\"><img src=x onerror=alert(1)>";
    /** SQL injection. */
    public static final String SQL = "'; DROP TABLE reflection_answer; --";
    /** A spreadsheet formula, for exports (CSV injection). */
    public static final String FORMULA = "=HYPERLINK(\"https://evil.example\",\"klikk\")";

    private static final Map<String, String> ALL = all0();

    private HostileText() {
    }

    private static Map<String, String> all0() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("100 kB", LONG);
        c.put("control", CONTROL);
        c.put("zero-width", ZERO_WIDTH);
        c.put("only invisible", ONLY_INVISIBLE);
        c.put("lone surrogates", LONE_SURROGATES);
        c.put("mrkdwn", MRKDWN);
        c.put("markdown", MARKDOWN);
        c.put("at", AT);
        c.put("script", SCRIPT);
        c.put("attribute", ATTRIBUTE);
        c.put("sql", SQL);
        c.put("formula", FORMULA);
        return Collections.unmodifiableMap(c);
    }

    /** The whole catalogue, by name ("100 kB", "control", ...), in a fixed order. */
    public static Map<String, String> all() {
        return ALL;
    }

    /** One entry, by its name in {@link #all()}. */
    public static String get(String name) {
        String text = ALL.get(name);
        if (text == null) {
            throw new IllegalArgumentException("no hostile text named " + name + "; there are " + ALL.keySet());
        }
        return text;
    }

    /**
     * The catalogue with line breaks taken out of every entry, for a front end that reads one message a
     * line (the command line's chat).
     */
    public static Map<String, String> oneLine() {
        Map<String, String> c = new LinkedHashMap<>();
        ALL.forEach((name, text) -> c.put(name, text.replace("\r", "").replace("\n", "")));
        return Collections.unmodifiableMap(c);
    }
}
