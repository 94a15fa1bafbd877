package no.folkevalgt.core.programme;

/** What a scheduled post is. */
public enum PostKind {
    /** "Om 10 minutter: ..." before a session. */
    REMINDER,
    /** A reflection prompt, when it opens, with how to answer. */
    PROMPT,
    /** The summary of a prompt's answers, when it closes. */
    SUMMARY
}
