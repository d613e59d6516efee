package dev.drillbit.bank;

/**
 * Discord's limits on what one message can show, and the authoring limits derived from them. The
 * validator enforces these so that no question in the bank can fail to render; the renderer relies on
 * them. Constants only.
 */
public final class DisplayLimits {
    /** Discord: an embed's description. The prompt and lettered options are shown there. */
    public static final int EMBED_DESCRIPTION = 4096;
    /** Discord: one embed field's value. Explanations, model answers and key points are fields. */
    public static final int FIELD_VALUE = 1024;
    /** Discord: all text of one embed together. */
    public static final int EMBED_TOTAL = 6000;
    /** Discord: an embed title; the renderer's titles stay below this. */
    public static final int EMBED_TITLE = 256;
    /** Discord: a button label; why options are lettered buttons and their text lives in the body. */
    public static final int BUTTON_LABEL = 80;

    /** Authoring: one option, short enough to read in a list of five. */
    public static final int OPTION = 300;
    /** Authoring: one line of "why" for an option. */
    public static final int WHY = 300;
    /** Authoring: one accepted or rejected short answer. */
    public static final int SHORT_ANSWER = 100;
    /** The answer form's longest typed short answer; a test variant of a short answer is no longer. */
    public static final int TYPED_ANSWER = 200;
    /** Authoring: a question's source URL, shown as a "Read more" link. */
    public static final int SOURCE_URL = 500;
    /** Authoring: one key point of an open question. */
    public static final int KEY_POINT = 200;
    /** Authoring: a roadmap step's summary. */
    public static final int SUMMARY = 300;

    private DisplayLimits() {}
}
