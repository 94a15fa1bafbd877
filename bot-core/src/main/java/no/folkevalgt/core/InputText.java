package no.folkevalgt.core;

/** Cleans what a user typed before the bot looks at it. */
final class InputText {

    private InputText() {
    }

    /**
     * Removes control, format (zero-width, bidi, soft hyphen) and lone surrogate characters, turns
     * line breaks and tabs into spaces, collapses runs of whitespace and trims.
     */
    static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED) {
                /* Dropped without a space: zero-width characters sit inside words ("inter\u200Bpellasjon"). */
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** True when the text has at least one letter or digit. */
    static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Length in characters as a user counts them (code points). */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static boolean isSpace(int cp) {
        return cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r' || cp == 0x85
                || Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
