package no.folkevalgt.core.text;

/**
 * Cleaning of user-typed questions before they reach the search.
 *
 * <p>Control characters, zero-width and other invisible format characters become spaces, runs of
 * white space become one space. Everything else, Lucene query syntax included, is plain text.
 */
public final class Questions {

    /** Longest question searched, in characters after cleaning. */
    public static final int MAX_LENGTH = 1000;

    /** Most hits one question returns. */
    public static final int MAX_TOP = 20;

    private Questions() {
    }

    /** The question without invisible characters and with single spaces; may be empty. */
    public static String clean(String question) {
        StringBuilder sb = new StringBuilder(Math.min(question.length(), MAX_LENGTH + 16));
        boolean space = true;
        for (int i = 0; i < question.length(); ) {
            int cp = question.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean invisible = type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || cp == 0xFFFD;
            if (invisible || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!space) {
                    sb.append(' ');
                    space = true;
                }
            } else {
                sb.appendCodePoint(cp);
                space = false;
            }
            if (sb.length() > MAX_LENGTH + 1) {
                break;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }

    /** Whether a cleaned question has anything to search for: a letter or a digit. */
    public static boolean hasWords(String cleaned) {
        return cleaned.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
