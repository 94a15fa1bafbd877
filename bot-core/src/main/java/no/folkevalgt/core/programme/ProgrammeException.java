package no.folkevalgt.core.programme;

/**
 * A programme file that cannot be used, with where and what is wrong. The message is Norwegian and
 * meant for the organiser who wrote the file:
 * {@code programme.yaml, linje 57, felt «start» (dag 1, «Lunsj»): «25.00» er ikke et klokkeslett ...}.
 */
public final class ProgrammeException extends RuntimeException {

    private final String fileName;
    private final int line;
    private final String field;
    private final String problem;

    /**
     * @param fileName the file as the organiser knows it
     * @param line     1-based line, or 0 when the problem has no single line (an unreadable file)
     * @param field    the field that is wrong, or "" when it is not about one field
     * @param problem  what is wrong and how to fix it, in Norwegian
     */
    public ProgrammeException(String fileName, int line, String field, String problem) {
        this(fileName, line, field, problem, null);
    }

    public ProgrammeException(String fileName, int line, String field, String problem, Throwable cause) {
        super(format(fileName, line, field, problem), cause);
        this.fileName = fileName;
        this.line = line;
        this.field = field == null ? "" : field;
        this.problem = problem;
    }

    private static String format(String fileName, int line, String field, String problem) {
        StringBuilder out = new StringBuilder(fileName);
        if (line > 0) {
            out.append(", linje ").append(line);
        }
        if (field != null && !field.isEmpty()) {
            out.append(", felt «").append(field).append('»');
        }
        return out.append(": ").append(problem).toString();
    }

    /** The file name as given to the loader. */
    public String fileName() {
        return fileName;
    }

    /** The 1-based line of the problem, or 0 when it is not tied to a line. */
    public int line() {
        return line;
    }

    /** The field that is wrong, such as {@code start}, or "" when it is not about one field. */
    public String field() {
        return field;
    }

    /** What is wrong, without the file, line and field. */
    public String problem() {
        return problem;
    }
}
