package no.folkevalgt.knowledge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Writes real .pptx, .docx and .pdf files for the tests, with POI and PDFBox. */
final class ContentTestFiles {

    /** One slide: a title, body paragraphs ("\n" between them) and speaker notes; all may be empty. */
    record Slide(String title, String body, String notes) {
    }

    /** One docx paragraph: heading level 1-3, or 0 for body text. */
    record Para(int level, String text) {
    }

    private ContentTestFiles() {
    }

    static Path pptx(Path file, List<Slide> slides, String masterText) throws IOException {
        return pptx(file, slides, masterText, null);
    }

    /** @param title the title in the file's properties (dc:title), or null for none */
    static Path pptx(Path file, List<Slide> slides, String masterText, String title) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow()) {
            if (title != null) {
                show.getProperties().getCoreProperties().setTitle(title);
            }
            if (masterText != null) {
                show.getSlideMasters().get(0).createTextBox().setText(masterText);
            }
            XSLFSlideLayout layout = show.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_AND_CONTENT);
            for (Slide s : slides) {
                XSLFSlide slide = show.createSlide(layout);
                slide.getPlaceholder(0).setText(s.title());
                slide.getPlaceholder(1).setText(s.body());
                if (!s.notes().isEmpty()) {
                    XSLFNotes notes = show.getNotesSlide(slide);
                    for (XSLFTextShape shape : notes.getPlaceholders()) {
                        if (shape.getTextType() == Placeholder.BODY) {
                            shape.setText(s.notes());
                        }
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                show.write(out);
            }
        }
        return file;
    }

    static Path docx(Path file, List<Para> paragraphs) throws IOException {
        return docx(file, paragraphs, null);
    }

    /** @param title the title in the file's properties (dc:title), or null for none */
    static Path docx(Path file, List<Para> paragraphs, String title) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            if (title != null) {
                doc.getProperties().getCoreProperties().setTitle(title);
            }
            XWPFStyles styles = doc.createStyles();
            for (int level = 1; level <= 3; level++) {
                /* Norwegian Word names the style ids "OverskriftN"; the style name stays "heading N". */
                CTStyle style = CTStyle.Factory.newInstance();
                style.setStyleId("Overskrift" + level);
                style.addNewName().setVal("heading " + level);
                style.setType(STStyleType.PARAGRAPH);
                styles.addStyle(new XWPFStyle(style));
            }
            for (Para p : paragraphs) {
                var paragraph = doc.createParagraph();
                if (p.level() > 0) {
                    paragraph.setStyle("Overskrift" + p.level());
                }
                paragraph.createRun().setText(p.text());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                doc.write(out);
            }
        }
        return file;
    }

    /** A PDF with one page per element; each page's lines are drawn as separate text lines. */
    static Path pdf(Path file, List<List<String>> pages, String userPassword) throws IOException {
        return pdf(file, pages, userPassword, null);
    }

    /** @param title the title in the document information (dc:title), or null for none */
    static Path pdf(Path file, List<List<String>> pages, String userPassword, String title) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            if (title != null) {
                doc.getDocumentInformation().setTitle(title);
            }
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                if (lines.isEmpty()) {
                    continue;
                }
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 14);
                    content.newLineAtOffset(60, 720);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLineAtOffset(0, -22);
                    }
                    content.endText();
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("eier-" + userPassword, userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
