package no.folkevalgt.web;

/** How the web chat's users are shown to facilitators. */
public final class WebUsers {

    /** What a web member who gave no name is shown as. */
    public static final String NO_NAME = "uten navn";

    private WebUsers() {
    }

    /**
     * A user as facilitators see it (the facilitator page, the CSV export): a web member who gave no
     * name is stored under the session cookie, which is a secret (whoever has it can read and delete
     * that member's answers), so it is shown as {@value #NO_NAME}. Other users are shown as they are.
     */
    public static String shown(String platform, String user) {
        return ChatHandlers.PLATFORM.equals(platform) && ChatHandlers.SESSION_ID.matcher(user).matches() ? NO_NAME : user;
    }
}
