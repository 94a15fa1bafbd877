package no.folkevalgt.knowledge;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects Tika's XHTML as one text per {@code <div class="...">} of a given class: {@code page} for a
 * PDF, {@code slide-content} for a pptx. Text outside those divs (slide notes, master slides,
 * comments, bookmarks) is ignored, so it never makes a slide of its own. Each collected text looks
 * like Tika's plain-text output for that page, blank lines between paragraphs included.
 */
final class SlideHandler extends DefaultHandler {

    /** Thrown when a file has more text than the limit, to stop the parse early. */
    static final class TooMuchText extends SAXException {
        private static final long serialVersionUID = 1L;

        TooMuchText(int limit) {
            super("more than " + limit + " characters of text");
        }
    }

    private final String divClass;
    private final int limit;
    private final List<String> slides = new ArrayList<>();
    private StringBuilder current;
    private int depth;
    private long written;

    SlideHandler(String divClass, int limit) {
        this.divClass = divClass;
        this.limit = limit;
    }

    /** The text of every slide or page in order, blank for an empty one. */
    List<String> slides() {
        List<String> out = new ArrayList<>(slides);
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        if (!"div".equals(name(localName, qName))) {
            return;
        }
        if (current != null) {
            depth++;
        } else if (hasClass(atts.getValue("class"), divClass)) {
            current = new StringBuilder();
            depth = 0;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (current == null || !"div".equals(name(localName, qName))) {
            return;
        }
        if (depth > 0) {
            depth--;
        } else {
            slides.add(current.toString());
            current = null;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        append(ch, start, length);
    }

    private void append(char[] ch, int start, int length) throws SAXException {
        if (current == null) {
            return;
        }
        written += length;
        if (written > limit) {
            throw new TooMuchText(limit);
        }
        current.append(ch, start, length);
    }

    static String name(String localName, String qName) {
        return localName == null || localName.isEmpty() ? qName : localName;
    }

    private static boolean hasClass(String classes, String wanted) {
        if (classes == null) {
            return false;
        }
        for (String c : classes.trim().split("\\s+")) {
            if (c.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
