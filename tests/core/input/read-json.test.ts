import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readJson } from '../../../src/core/input/read-json.ts';
import { MAX_JSON_DEPTH } from '../../../src/core/model/limits.ts';
import type { Issue, Result } from '../../../src/core/model/result.ts';

const read = (text: string) => readJson(text, { file: 'ana.json' });
const issuesOf = (result: Result<unknown>): Issue[] => (result.ok ? [] : result.issues);
const only = (result: Result<unknown>): Issue => {
  const issues = issuesOf(result);
  expect(issues).toHaveLength(1);
  return issues[0]!;
};
const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
/** What readJson may refuse in text that JSON.parse would take: the three hardening rules. */
const HARDENING = new Set(['json.duplicate-key', 'json.too-deep', 'json.number-too-large']);

describe('readJson reads what JSON.parse reads', () => {
  it('returns the value of a response file as JSON.parse gives it', () => {
    const text = '{\n  "format": "skillscope-response",\n  "answers": { "emerging-01": 3, "emerging-02": null },\n  "comments": {}\n}\n';
    expect(read(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('reads a file saved with a byte order mark', () => {
    expect(read('\uFEFF{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('reads scalars, escapes and a number that underflows to zero', () => {
    expect(read('"caf\\u00e9 \\"quoted\\" \\/ \\n"')).toEqual({ ok: true, value: 'café "quoted" / \n' });
    expect(read(' -0.5e-3 ')).toEqual({ ok: true, value: -0.0005 });
    expect(read('1e-400')).toEqual({ ok: true, value: 0 });
    expect(read('[true, false, null]')).toEqual({ ok: true, value: [true, false, null] });
  });

  it('reads a key named __proto__ as an own key, not as a prototype', () => {
    const result = read('{"__proto__": {"polluted": true}}');
    expect(result.ok).toBe(true);
    const value = result.ok ? (result.value as Record<string, unknown>) : {};
    expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes the same key in two sibling objects: only a repeat inside one object is a duplicate', () => {
    expect(read('[{"a": 1}, {"a": 2}, {"b": {"a": 3}, "a": 4}]').ok).toBe(true);
  });

  it('reads any JSON value written compactly or indented, as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        for (const text of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
          expect(read(text)).toEqual({ ok: true, value: JSON.parse(text) });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads any JSON value whose strings hold any code point, controls and separators included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), (value) => {
        const text = JSON.stringify(value);
        expect(read(text)).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 200 },
    );
  });
});

describe('readJson refuses text that is not JSON, naming the line and column', () => {
  it('refuses an empty file, or one holding only spaces or a byte order mark', () => {
    for (const text of ['', '  \n\t ', '\uFEFF']) {
      expect(only(read(text))).toEqual({ code: 'json.empty', file: 'ana.json', path: '', message: 'The file is empty.' });
    }
  });

  it('refuses a missing comma with the line and column of what it found instead', () => {
    const issue = only(read('{\n  "a": 1,\n  "b": 2\n  "c": 3\n}\n'));
    expect(issue).toMatchObject({ code: 'json.syntax', file: 'ana.json', row: 4 });
    expect(issue.message).toMatch(/^The file is not valid JSON at line 4, column 3: expected "," or "}" but found /);
  });

  it('names the object that holds a trailing comma', () => {
    const issue = only(read('{\n  "answers": {\n    "emerging-01": 3,\n  }\n}'));
    expect(issue).toMatchObject({ code: 'json.syntax', row: 4, path: 'answers' });
    expect(issue.message).toMatch(/^The file is not valid JSON at line 4, column 3: expected a "quoted" key/);
  });

  it('counts lines by line feeds, so Windows line endings give the same line', () => {
    expect(only(read('{\r\n"a": 1,\r\n"b": x\r\n}'))).toMatchObject({ code: 'json.syntax', row: 3 });
  });

  it.each([
    ['a string that is never closed', '{"a": "abc', /a string is not closed/],
    ['a raw line break inside a string', '["line one\nline two"]', /line break or control character inside a string must be escaped/],
    ['an escape JSON does not have', '["\\x41"]', /is not a JSON escape/],
    ['a \\u escape without four hex digits', '["\\u12G4"]', /needs four hex digits/],
    ['single quotes', "{'a': 1}", /expected a "quoted" key/],
    ['a comment', '{"a": 1 // one\n}', /expected "," or "}"/],
    ['NaN', '[NaN]', /unexpected/],
    ['a leading zero', '[01]', /expected "," or "]"/],
    ['a second value after the first', '{} {}', /after the end of the JSON value/],
    ['a value cut short', '{"a": [1, 2', /the end of the text/],
  ])('refuses %s as json.syntax', (_, text, reason) => {
    const issue = only(read(text));
    expect(issue.code).toBe('json.syntax');
    expect(issue.message).toMatch(/^The file is not valid JSON at line \d+, column \d+: /);
    expect(issue.message).toMatch(reason);
    expect(parses(text)).toBe(false);
  });

  it('refuses whatever JSON.parse refuses: damaged JSON never reads, and never throws', () => {
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: fc.constantFrom(...'{}[],:"\\ ex-.0t\n\u0001\u00a0') }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.array(damage, { minLength: 1, maxLength: 3 }), (value, changes) => {
        let text = JSON.stringify(value, null, 1);
        for (const change of changes) {
          const at = change.at % (text.length + 1);
          const rest = change.kind === 'insert' ? text.slice(at) : text.slice(at + 1);
          text = text.slice(0, at) + (change.kind === 'delete' ? '' : change.char) + rest;
        }
        fc.pre(!text.startsWith('\uFEFF'));
        const result = read(text);
        if (!parses(text)) expect(result.ok).toBe(false);
        else if (!result.ok) expect(result.issues.every((issue) => HARDENING.has(issue.code))).toBe(true);
        else expect(result.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with JSON.parse on any text made of JSON punctuation, words and digits', () => {
    const unit = fc.constantFrom(...'{}[],:"\\ \n\t-+.0123eEtruefalsn'.split(''), 'true', 'null', '"a"', '"\\u0061"');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        const result = read(text);
        if (!parses(text)) expect(result.ok).toBe(false);
        else if (!result.ok) expect(result.issues.every((issue) => HARDENING.has(issue.code))).toBe(true);
        else expect(result.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readJson refuses a duplicated key, naming each one', () => {
  it('names the key, its JSON path and the line of the repeat', () => {
    const text = '{\n  "answers": {\n    "emerging-01": 3,\n    "emerging-01": 1\n  }\n}';
    const issue = only(read(text));
    expect(issue).toMatchObject({ code: 'json.duplicate-key', file: 'ana.json', row: 4, path: 'answers.emerging-01' });
    expect(issue.message).toContain('"emerging-01"');
    expect(issue.message).toContain('line 4, column 5');
  });

  it('refuses a second __proto__ key like any other', () => {
    expect(only(read('{"__proto__": 1, "__proto__": 2}'))).toMatchObject({ code: 'json.duplicate-key', path: '__proto__', row: 1 });
  });

  it('sees through escapes: "a" and "\\u0061" are the same key', () => {
    expect(only(read('{"a": 1, "\\u0061": 2}'))).toMatchObject({ code: 'json.duplicate-key', path: 'a' });
  });

  it('quotes a key that is not a plain name in its path', () => {
    expect(only(read('{"x": [{"a b": 1, "a b": 2}]}'))).toMatchObject({ code: 'json.duplicate-key', path: 'x[0]["a b"]' });
  });

  it('lists every duplicate in the file, in order, each with its own path and line', () => {
    const text = [
      '{',
      '  "subject_id": "ana",',
      '  "subject_id": "ben",',
      '  "answers": {"emerging-01": 3, "emerging-02": 2, "emerging-01": 4, "emerging-02": 1},',
      '  "comments": [{"general": "a", "general": "b"}]',
      '}',
    ].join('\n');
    const issues = issuesOf(read(text));
    expect(issues.map((issue) => [issue.code, issue.path, issue.row])).toEqual([
      ['json.duplicate-key', 'subject_id', 3],
      ['json.duplicate-key', 'answers.emerging-01', 4],
      ['json.duplicate-key', 'answers.emerging-02', 4],
      ['json.duplicate-key', 'comments[0].general', 5],
    ]);
  });

  it('lists duplicates and then the syntax error that ends the reading', () => {
    const issues = issuesOf(read('{"a": 1, "a": 2,\n "b": }'));
    expect(issues.map((issue) => [issue.code, issue.row])).toEqual([
      ['json.duplicate-key', 1],
      ['json.syntax', 2],
    ]);
  });
});

describe('readJson refuses nesting deeper than the limit', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it(`reads ${MAX_JSON_DEPTH} levels and refuses ${MAX_JSON_DEPTH + 1}`, () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(read(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    const issue = only(read(nested(MAX_JSON_DEPTH + 1)));
    expect(issue).toMatchObject({ code: 'json.too-deep', file: 'ana.json', row: 1 });
    expect(issue.message).toContain(`more than ${MAX_JSON_DEPTH} levels deep`);
  });

  it('refuses 100,000 open brackets with one issue, never a stack overflow', () => {
    const result = read('['.repeat(100_000));
    expect(only(result)).toMatchObject({ code: 'json.too-deep', row: 1 });
  });

  it('refuses 100,000 nested objects, naming the field where the limit is passed', () => {
    const issue = only(read('{"a":'.repeat(100_000)));
    expect(issue.code).toBe('json.too-deep');
    expect(issue.path).toBe(Array.from({ length: MAX_JSON_DEPTH }, () => 'a').join('.'));
  });

  it('names the line and field of the bracket that goes too deep', () => {
    // The object is level 1, so the 64th bracket inside it, answers[0]…[0] with 63 indexes, is level 65.
    const text = `{\n  "answers":\n  ${nested(MAX_JSON_DEPTH)}\n}`;
    expect(only(read(text))).toMatchObject({ code: 'json.too-deep', row: 3, path: `answers${'[0]'.repeat(MAX_JSON_DEPTH - 1)}` });
  });

  it('takes a lower limit from the caller', () => {
    expect(readJson('[[1]]', { file: 'f', maxDepth: 2 }).ok).toBe(true);
    expect(only(readJson('[[[1]]]', { file: 'f', maxDepth: 2 })).code).toBe('json.too-deep');
  });
});

describe('readJson refuses a number too large to read, quoting what was written', () => {
  it('refuses 1e400 and -1e400 with the field that holds them', () => {
    const issue = only(read('{\n  "answers": {\n    "emerging-01": 1e400\n  }\n}'));
    expect(issue).toMatchObject({ code: 'json.number-too-large', file: 'ana.json', row: 3, path: 'answers.emerging-01' });
    expect(issue.message).toContain('"1e400"');
    expect(only(read('[-1e400]'))).toMatchObject({ code: 'json.number-too-large', path: '[0]' });
  });

  it('quotes a 400-digit number as a short excerpt that states its length', () => {
    const written = `1${'0'.repeat(400)}`;
    const issue = only(read(`{"rating": ${written}}`));
    expect(issue.code).toBe('json.number-too-large');
    expect(issue.message).toContain('(401 characters)');
    expect(issue.message.length).toBeLessThan(200);
  });

  it('reads the largest finite number', () => {
    expect(read('1.7976931348623157e308')).toEqual({ ok: true, value: Number.MAX_VALUE });
  });
});
