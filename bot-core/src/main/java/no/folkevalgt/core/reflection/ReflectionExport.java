package no.folkevalgt.core.reflection;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;

import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.ReflectionStore;
import no.folkevalgt.core.port.StoreUnavailable;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.Prompt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The answers as a spreadsheet for facilitators: one row per answer, prompt by prompt, oldest first.
 * For anonymous prompts the user column is empty. Callers check that the reader is a facilitator.
 *
 * <p>The format is chosen so that a double click opens it right in Excel with a Norwegian setup:
 * UTF-8 with a byte order mark (without it Excel reads the file as Windows-1252 and æ, ø, å come
 * out garbled), semicolons between fields (Norwegian Excel splits on the list separator, which is
 * ";" where the decimal separator is a comma), CRLF line ends, and fields quoted only when needed.
 * LibreOffice, Google Sheets and Python's csv module (with {@code delimiter=';'},
 * {@code encoding='utf-8-sig'}) read it as well. A cell that starts with {@code = + - @} gets a
 * leading apostrophe so that a spreadsheet never runs a participant's answer as a formula.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("svar.csv"), StandardCharsets.UTF_8)) {
 *     new ReflectionExport(store, programme).write(out, OptionalInt.empty());
 * }
 * }</pre>
 */
public final class ReflectionExport {

    /** The header row. */
    public static final List<String> HEADER = List.of("oppgave", "oppgavetittel", "besvart", "plattform", "bruker", "svar");

    static final char BOM = '\uFEFF';

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setRecordSeparator("\r\n")
            .setQuoteMode(QuoteMode.MINIMAL)
            .get();

    private final ReflectionStore store;
    private final Supplier<Programme> programme;

    private final java.util.function.BinaryOperator<String> shownUser;

    public ReflectionExport(ReflectionStore store, Supplier<Programme> programme) {
        this(store, programme, (platform, user) -> user);
    }

    private ReflectionExport(ReflectionStore store, Supplier<Programme> programme,
                             java.util.function.BinaryOperator<String> shownUser) {
        this.store = Objects.requireNonNull(store, "store");
        this.programme = Objects.requireNonNull(programme, "programme");
        this.shownUser = Objects.requireNonNull(shownUser, "shownUser");
    }

    /**
     * This export with the user column as {@code shownUser(platform, user)} gives it: a front end whose
     * user ids are secrets (the web chat's session) shows something else.
     */
    public ReflectionExport withShownUser(java.util.function.BinaryOperator<String> shownUser) {
        return new ReflectionExport(store, programme, shownUser);
    }

    public ReflectionExport(ReflectionStore store, Programme programme) {
        this(store, ReflectionSummaries.constant(programme));
    }

    /**
     * Writes the answers, starting with the byte order mark and the header.
     *
     * @param out    a writer that encodes UTF-8; not closed
     * @param prompt one prompt's answers, or all prompts' when empty
     * @return how many answers were written
     * @throws IllegalArgumentException when the programme has no such prompt (the message is Norwegian)
     * @throws StoreUnavailable         when the answers cannot be read
     */
    public int write(Writer out, OptionalInt prompt) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(prompt, "prompt");
        Programme current = programme.get();
        List<Prompt> prompts;
        if (prompt.isPresent()) {
            Prompt one = current.prompt(prompt.getAsInt()).orElseThrow(() -> new IllegalArgumentException(
                    "Det finnes ingen refleksjonsoppgave " + prompt.getAsInt() + " i programmet ("
                            + (current.prompts().isEmpty() ? "det har ingen" : "det har 1–" + current.prompts().size())
                            + ")."));
            prompts = List.of(one);
        } else {
            prompts = current.prompts();
        }
        ZoneId zone = current.zone();
        int rows = 0;
        out.write(BOM);
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(HEADER);
        for (Prompt p : prompts) {
            for (ReflectionAnswer answer : store.forPrompt(p.number())) {
                printer.printRecord(
                        p.number(),
                        cell(p.title()),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(answer.at().atZone(zone).truncatedTo(ChronoUnit.SECONDS)),
                        cell(answer.platform()),
                        p.anonymous() ? "" : cell(shownUser.apply(answer.platform(), answer.user())),
                        cell(answer.text()));
                rows++;
            }
        }
        printer.flush();
        return rows;
    }

    /** The same to a byte stream, encoded as UTF-8; the stream is flushed, not closed. */
    public int write(OutputStream out, OptionalInt prompt) throws IOException {
        Writer writer = new OutputStreamWriter(Objects.requireNonNull(out, "out"), StandardCharsets.UTF_8);
        int rows = write(writer, prompt);
        writer.flush();
        return rows;
    }

    /* OWASP's advice against CSV injection: a leading apostrophe makes a spreadsheet show the text as text. */
    static String cell(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
