import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseResponseFile, writeResponseFile } from '../../../src/core/io/response-file.ts';
import { displayNameProblem, subjectNameField } from '../../../src/core/io/response-fields.ts';
import type { Issue, Result } from '../../../src/core/model/result.ts';
import { DOMAINS, LEVELLED, lookup, response } from './fixtures.ts';
import { arbitraryResponse } from './arbitrary-response.ts';

const parse = (text: string) => parseResponseFile(text, 'ana.json', lookup);
const issuesOf = <T>(result: Result<T>): Issue[] => (result.ok ? [] : result.issues);
const edit = (change: (json: Record<string, unknown>) => void): string => {
  const json = JSON.parse(writeResponseFile(response())) as Record<string, unknown>;
  change(json);
  return JSON.stringify(json);
};

describe('writeResponseFile', () => {
  it('writes DESIGN.md\'s keys in a fixed order, two-space indented, with a final line break', () => {
    const text = writeResponseFile(response({ comments: [['general', 'Great mentor']] }));
    expect(text).toBe(`{
  "format": "skillscope-response",
  "version": 1,
  "response_id": "r-1",
  "framework_id": "mini-levelled",
  "survey_id": "mini-levelled.self",
  "subject_id": "ana",
  "rater_group": "self",
  "submitted_at": "2024-05-01T09:30:00Z",
  "answers": {
    "emerging-01": 3,
    "emerging-02": null,
    "advanced-02": 1
  },
  "comments": {
    "general": "Great mentor"
  }
}
`);
  });

  it('writes a comment keyed __proto__ as a key, not as a prototype', () => {
    const text = writeResponseFile(response({ comments: [['__proto__', 'x'], ['constructor', 'y']] }));
    expect(text).toContain('"__proto__": "x"');
    expect(text).toContain('"constructor": "y"');
  });
});

describe('parseResponseFile', () => {
  it('reads back what it writes', () => {
    const original = response({ raterGroup: 'peer', comments: [['general', 'Listens well']] });
    expect(parse(writeResponseFile(original))).toEqual({ ok: true, value: original });
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(parse(`\uFEFF${writeResponseFile(response())}`).ok).toBe(true);
  });

  it('gives the line and column of a JSON syntax error', () => {
    const issues = issuesOf(parse('{\n  "format": "skillscope-response",\n  "version": 1,,\n}'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'json.syntax', file: 'ana.json', row: 3 });
    expect(issues[0]?.message).toContain('line 3, column 16');
  });

  it('refuses an empty file and JSON that is not an object', () => {
    expect(issuesOf(parse('  \n')).map((i) => i.code)).toEqual(['json.empty']);
    expect(issuesOf(parse('[1, 2]')).map((i) => i.code)).toEqual(['response.not-an-object']);
  });

  it('lists every problem at once, each with its JSON path', () => {
    const text = edit((json) => {
      json['format'] = 'survey-js';
      json['version'] = 2;
      json['rater_group'] = 'boss';
      json['submitted_at'] = '2024-02-30T10:00:00Z';
      json['answers'] = { 'emerging-01': 5, 'advanced-02': '3', 'no-such-statement': 2 };
      json['comments'] = { general: 42 };
      delete json['subject_id'];
    });
    const issues = issuesOf(parse(text));
    expect(issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['response.bad-format', 'format'],
        ['response.bad-version', 'version'],
        ['response.missing-field', 'subject_id'],
        ['response.bad-rater-group', 'rater_group'],
        ['response.bad-date', 'submitted_at'],
        ['response.bad-rating', 'answers.emerging-01'],
        ['response.bad-rating', 'answers.advanced-02'],
        ['response.unknown-statement', 'answers.no-such-statement'],
        ['response.wrong-type', 'comments.general'],
      ]),
    );
    expect(issues.every((issue) => issue.file === 'ana.json')).toBe(true);
  });

  it('refuses a field of the wrong type without also calling it empty', () => {
    const issues = issuesOf(parse(edit((json) => { json['response_id'] = 7; })));
    expect(issues.map((i) => [i.code, i.path])).toEqual([['response.wrong-type', 'response_id']]);
  });

  it('refuses a framework it does not know, says it came from a framework file, and names no command-line flag (the app shows core\'s words too)', () => {
    const issues = issuesOf(parse(edit((json) => { json['framework_id'] = 'onet-99-9999-00'; json['survey_id'] = 'onet-99-9999-00.self'; })));
    expect(issues.map((i) => i.code)).toEqual(['response.unknown-framework']);
    expect(issues[0]?.message).toContain('"onet-99-9999-00"');
    expect(issues[0]?.message).toContain('framework file');
    expect(issues[0]?.message).not.toMatch(/--/);
  });

  it('requires the self survey for self and the 360 survey for raters', () => {
    expect(issuesOf(parse(edit((json) => { json['rater_group'] = 'manager'; }))).map((i) => i.code)).toEqual(['response.survey-mismatch']);
    expect(issuesOf(parse(edit((json) => { json['survey_id'] = 'mini-domains.self'; }))).map((i) => i.code)).toEqual(['response.survey-mismatch']);
  });

  it('accepts every rater group and null for N/A', () => {
    for (const group of ['self', 'manager', 'peer', 'direct-report', 'other'] as const) {
      const result = parse(writeResponseFile(response({ raterGroup: group, answers: [['emerging-01', null]] })));
      expect(result.ok).toBe(true);
    }
  });

  it.each([
    ['2024-05-01T09:30:00Z', true],
    ['2024-05-01T09:30:00.123+02:00', true],
    ['2024-05-01T09:30Z', true],
    ['2024-05-01', false],
    ['2024-05-01T09:30:00', false],
    ['01/05/2024 09:30', false],
    ['2023-02-29T09:30:00Z', false],
    ['2024-05-01T24:30:00Z', false],
  ])('reads submitted_at %s as valid: %s', (submittedAt, valid) => {
    expect(parse(edit((json) => { json['submitted_at'] = submittedAt; })).ok).toBe(valid);
  });

  it('treats __proto__ and constructor keys as plain unknown keys', () => {
    const text = edit((json) => {
      json['answers'] = JSON.parse('{"__proto__": 2, "constructor": 3, "emerging-01": 1}');
    });
    const issues = issuesOf(parse(`${text.slice(0, -1)}, "__proto__": {"polluted": true}}`));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['response.unknown-field', '__proto__'],
      ['response.unknown-statement', 'answers.__proto__'],
      ['response.unknown-statement', 'answers.constructor'],
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads comments whose keys are __proto__ or constructor as comments', () => {
    const original = response({ comments: [['__proto__', 'a'], ['constructor', 'b']] });
    const result = parse(writeResponseFile(original));
    expect(result.ok && [...result.value.comments]).toEqual([['__proto__', 'a'], ['constructor', 'b']]);
  });

  it('checks answers against the framework the response names', () => {
    const text = writeResponseFile(response({ frameworkId: DOMAINS.id, answers: [['talking-01', 4], ['emerging-01', 2]] }));
    expect(parse(text).ok).toBe(true);
    const wrong = writeResponseFile(response({ frameworkId: DOMAINS.id, answers: [[LEVELLED.statements[7]?.id ?? '', 2]] }));
    expect(issuesOf(parse(wrong)).map((i) => i.path)).toEqual(['answers.advanced-02']);
  });

  it('gives back any response exactly after writing it (1,000 random responses)', () => {
    fc.assert(
      fc.property(arbitraryResponse({ comments: true }), (original) => {
        expect(parse(writeResponseFile(original))).toEqual({ ok: true, value: original });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('subject_name, the learner\'s display name', () => {
  const named = (name: string) => edit((json) => { json['subject_name'] = name; });

  it('is written after subject_id when the response has one, and read back', () => {
    const original = response({ raterGroup: 'peer' });
    const withName = { ...original, subjectName: 'Ana Ruiz' };
    const text = writeResponseFile(withName);
    expect(text).toContain('"subject_id": "ana",\n  "subject_name": "Ana Ruiz",\n  "rater_group"');
    expect(parse(text)).toEqual({ ok: true, value: withName });
  });

  it('is left out of a response without one, which reads back without one', () => {
    const text = writeResponseFile(response());
    expect(text).not.toContain('subject_name');
    const result = parse(text);
    expect(result.ok && 'subjectName' in result.value).toBe(false);
  });

  it('keeps a name in any script, with its marks and spaces, exactly', () => {
    for (const name of ['Zoë Ó Briain', 'Nguyễn Thị Minh Khai', '李小龍', 'عمر الخيام', 'O\'Brien <b>=SUM(A1)</b>']) {
      const result = parse(named(name));
      expect(result.ok && result.value.subjectName).toBe(name);
    }
  });

  it.each([
    ['a line break, which could print a fake second line', 'Ana\nfile.json: all good'],
    ['a terminal escape', 'Ana\u001b[2J'],
    ['a bidirectional override, which reorders what follows', 'Ana\u202Egnp.exe'],
    ['a C1 control', 'Ana\u0085Ruiz'],
  ])('refuses a name holding %s, and quotes it escaped', (_what, name) => {
    const issues = issuesOf(parse(named(name)));
    expect(issues.map((i) => [i.code, i.path])).toEqual([['response.name-control-character', 'subject_name']]);
    expect(issues[0]?.message).not.toMatch(/[\u0000-\u001f\u202e\u0085]/);
    expect(issues[0]?.message).toMatch(/\\u001b|\\n|\\u202e|\\u0085/);
  });

  it('refuses a name over 200 characters with a short excerpt, a blank name, and a name that is not text', () => {
    const long = issuesOf(parse(named('A'.repeat(5_000_000))));
    expect(long.map((i) => [i.code, i.path])).toEqual([['response.too-long', 'subject_name']]);
    expect(long[0]?.message).toContain('5,000,000 characters');
    expect(long[0]?.message.length).toBeLessThan(200);
    expect(issuesOf(parse(named('   '))).map((i) => i.code)).toEqual(['response.name-blank']);
    expect(issuesOf(parse(edit((json) => { json['subject_name'] = { first: 'Ana' }; }))).map((i) => i.code)).toEqual(['response.wrong-type']);
  });

  it('refuses a file that gives subject_name twice', () => {
    const text = writeResponseFile({ ...response(), subjectName: 'Ana' }).replace('"subject_name": "Ana",', '"subject_name": "Ana",\n  "subject_name": "Eve",');
    expect(issuesOf(parse(text)).map((i) => [i.code, i.path])).toEqual([['json.duplicate-key', 'subject_name']]);
  });

  it('is made from a typed name by subjectNameField: controls become spaces, blank gives no field', () => {
    expect(subjectNameField('  Ana\tRuiz\u202e ')).toEqual({ subjectName: 'Ana Ruiz' });
    expect(subjectNameField('\u0001 \n')).toEqual({});
    const long = subjectNameField('x'.repeat(500)).subjectName ?? '';
    expect(long).toHaveLength(200);
    const result = parse(writeResponseFile({ ...response(), ...subjectNameField('Ana\nRuiz') }));
    expect(result.ok && result.value.subjectName).toBe('Ana Ruiz');
  });

  it('gives back any response with any valid name exactly after writing it (500 random responses)', () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((text) => displayNameProblem(text, 'name') === undefined);
    fc.assert(
      fc.property(arbitraryResponse({ comments: false }), name, (original, subjectName) => {
        const named = { ...original, subjectName };
        expect(parse(writeResponseFile(named))).toEqual({ ok: true, value: named });
      }),
      { numRuns: 500 },
    );
  });
});
