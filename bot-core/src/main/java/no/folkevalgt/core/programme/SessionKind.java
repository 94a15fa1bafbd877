package no.folkevalgt.core.programme;

/** What a slot in the programme is; only sessions get reminders. */
public enum SessionKind {
    SESSION, BREAK, LUNCH, DINNER
}
