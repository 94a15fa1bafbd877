package no.folkevalgt.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads PDF, pptx and docx files with Apache Tika. The parser is chosen by the file's extension, not
 * by detection, so a damaged file fails loudly instead of being read as nothing.
 */
final class DeckTika {

    /** At most this many characters of text are taken from one file; a slide deck has far fewer. */
    static final int WRITE_LIMIT = 5_000_000;

    private final int writeLimit;

    DeckTika() {
        this(WRITE_LIMIT);
    }

    DeckTika(int writeLimit) {
        this.writeLimit = writeLimit;
    }

    /**
     * What was read from one file: its content and the title its metadata gives (dc:title), or "" when
     * it gives none. The title is what the file says, useful or not; {@link MaterialTitle} judges it.
     */
    record Parsed<T>(T content, String title) {
    }

    /** One raw text per PDF page, in page order; blank for a page without text. */
    Parsed<List<String>> pdfPages(Path file) throws ContentFailure {
        SlideHandler handler = new SlideHandler("page", writeLimit);
        String title = parse(new PDFParser(), file, handler);
        return new Parsed<>(handler.slides(), title);
    }

    /** One raw text per pptx slide, in slide order, without notes or master slides; blank for an empty slide. */
    Parsed<List<String>> pptxSlides(Path file) throws ContentFailure {
        SlideHandler handler = new SlideHandler("slide-content", writeLimit);
        String title = parse(new OOXMLParser(), file, handler);
        return new Parsed<>(handler.slides(), title);
    }

    /** The paragraphs and headings of a docx, in order, without page headers and footers. */
    Parsed<List<DeckBlocksHandler.Block>> docxBlocks(Path file) throws ContentFailure {
        DeckBlocksHandler handler = new DeckBlocksHandler(writeLimit);
        String title = parse(new OOXMLParser(), file, handler);
        return new Parsed<>(handler.blocks(), title);
    }

    /** Parses the file into the handler; returns the title in its metadata, or "" when it has none. */
    private String parse(Parser parser, Path file, ContentHandler handler) throws ContentFailure {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            parser.parse(in, handler, metadata, context());
            String title = metadata.get(TikaCoreProperties.TITLE);
            return title == null ? "" : title;
        } catch (AccessDeniedException e) {
            throw new ContentFailure("Kunne ikke lese filen: mangler lesetilgang", e);
        } catch (NoSuchFileException e) {
            throw new ContentFailure("Kunne ikke lese filen: den ble borte mens den ble lest", e);
        } catch (IOException | SAXException | TikaException | RuntimeException | StackOverflowError e) {
            throw failure(e);
        }
    }

    private ContentFailure failure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SlideHandler.TooMuchText) {
                return new ContentFailure("Filen inneholder for mye tekst (over " + writeLimit
                        + " tegn) og ble hoppet over", e);
            }
            /* POI and PDFBox have their own exception types for this; match them by name to stay on Tika's API. */
            String name = t.getClass().getSimpleName();
            if (t instanceof EncryptedDocumentException
                    || name.equals("EncryptedDocumentException") || name.equals("InvalidPasswordException")) {
                return new ContentFailure("Kunne ikke lese filen: den er passordbeskyttet", e);
            }
            if (t instanceof AccessDeniedException) {
                return new ContentFailure("Kunne ikke lese filen: mangler lesetilgang", e);
            }
        }
        return new ContentFailure("Kunne ikke lese filen: ødelagt eller ukjent format", e);
    }

    private static ParseContext context() {
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        pdf.setExtractBookmarksText(false);
        pdf.setExtractAcroFormContent(false);
        pdf.setExtractActions(false);
        context.set(PDFParserConfig.class, pdf);

        OfficeParserConfig office = new OfficeParserConfig();
        office.setIncludeSlideNotes(false);
        office.setIncludeSlideMasterContent(false);
        office.setIncludeHeadersAndFooters(false);
        office.setIncludeDeletedContent(false);
        office.setIncludeMoveFromContent(false);
        office.setExtractMacros(false);
        context.set(OfficeParserConfig.class, office);

        /* Embedded files (pictures, spreadsheets in a slide) are not programme text. */
        context.set(EmbeddedDocumentExtractor.class, new EmbeddedDocumentExtractor() {
            @Override
            public boolean shouldParseEmbedded(Metadata metadata) {
                return false;
            }

            @Override
            public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
                // skipped on purpose
            }
        });
        return context;
    }
}
