package no.folkevalgt.slack;

/** Breaks the front ends' rule on purpose (Slack refers to the web front end), for ArchitectureTest. */
@SuppressWarnings("unused")
public final class ArchitectureOffender {
    private no.folkevalgt.web.WebAdapter web;
}
