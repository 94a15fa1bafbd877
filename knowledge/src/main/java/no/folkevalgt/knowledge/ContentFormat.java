package no.folkevalgt.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The file types the content folder may hold, by extension (any case). */
enum ContentFormat {
    TXT, MD, PDF, PPTX, DOCX;

    /** The format of a file name, or empty when the file is not supported (no or another extension). */
    static Optional<ContentFormat> of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ContentFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(ext)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
