package no.folkevalgt.app;

/** A failure the user can fix; its message is Norwegian and shown as is, without a stack trace. */
final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
