package no.folkevalgt.teams;

/** Activities shaped like the ones Teams sends (trimmed to the fields the SDK and the adapter read). */
final class Activities {

    static final String APP_ID = "00000000-0000-0000-0000-00000000b071";
    static final String BOT_ID = "28:" + APP_ID;
    static final String TENANT = "72f988bf-0000-0000-0000-0000000000aa";
    static final String PERSONAL = "a:1personal-chat-id";
    static final String CHANNEL = "19:general0123456789@thread.tacv2";
    static final String USER_AAD = "aad-user-0001";

    private Activities() {
    }

    static String personalMessage(String serviceUrl, String id, String text) {
        return """
                {"type":"message","id":"%s","timestamp":"2026-11-26T10:00:00.000Z","serviceUrl":"%s","channelId":"msteams",
                 "from":{"id":"29:user-1","name":"Kari Nordmann","aadObjectId":"%s"},
                 "conversation":{"conversationType":"personal","tenantId":"%s","id":"%s"},
                 "recipient":{"id":"%s","name":"Folkevalgt"},
                 "text":"%s","textFormat":"plain","locale":"nb-NO",
                 "channelData":{"tenant":{"id":"%s"}}}
                """.formatted(id, serviceUrl, USER_AAD, TENANT, PERSONAL, BOT_ID, text, TENANT);
    }

    static String channelMention(String serviceUrl, String id, String text) {
        return """
                {"type":"message","id":"%s","serviceUrl":"%s","channelId":"msteams",
                 "from":{"id":"29:user-2","name":"Ola Nordmann","aadObjectId":"aad-user-0002"},
                 "conversation":{"isGroup":true,"conversationType":"channel","tenantId":"%s","id":"%s;messageid=%s"},
                 "recipient":{"id":"%s","name":"Folkevalgt"},
                 "text":"<at>Folkevalgt</at> %s","textFormat":"plain",
                 "entities":[{"type":"mention","mentioned":{"id":"%s","name":"Folkevalgt"},"text":"<at>Folkevalgt</at>"}],
                 "channelData":{"teamsChannelId":"%s","teamsTeamId":"%s","channel":{"id":"%s"},"team":{"id":"%s"},"tenant":{"id":"%s"}}}
                """.formatted(id, serviceUrl, TENANT, CHANNEL, id, BOT_ID, text, BOT_ID, CHANNEL, CHANNEL, CHANNEL, CHANNEL, TENANT);
    }

    static String botAddedToTeam(String serviceUrl) {
        return """
                {"type":"conversationUpdate","id":"f:added-1","serviceUrl":"%s","channelId":"msteams",
                 "from":{"id":"29:user-admin","aadObjectId":"aad-admin"},
                 "conversation":{"isGroup":true,"conversationType":"channel","tenantId":"%s","id":"%s"},
                 "recipient":{"id":"%s","name":"Folkevalgt"},
                 "membersAdded":[{"id":"%s"}],
                 "channelData":{"team":{"id":"%s","name":"Kommunestyret"},"eventType":"teamMemberAdded","tenant":{"id":"%s"}}}
                """.formatted(serviceUrl, TENANT, CHANNEL, BOT_ID, BOT_ID, CHANNEL, TENANT);
    }

    static String cardAction(String serviceUrl, String verb, String passage, String question) {
        return """
                {"type":"invoke","name":"adaptiveCard/action","id":"f:invoke-1","serviceUrl":"%s","channelId":"msteams",
                 "from":{"id":"29:user-1","aadObjectId":"%s"},
                 "conversation":{"conversationType":"personal","tenantId":"%s","id":"%s"},
                 "recipient":{"id":"%s"},
                 "value":{"action":{"type":"Action.Execute","verb":"%s","data":{"action":"%s","value":"%s","question":"%s"}},"trigger":"manual"},
                 "channelData":{"tenant":{"id":"%s"}}}
                """.formatted(serviceUrl, USER_AAD, TENANT, PERSONAL, BOT_ID, verb, verb, passage, question, TENANT);
    }

    /** The channel member who mentions the bot in {@link #channelMention}. */
    static final String CHANNEL_USER = "29:user-2";
    static final String CHANNEL_USER_AAD = "aad-user-0002";

    /**
     * An {@code adaptiveCard/action} invoke from a card in the channel (a prompt's "Send svar", a
     * refresh), as Teams sends it: {@code action} is the value's action object (verb and data).
     */
    static String channelCardInvoke(String serviceUrl, String id, String fromId, String aad, String action) {
        return """
                {"type":"invoke","name":"adaptiveCard/action","id":"%s","serviceUrl":"%s","channelId":"msteams",
                 "from":{"id":"%s","name":"Medlem","aadObjectId":"%s"},
                 "conversation":{"isGroup":true,"conversationType":"channel","tenantId":"%s","id":"%s;messageid=1700000000000"},
                 "recipient":{"id":"%s","name":"Folkevalgt"},
                 "replyToId":"1700000000000",
                 "value":{"action":%s,"trigger":"manual"},
                 "channelData":{"channel":{"id":"%s"},"team":{"id":"%s"},"tenant":{"id":"%s"}}}
                """.formatted(id, serviceUrl, fromId, aad, TENANT, CHANNEL, BOT_ID, action, CHANNEL, CHANNEL, TENANT);
    }
}
