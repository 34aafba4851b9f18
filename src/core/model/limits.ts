/**
 * Length caps on every id and text a user file can carry. Real values are far shorter (the
 * built-in frameworks' longest id is 30 characters, their longest description 651); the caps
 * stop a crafted file from filling memory, storage or a screen, and are checked as each value
 * is read, so a 50 MB cell is refused without being copied around.
 */
export const MAX_ID_CHARS = 128;
/** Names and titles: a learner's name, a framework's or domain's title, a CSV label cell. */
export const MAX_NAME_CHARS = 200;
/** A note to raters in an invitation. */
export const MAX_NOTE_CHARS = 2_000;
/** A rater's comment. */
export const MAX_COMMENT_CHARS = 10_000;
/** A statement, description or attribution text in a framework. */
export const MAX_TEXT_CHARS = 10_000;

/** JSON deeper than this is refused before it is parsed: no file Skillscope reads nests past 6. */
export const MAX_JSON_DEPTH = 64;
