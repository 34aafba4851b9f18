import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Encrypter } from 'age-encryption';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachRecipient, generateCoachIdentity, readIdentityFile, wrapIdentity, writeIdentityFile } from '../../../src/core/confidential/coach-identity.ts';
import { isSubmissionDay, submissionDay, writeSealedJson } from '../../../src/core/confidential/sealed-content.ts';
import { openSealed, sealedCode, sealResponse, type SealedResponseContent } from '../../../src/core/confidential/sealed-response.ts';
import type { Framework } from '../../../src/core/model/framework.ts';
import type { Rating } from '../../../src/core/model/rating-scale.ts';
import type { Issue, Result } from '../../../src/core/model/result.ts';
import { builtinFramework } from '../../support/builtin-frameworks.ts';
import { answersFromEntries } from '../../../src/core/model/answers.ts';

/**
 * A rater's response sealed to the coach's key (issue 10): an age file, or a code to paste,
 * that only the coach's secret key opens. Go's `age` (Debian's package, `npm run
 * test:install`) checks the files both ways.
 */
const durable = builtinFramework('css-durable-skills');
const occupational = builtinFramework('css-occupational');
const CAMPAIGN = 'c-2026-ana-ruiz';
const campaigns = new Map<string, Framework>([[CAMPAIGN, durable], ['c-occupational', occupational]]);
const lookup = (campaignId: string) => campaigns.get(campaignId);

const dir = mkdtempSync(join(tmpdir(), 'skillscope-sealed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const issuesOf = <T>(result: Result<T>): Issue[] => (result.ok ? [] : result.issues);
const codesOf = <T>(result: Result<T>): string[] => issuesOf(result).map((issue) => issue.code);

function run(command: string, args: string[]): string {
  const done = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
  if (done.error !== undefined) throw new Error(`${command} did not run (${done.error.message}): run npm run test:install`);
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${done.status}: ${done.stderr}`);
  return done.stdout;
}

function content(overrides: Partial<SealedResponseContent> = {}): SealedResponseContent {
  const answers = new Map<string, Rating | null>(durable.statements.map((s, i) => [s.id, i % 7 === 0 ? null : (((i % 4) + 1) as Rating)]));
  answers.delete('fortitude-08');
  return {
    campaignId: CAMPAIGN,
    token: 'q7Jd0c4hXbqv2mWkPZr8sA',
    submittedOn: '2026-11-23',
    answers: answersFromEntries(answers, durable),
    comments: new Map([['communication', 'Explains clearly; could listen more. =HYPERLINK("x")'], ['general', 'Ça va: 👍']]),
    ...overrides,
  };
}

/** What anyone holding the coach's public key can make: any text, sealed. */
async function sealText(text: string, to: string): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(to);
  return encrypter.encrypt(text);
}

let identity = '';
let recipient = '';
let otherIdentity = '';
beforeAll(async () => {
  identity = await generateCoachIdentity();
  recipient = await coachRecipient(identity);
  otherIdentity = await generateCoachIdentity();
});

const open = (input: Uint8Array | string, key = identity) => openSealed(input, key, lookup, 'sealed.age');

describe('a sealed response file', () => {
  it('is opened by the coach\'s key into exactly what was sealed', async () => {
    expect(await open(await sealResponse(content(), recipient))).toEqual({ ok: true, value: content() });
  });

  it('holds the sealed JSON in the age format: Go\'s age -d with our key file shows it as is', async () => {
    writeFileSync(join(dir, 'coach.key'), await writeIdentityFile(identity, new Date()));
    writeFileSync(join(dir, 'ours.age'), await sealResponse(content(), recipient));
    const shown = run('age', ['-d', '-i', 'coach.key', 'ours.age']);
    expect(shown).toBe(writeSealedJson(content()));
    const json = JSON.parse(shown) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['format', 'version', 'campaign_id', 'token', 'submitted_on', 'answers', 'comments']);
    expect(json).toMatchObject({ format: 'skillscope-sealed-response', version: 1, submitted_on: '2026-11-23', answers: { 'communication-01': null, 'communication-02': 2 } });
  });

  it('is opened with a key file made by Go\'s age-keygen', async () => {
    run('age-keygen', ['-o', 'go.key']);
    const goIdentity = readIdentityFile(readFileSync(join(dir, 'go.key'), 'utf8'), 'go.key');
    if (!goIdentity.ok) throw new Error('age-keygen wrote a file readIdentityFile refuses');
    const sealed = await sealResponse(content(), run('age-keygen', ['-y', 'go.key']).trim());
    expect(await open(sealed, goIdentity.value)).toEqual({ ok: true, value: content() });
  });

  it('is opened when Go\'s age sealed it, binary or armored (age -r, age -a)', async () => {
    writeFileSync(join(dir, 'response.json'), writeSealedJson(content()));
    run('age', ['-r', recipient, '-o', 'go.age', 'response.json']);
    run('age', ['-a', '-r', recipient, '-o', 'go-armored.age', 'response.json']);
    expect(await open(readFileSync(join(dir, 'go.age')))).toEqual({ ok: true, value: content() });
    expect(await open(readFileSync(join(dir, 'go-armored.age'), 'utf8'))).toEqual({ ok: true, value: content() });
  });

  it('shows the learner who relays it nothing: no token, comment or statement id in its bytes', async () => {
    const sealed = new TextDecoder('latin1').decode(await sealResponse(content(), recipient));
    for (const secret of ['q7Jd0c4hXbqv2mWkPZr8sA', 'Explains clearly', 'communication-01', CAMPAIGN]) expect(sealed).not.toContain(secret);
  });

  it('is refused when sealed to another coach', async () => {
    const result = await open(await sealResponse(content(), await coachRecipient(otherIdentity)));
    expect(issuesOf(result)).toEqual([expect.objectContaining({ code: 'sealed.not-for-this-coach', file: 'sealed.age' })]);
  });
});

describe('a sealed code', () => {
  it('is SKS1. and base64url, and opens into exactly what was sealed', async () => {
    const code = await sealedCode(content(), durable, recipient);
    expect(code).toMatch(/^SKS1\.[A-Za-z0-9_-]+$/);
    expect(await open(code)).toEqual({ ok: true, value: content() });
  });

  it('survives the line breaks and spaces a chat app adds, and a text file holding it', async () => {
    const code = await sealedCode(content(), durable, recipient);
    const wrapped = `  ${code.slice(0, 70)}\n${code.slice(70, 140)} ${code.slice(140)}\r\n`;
    expect((await open(wrapped)).ok).toBe(true);
    expect((await open(new TextEncoder().encode(wrapped))).ok).toBe(true);
  });

  it('is short enough for a chat message: 84 statements, no comments', async () => {
    // Measured for css-durable-skills with the campaign id (15 characters) and token (22) above,
    // over 10,000 random answer sets each: 433 to 441 characters when each statement is 1-4, Not
    // observed or unanswered at random; 427 to 437 when every statement is rated 1-4; 376 when
    // every statement has the same answer, or none. About 270 of them are age's header (one
    // X25519 stanza and the MAC), nonce and tag, which any age file carries.
    const lengths: number[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Rating | null | undefined>(1, 2, 3, 4, null, undefined), { minLength: 84, maxLength: 84 }), async (ratings) => {
        const answers = new Map<string, Rating | null>();
        durable.statements.forEach((statement, index) => {
          const rating = ratings[index];
          if (rating !== undefined) answers.set(statement.id, rating);
        });
        lengths.push((await sealedCode(content({ answers: answersFromEntries(answers, durable), comments: new Map() }), durable, recipient)).length);
      }),
      { numRuns: 300 },
    );
    expect(durable.statements).toHaveLength(84);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(450);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(370);
  });

  it('is refused when the coach\'s framework for the campaign has other statements', async () => {
    const code = await sealedCode(content(), durable, recipient);
    const result = await openSealed(code, identity, () => occupational, 'pasted code');
    expect(codesOf(result)).toEqual(['sealed.other-version']);
  });

  it('is refused with one issue when a character is changed or it is cut short', async () => {
    const code = await sealedCode(content(), durable, recipient);
    const change = (at: number) => `${code.slice(0, at)}${code[at] === 'A' ? 'B' : 'A'}${code.slice(at + 1)}`;
    for (const damaged of [change(3), change(40), change(100), change(250), change(code.length - 1), code.slice(0, -1), code.slice(0, -9), code.slice(0, 100)]) {
      const result = await open(damaged);
      expect(codesOf(result)).toHaveLength(1);
      expect(['sealed.damaged', 'sealed.not-for-this-coach', 'sealed.not-sealed']).toContain(codesOf(result)[0]);
    }
    expect(codesOf(await open(change(300)))).toEqual(['sealed.damaged']);
  });
});

describe('sealing and opening', () => {
  const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('__proto__', 'constructor', '=1+1', 'a\r\nb', '\uFEFFbom'));
  const id = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('__proto__', 'ünïcödé')).filter((s) => s.trim() !== '');
  const arbitraryContent = fc
    .record({
      campaignId: fc.constant(CAMPAIGN),
      token: id,
      day: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
      ratings: fc.array(fc.constantFrom<Rating | null | undefined>(1, 2, 3, 4, null, undefined), { minLength: 84, maxLength: 84 }),
      comments: fc.array(fc.tuple(text, text), { maxLength: 4 }),
    })
    .map(({ day, ratings, comments, ...head }): SealedResponseContent => {
      const answers = new Map<string, Rating | null>();
      durable.statements.forEach((statement, index) => {
        const rating = ratings[index];
        if (rating !== undefined) answers.set(statement.id, rating);
      });
      return { ...head, submittedOn: submissionDay(day), answers: answersFromEntries(answers, durable), comments: new Map(comments) };
    });

  it('gives back any response, as a file and as a code', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryContent, async (sealed) => {
        expect(await open(await sealResponse(sealed, recipient))).toEqual({ ok: true, value: sealed });
        expect(await open(await sealedCode(sealed, durable, recipient))).toEqual({ ok: true, value: sealed });
      }),
      { numRuns: 100 },
    );
  });

  it('takes the day in UTC and nothing finer', () => {
    expect(submissionDay(new Date('2026-11-23T23:59:59.999Z'))).toBe('2026-11-23');
    expect(isSubmissionDay('2026-02-28')).toBe(true);
    for (const bad of ['2026-02-30', '2026-11-23T10:15:30Z', '26-11-23', '2026-1-3']) expect(isSubmissionDay(bad)).toBe(false);
  });

  it('refuses to seal to anything but an X25519 coach key, which Go\'s age 1.1 can open', async () => {
    await expect(sealResponse(content(), 'age1pq1abc')).rejects.toThrow(/coach public key/);
    await expect(sealResponse(content(), identity)).rejects.toThrow(/coach public key/);
  });
});

describe('a damaged sealed file', () => {
  let sealed: Uint8Array = new Uint8Array();
  let header = '';
  beforeAll(async () => {
    sealed = await sealResponse(content(), recipient);
    const text = new TextDecoder('latin1').decode(sealed);
    // Up to and including the MAC line's line break; the nonce and the payload follow.
    header = text.slice(0, text.indexOf('\n', text.indexOf('\n---') + 1) + 1);
  });
  /** One byte changed at `at`: to another base64 character inside the header, any other byte elsewhere. */
  const changeAt = (at: number): Uint8Array => {
    const changed = sealed.slice();
    const byte = changed[at] ?? 0;
    changed[at] = at < header.length && /[A-Za-z0-9+/]/.test(String.fromCharCode(byte)) ? (byte === 0x41 ? 0x42 : 0x41) : byte ^ 0x01;
    return changed;
  };
  const where: [string, () => number, string][] = [
    ['the first byte of "age-encryption.org/v1"', () => 0, 'sealed.not-sealed'],
    ['the ephemeral key in the header', () => header.indexOf('-> X25519 ') + 12, 'sealed.not-for-this-coach'],
    ['the wrapped file key in the header', () => header.indexOf('\n', header.indexOf('-> X25519 ')) + 5, 'sealed.not-for-this-coach'],
    ['the header MAC', () => header.indexOf('--- ') + 10, 'sealed.damaged'],
    ['the payload nonce', () => header.length + 3, 'sealed.damaged'],
    ['the middle of the ciphertext', () => Math.floor((header.length + sealed.length) / 2), 'sealed.damaged'],
    ['the last byte', () => sealed.length - 1, 'sealed.damaged'],
  ];

  it.each(where)('is refused with one issue when one byte changes in %s', async (_name, at, code) => {
    expect(issuesOf(await open(changeAt(at())))).toEqual([expect.objectContaining({ code, file: 'sealed.age' })]);
  });

  it('is refused with exactly one issue for one flipped bit anywhere, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 1_000_000 }), fc.integer({ min: 0, max: 7 }), async (position, bit) => {
        const changed = sealed.slice();
        const at = position % changed.length;
        changed[at] = (changed[at] ?? 0) ^ (1 << bit);
        const result = await open(changed);
        expect(codesOf(result)).toHaveLength(1);
        expect(['sealed.not-sealed', 'sealed.damaged', 'sealed.not-for-this-coach']).toContain(codesOf(result)[0]);
      }),
      { numRuns: 300 },
    );
  });

  it('is refused as damaged when cut short anywhere or when bytes are added', async () => {
    for (const length of [30, header.length - 1, header.length, header.length + 16, header.length + 40, sealed.length - 1]) {
      expect(codesOf(await open(sealed.subarray(0, length)))).toEqual(['sealed.damaged']);
    }
    const longer = new Uint8Array(sealed.length + 1);
    longer.set(sealed);
    expect(codesOf(await open(longer))).toEqual(['sealed.damaged']);
  });
});

describe('what is not a sealed response', () => {
  it('is named: empty, too large, an open response, a key backup, any other file', async () => {
    const backup = await wrapIdentity(await writeIdentityFile(identity, new Date()), 'pass phrase', { scryptWorkFactor: 10 });
    const cases: [Uint8Array | string, string][] = [
      [new Uint8Array(), 'sealed.empty'],
      [new Uint8Array(2_000_001), 'sealed.too-large'],
      ['{"format": "skillscope-response", "version": 1}', 'sealed.not-sealed'],
      ['SKR1.abcdef', 'sealed.not-sealed'],
      [backup, 'sealed.passphrase-file'],
      ['Hello coach, see attached.', 'sealed.not-sealed'],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe]), 'sealed.not-sealed'],
    ];
    for (const [input, code] of cases) expect(codesOf(await open(input))).toEqual([code]);
  });

  it('is refused when the coach key given is not a key', async () => {
    expect(codesOf(await open(await sealResponse(content(), recipient), 'AGE-SECRET-KEY-1NOTAKEY'))).toEqual(['coach.bad-identity']);
  });
});

describe('what a sealed file holds', () => {
  const sealJson = async (change: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(writeSealedJson(content())) as Record<string, unknown>;
    change(json);
    return open(await sealText(JSON.stringify(json), recipient));
  };

  it('is checked as fully as an open response: every problem listed, with its path', async () => {
    const result = await sealJson((json) => {
      json.version = 2;
      json.token = '';
      json.submitted_on = '2026-11-23T10:15:30Z';
      json.rater_group = 'manager';
      json.answers = { 'communication-01': 5, 'no-such-statement': 3, 'communication-02': '4' };
      json.comments = { general: 'x'.repeat(10_001), page: 7 };
    });
    expect(issuesOf(result).map((issue) => [issue.code, issue.path])).toEqual([
      ['sealed.bad-version', 'version'],
      ['sealed.unknown-field', 'rater_group'],
      ['sealed.missing-field', 'token'],
      ['sealed.bad-day', 'submitted_on'],
      ['sealed.bad-rating', 'answers.communication-01'],
      ['sealed.unknown-statement', 'answers.no-such-statement'],
      ['sealed.bad-rating', 'answers.communication-02'],
      ['sealed.too-long', 'comments.general'],
      ['sealed.wrong-type', 'comments.page'],
    ]);
    expect(issuesOf(result).find((issue) => issue.path === 'rater_group')?.message).toMatch(/invitation in the campaign manifest/);
  });

  it('is refused for a campaign that is not open here, or with no campaign id or token', async () => {
    expect(codesOf(await sealJson((json) => (json.campaign_id = 'c-other')))).toEqual(['sealed.unknown-campaign']);
    expect(codesOf(await sealJson((json) => {
      delete json.campaign_id;
      delete json.token;
    }))).toEqual(['sealed.missing-field', 'sealed.missing-field']);
  });

  it('never quotes the token back', async () => {
    const result = await sealJson((json) => (json.token = `secret-${'t'.repeat(200)}`));
    expect(codesOf(result)).toEqual(['sealed.too-long']);
    expect(issuesOf(result)[0]?.message).not.toContain('secret-');
  });

  it('is read by the one JSON reader: a duplicated key is refused, not taken last-wins', async () => {
    const text = writeSealedJson(content()).replace('"communication-02": 2,', '"communication-02": 2,\n    "communication-02": 4,');
    expect(codesOf(await open(await sealText(text, recipient)))).toEqual(['json.duplicate-key']);
  });

  it('a statement id or comment key of __proto__ stays data', async () => {
    const result = await sealJson((json) => (json.comments = JSON.parse('{"__proto__": "hi"}') as unknown));
    expect(result.ok && result.value.comments.get('__proto__')).toBe('hi');
    expect(codesOf(await sealJson((json) => (json.answers = JSON.parse('{"__proto__": 3}') as unknown)))).toEqual(['sealed.unknown-statement']);
  });
});
