import { describe, expect, it } from 'vitest';
import { mergeResponses } from '../../../src/core/io/merge-responses.ts';
import { response } from './fixtures.ts';

describe('mergeResponses', () => {
  it('counts a response imported twice with the same content once', () => {
    const result = mergeResponses([
      { file: 'a.json', responses: [response()] },
      { file: 'team.csv', responses: [response(), response({ responseId: 'r-2' })] },
    ]);
    expect(result).toEqual({ ok: true, value: [response(), response({ responseId: 'r-2' })] });
  });

  it('sees the same answers in another order, and the same instant written another way, as the same content', () => {
    const reordered = response({ submittedAt: '2024-05-01T11:30:00+02:00', answers: [...response().answers].reverse() });
    expect(mergeResponses([{ file: 'a.json', responses: [response()] }, { file: 'b.csv', responses: [reordered] }]).ok).toBe(true);
  });

  it('refuses the same response_id with different content, naming both files', () => {
    const result = mergeResponses([
      { file: 'ana-self.json', responses: [response()] },
      { file: 'team.csv', responses: [response({ answers: [['emerging-01', 4]] })] },
    ]);
    expect(result.ok).toBe(false);
    const issue = result.ok ? undefined : result.issues[0];
    expect(issue).toMatchObject({ code: 'response.conflicting-duplicate', file: 'team.csv', path: 'response_id' });
    expect(issue?.message).toContain('ana-self.json');
    expect(issue?.message).toContain('team.csv');
  });

  it('lists every conflict, not only the first', () => {
    const result = mergeResponses([
      { file: 'a.csv', responses: [response(), response({ responseId: 'r-2' })] },
      { file: 'b.csv', responses: [response({ subjectId: 'bob' }), response({ responseId: 'r-2', raterGroup: 'peer' })] },
    ]);
    expect(result.ok ? [] : result.issues.map((issue) => issue.message.slice(0, 14))).toEqual(['Response "r-1"', 'Response "r-2"']);
  });

  it('keeps the comments of a response file when the same response also came through a CSV, which has none', () => {
    const withComment = response({ comments: [['general', 'Calm under pressure']] });
    const fromCsv = response();
    expect(mergeResponses([{ file: 'team.csv', responses: [fromCsv] }, { file: 'r-1.json', responses: [withComment] }])).toEqual({ ok: true, value: [withComment] });
    expect(mergeResponses([{ file: 'r-1.json', responses: [withComment] }, { file: 'team.csv', responses: [fromCsv] }])).toEqual({ ok: true, value: [withComment] });
  });

  it('refuses two response files whose comments differ', () => {
    const result = mergeResponses([
      { file: 'a.json', responses: [response({ comments: [['general', 'Kind']] })] },
      { file: 'b.json', responses: [response({ comments: [['general', 'Unkind']] })] },
    ]);
    expect(result.ok).toBe(false);
  });
});
