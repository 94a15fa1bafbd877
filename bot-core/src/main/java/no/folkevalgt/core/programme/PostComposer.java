package no.folkevalgt.core.programme;

import no.folkevalgt.core.port.Reply;

/** Turns a planned post into what is posted, at the moment it is posted (summaries count answers then). */
@FunctionalInterface
public interface PostComposer {

    /**
     * @param post the planned post
     * @param late true when it goes out after its time (the bot was down); the text says so
     */
    Reply compose(PlannedPost post, boolean late);
}
