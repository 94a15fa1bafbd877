package no.folkevalgt.web;

/** How the web chat's users are shown to facilitators. */
public final class WebUsers {

    /** What a web member who gave no name is shown as. */
    public static final String NO_NAME = "uten navn";

    private WebUsers() {
    }

    /**
     * A user as facilitators see it (the facilitator page, the CSV export): a web member who gave no
     * name is stored under their session id and shown as {@value #NO_NAME}; one who gave a name is
     * stored as "Kari (web-0123456789abcdef)" and shown as "Kari (012345)", the start of the id telling
     * two people of one name apart. Other users are shown as they are.
     */
    public static String shown(String platform, String user) {
        if (!ChatHandlers.PLATFORM.equals(platform)) {
            return user;
        }
        if (ChatHandlers.SESSION_ID.matcher(user).matches()) {
            return NO_NAME;
        }
        java.util.regex.Matcher named = ChatHandlers.NAMED.matcher(user);
        return named.matches() ? named.group(1) + " (" + named.group(2).substring(4, 10) + ")" : user;
    }
}
