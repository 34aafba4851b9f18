import { describe, expect, it } from 'vitest';
import type { RaterGroup } from '../../../src/core/model/response.ts';
import { type CommentSection, placeComments } from '../../../src/core/score/comments.ts';
import { scoreSubject } from '../../../src/core/score/score-subject.ts';
import { levelled, response } from './fixtures.ts';

const framework = levelled(1);

/** One response of `group` with one comment on the emerging page. */
const commenting = (group: RaterGroup, text: string, topic = 'emerging') =>
  response({ group, framework, answers: { 'emerging-01': 3 }, comments: { [topic]: text } });

function sectionsOf(...responses: ReturnType<typeof commenting>[]): CommentSection[] {
  const score = scoreSubject(framework, responses, 'learner-1');
  return placeComments(score.comments, score.responseCounts);
}

/** Each section as a heading key and its texts, as a reader of the profile meets them. */
const readable = (sections: CommentSection[]) =>
  sections.map((section) => [section.kind === 'group' ? section.group : `combined:${section.combines.join('+')}`, section.comments.map((c) => c.text)]);

const allTexts = (sections: CommentSection[]) => sections.flatMap((section) => section.comments.map((c) => c.text)).sort();

describe('where each comment is shown', () => {
  it('shows peers\' comments under Peers only, not again under all others', () => {
    const sections = sectionsOf(
      commenting('manager', 'Ready for more'),
      commenting('peer', 'Clear in meetings'), commenting('peer', 'Listens well'), commenting('peer', 'Shares credit'),
    );
    expect(readable(sections)).toEqual([
      ['manager', ['Ready for more']],
      ['peer', ['Clear in meetings', 'Listens well', 'Shares credit']],
      ['combined:', []],
    ]);
  });

  it('puts the comments of groups too small to show under one section naming the groups it combines', () => {
    const sections = sectionsOf(
      commenting('peer', 'Peer one'), commenting('peer', 'Peer two'), commenting('peer', 'Peer three'),
      commenting('direct-report', 'Report one'), commenting('direct-report', 'Report two'),
      commenting('other', 'Client one'),
    );
    expect(readable(sections)).toEqual([
      ['peer', ['Peer one', 'Peer three', 'Peer two']],
      ['combined:direct-report+other', ['Client one', 'Report one', 'Report two']],
    ]);
    const combined = sections.find((section) => section.kind === 'combined');
    expect(combined?.kind === 'combined' && combined.allOthers).toBe(false);
  });

  it('shows every comment under all others, naming manager and peers, when the manager is folded to protect two peers', () => {
    const sections = sectionsOf(commenting('manager', 'Ready for more'), commenting('peer', 'Listens well'), commenting('peer', 'Clear in meetings'));
    expect(readable(sections)).toEqual([['combined:manager+peer', ['Clear in meetings', 'Listens well', 'Ready for more']]]);
    const [combined] = sections;
    expect(combined?.kind === 'combined' && combined.allOthers).toBe(true);
  });

  it('keeps the same words written in two groups once in each, so no comment is lost or doubled', () => {
    const sections = sectionsOf(
      commenting('peer', 'Great work'), commenting('peer', 'Great work'), commenting('peer', 'Calm under pressure'),
      commenting('direct-report', 'Great work'), commenting('other', 'Great work'), commenting('other', 'Helpful'),
    );
    expect(readable(sections)).toEqual([
      ['peer', ['Calm under pressure', 'Great work', 'Great work']],
      ['combined:direct-report+other', ['Great work', 'Great work', 'Helpful']],
    ]);
  });

  it('shows each rater comment exactly once, and the learner\'s own under Self', () => {
    const responses = [
      response({ group: 'self', framework, answers: { 'emerging-01': 2 }, comments: { general: 'I want to lead more' } }),
      commenting('manager', 'B'), commenting('peer', 'C'), commenting('peer', 'D'), commenting('peer', 'E'),
      commenting('direct-report', 'F'), commenting('direct-report', 'G'), commenting('direct-report', 'H'), commenting('other', 'I'), commenting('other', 'J'),
    ];
    const score = scoreSubject(framework, responses, 'learner-1');
    const sections = placeComments(score.comments, score.responseCounts);
    // Other (2) would be a remainder of 2: the manager, smallest, is folded in with it.
    expect(score.visibility.shown).toEqual(['self', 'peer', 'direct-report', 'others']);
    expect(allTexts(sections)).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'I want to lead more', 'J']);
    expect(readable(sections).at(0)).toEqual(['self', ['I want to lead more']]);
    expect(readable(sections).at(-1)).toEqual(['combined:manager+other', ['B', 'I', 'J']]);
  });

  it('orders comments by topic then text, never as they were sent', () => {
    const sections = sectionsOf(commenting('manager', 'Zeta', 'advanced'), commenting('peer', 'Beta', 'emerging'), commenting('peer', 'Alpha', 'emerging'));
    expect(sections.at(-1)?.comments).toEqual([
      { topic: 'advanced', text: 'Zeta' },
      { topic: 'emerging', text: 'Alpha' },
      { topic: 'emerging', text: 'Beta' },
    ]);
  });

  it('shows no section for a group whose comments are hidden, and none at all under two raters', () => {
    expect(readable(sectionsOf(commenting('peer', 'Only two'), commenting('peer', 'Of us')))).toEqual([]);
  });

  it('is not fooled by comments crafted to look like each other or like object keys', () => {
    const sections = sectionsOf(
      commenting('peer', '__proto__', 'constructor'), commenting('peer', '["emerging","x"]'), commenting('peer', 'x\u0000\u202e'),
      commenting('other', '__proto__', 'constructor'), commenting('other', 'x'), commenting('other', 'x\u0000\u202e'),
    );
    expect(readable(sections)).toEqual([
      ['peer', ['__proto__', '["emerging","x"]', 'x\u0000\u202e']],
      ['other', ['__proto__', 'x', 'x\u0000\u202e']],
      ['combined:', []],
    ]);
  });
});
