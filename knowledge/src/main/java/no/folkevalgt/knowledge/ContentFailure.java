package no.folkevalgt.knowledge;

/** A file that cannot be read; the message is for the organiser, in Norwegian. */
final class ContentFailure extends Exception {

    private static final long serialVersionUID = 1L;

    ContentFailure(String norwegianMessage) {
        super(norwegianMessage);
    }

    ContentFailure(String norwegianMessage, Throwable cause) {
        super(norwegianMessage, cause);
    }
}
