/**
 * Every threshold of DESIGN.md's scoring rules, named once. The rules and the app's sentences
 * read them from here, so a sentence can never state a bar the scoring does not use.
 */

/** "Anonymity": a rater group (or `others`) needs this many responses to be shown on its own. */
export const MIN_GROUP_RESPONSES = 3;

/** "Attained level": a level is met when its mean is at least this ("Independently")... */
export const ATTAINMENT_MEAN = 3;
/** ...and at least this share of its statements is rated. */
export const ATTAINMENT_COVERAGE = 0.5;

/** "Gap": a statement is a blind spot or hidden strength when self and others differ this much. */
export const FLAG_THRESHOLD = 1.0;

/**
 * Decision (DESIGN.md is silent): a strength is a statement whose mean rating from the group is
 * at least this. For one response (self, a lone manager) that is exactly a 4, "Consistently,
 * and can guide others"; for a group a mean nearer 4 than 3.
 */
export const STRENGTH_MEAN = 3.5;
