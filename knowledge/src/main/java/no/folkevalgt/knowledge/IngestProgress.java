package no.folkevalgt.knowledge;

/** Receives progress while a content folder is read; large folders take a while. */
@FunctionalInterface
public interface IngestProgress {

    /** Nothing is reported. */
    IngestProgress NONE = (done, total, file, passages) -> { };

    /**
     * Called after each file.
     *
     * @param done     files handled so far, including this one
     * @param total    supported files in the folder
     * @param file     this file, relative to the content folder
     * @param passages passages read from this file (0 when it was skipped)
     */
    void fileDone(int done, int total, String file, int passages);
}
