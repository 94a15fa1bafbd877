package no.folkevalgt.core.port;

/** The database could not be reached; the operation changed nothing and may be tried again. */
public final class StoreUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
