import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isPlainEmail, MAX_EMAIL_CHARS, MAX_NOMINEES_PER_GROUP, type Nomination, nominatedCounts, pairNominees, readNomination, writeNomination,
} from '../../../src/core/confidential/nomination.ts';
import { MAX_NAME_CHARS } from '../../../src/core/model/limits.ts';
import { OTHER_GROUPS } from '../../../src/core/model/response.ts';

const ANA: Nomination = {
  learner: { name: 'Ana Ruiz', subjectId: 'ana-ruiz-4k7q' },
  frameworkId: 'css-ai-at-work',
  raters: [
    { name: 'Mona Park', email: 'mona@example.org', group: 'manager' },
    { name: 'Piet de Vries', email: 'piet.devries@example.org', group: 'peer' },
    { name: 'Zoë Łukasik', email: "zoe.o'neil+360@exämple.co.uk", group: 'peer' },
  ],
};

/** The file as JSON, changed by `edit`, then read back. */
function readEdited(edit: (file: Record<string, unknown> & { raters: Record<string, unknown>[]; learner: Record<string, unknown> }) => void, lookup?: (id: string) => boolean) {
  const file = JSON.parse(writeNomination(ANA)) as Parameters<typeof edit>[0];
  edit(file);
  return readNomination(JSON.stringify(file), 'nomination-ana.json', lookup);
}
const codes = (result: ReturnType<typeof readNomination>) => (result.ok ? [] : result.issues.map((issue) => `${issue.code} at ${issue.path}`));

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' -]{0,30}[A-Za-zÀ-ÿ]$/);
const email = fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}$/), fc.stringMatching(/^[a-z0-9-]{1,20}$/), fc.constantFrom('org', 'com', 'co.uk'))
  .map(([local, host, tld]) => `${local.replace(/\.+$/, '').replace(/\.{2,}/g, '.')}@${host}.${tld}`)
  .filter(isPlainEmail);
const nomination: fc.Arbitrary<Nomination> = fc.record({
  learner: fc.record({ name: word, subjectId: fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,3}$/) }),
  frameworkId: fc.constantFrom('css-ai-at-work', 'css-durable-skills', 'onet-15-1232-00'),
  raters: fc.uniqueArray(fc.record({ name: word, email, group: fc.constantFrom(...OTHER_GROUPS) }), { minLength: 1, maxLength: 30, selector: (rater) => rater.email.toLowerCase() }),
});

describe('the nomination file', () => {
  it('reads back exactly what was written, for any valid nomination', () => {
    fc.assert(fc.property(nomination, (value) => {
      expect(readNomination(writeNomination(value), 'n.json')).toEqual({ ok: true, value });
    }));
  });

  it('holds names, addresses and groups, and nothing that could be a token or a link', () => {
    const text = writeNomination(ANA);
    expect(JSON.parse(text)).toEqual({
      format: 'skillscope-nomination', version: 1, learner: { name: 'Ana Ruiz', subject_id: 'ana-ruiz-4k7q' }, framework_id: 'css-ai-at-work',
      raters: ANA.raters.map(({ name, email: address, group }) => ({ name, email: address, group })),
    });
    expect(text).not.toMatch(/token|#\/rate|SKC1/);
  });

  it('counts the nominated raters per group', () => {
    expect(nominatedCounts(ANA.raters)).toEqual({ manager: 1, peer: 2, 'direct-report': 0, other: 0 });
  });

  it('refuses a file that is not JSON, or of another format or version, saying which', () => {
    expect(codes(readNomination('{"format": "skillscope-nomination",', 'n.json'))).toEqual(['json.syntax at ']);
    expect(codes(readNomination('{"format":"skillscope-campaign","version":1}', 'n.json'))).toEqual(['nomination.unknown-format at format']);
    expect(codes(readEdited((file) => { file.version = 2; }))).toEqual(['nomination.unsupported-version at version']);
  });

  it('lists every problem of every rater at once, each with its path', () => {
    const result = readEdited((file) => {
      file.raters[0] = { name: '', email: 'mona@example.org', group: 'manager' };
      file.raters[1] = { name: 'Piet', email: 'piet at example.org', group: 'boss' };
      file.raters[2] = { name: 'Zoë', email: 'MONA@example.org', group: 'peer', token: 'abc' };
    });
    expect(codes(result)).toEqual([
      'nomination.blank at raters[0].name',
      'nomination.bad-email at raters[1].email',
      'nomination.bad-group at raters[1].group',
      'nomination.unknown-field at raters[2].token',
      'nomination.duplicate-email at raters[2].email',
    ]);
    if (!result.ok) for (const issue of result.issues) expect(issue.file).toBe('nomination-ana.json');
  });

  it.each([
    ['a@b', 'no dot in the domain'],
    ['a b@example.org', 'a space'],
    ['a@example.org?cc=eve@example.org', 'a mailto header'],
    ['a,eve@example.org', 'a second recipient'],
    ['<a@example.org>', 'angle brackets'],
    ['a..b@example.org', 'two dots'],
    ['a@@example.org', 'two @'],
    ['"a"@example.org', 'a quoted local part'],
  ])('refuses %s as an e-mail address (%s)', (address) => {
    expect(codes(readEdited((file) => { (file.raters[1] as Record<string, unknown>).email = address; }))).toEqual(['nomination.bad-email at raters[1].email']);
  });

  it('refuses over-long names and addresses, control characters, and wrong types', () => {
    expect(codes(readEdited((file) => {
      (file.raters[0] as Record<string, unknown>).name = 'x'.repeat(MAX_NAME_CHARS + 1);
      (file.raters[1] as Record<string, unknown>).email = `${'a'.repeat(MAX_EMAIL_CHARS)}@example.org`;
      (file.raters[2] as Record<string, unknown>).name = 'Zoë\nBcc: eve@example.org';
      file.learner.name = 42;
    }))).toEqual([
      'nomination.bad-type at learner.name',
      'nomination.too-long at raters[0].name',
      'nomination.too-long at raters[1].email',
      'nomination.control-character at raters[2].name',
    ]);
  });

  it('refuses a missing learner, framework or list, an empty list, and an unknown field', () => {
    expect(codes(readEdited((file) => {
      delete (file as Record<string, unknown>).learner;
      delete (file as Record<string, unknown>).framework_id;
      (file as Record<string, unknown>).links = [];
    }))).toEqual(['nomination.unknown-field at links', 'nomination.missing-field at learner', 'nomination.missing-field at framework_id']);
    expect(codes(readEdited((file) => { file.raters = []; }))).toEqual(['nomination.no-raters at raters']);
    expect(codes(readEdited((file) => { (file as Record<string, unknown>).raters = 'everyone'; }))).toEqual(['nomination.bad-type at raters']);
  });

  it('refuses a framework id that is no id, or that this browser does not have', () => {
    expect(codes(readEdited((file) => { file.framework_id = 'CSS AI'; }))).toEqual(['nomination.bad-framework-id at framework_id']);
    expect(codes(readEdited(() => undefined, (id) => id === 'css-durable-skills'))).toEqual(['nomination.unknown-framework at framework_id']);
    expect(readEdited(() => undefined, (id) => id === 'css-ai-at-work').ok).toBe(true);
  });

  it('refuses more raters in one group than a campaign can invite', () => {
    const many = Array.from({ length: MAX_NOMINEES_PER_GROUP + 1 }, (_, index) => ({ name: `Peer ${index}`, email: `p${index}@example.org`, group: 'peer' }));
    expect(codes(readEdited((file) => { file.raters = many; }))).toEqual(['nomination.too-many at raters']);
  });

  it('keeps a draft with rows still being filled in, but still checks groups and lengths', () => {
    const draft = JSON.stringify({ ...JSON.parse(writeNomination({ ...ANA, raters: [] })), raters: [{ name: 'Mona', email: 'mona@', group: 'manager' }, { name: '', email: '', group: 'peer' }] });
    expect(readNomination(draft, 'stored', undefined, { draft: true })).toEqual({
      ok: true, value: { ...ANA, raters: [{ name: 'Mona', email: 'mona@', group: 'manager' }, { name: '', email: '', group: 'peer' }] },
    });
    expect(codes(readNomination(draft, 'stored'))).toEqual(['nomination.bad-email at raters[0].email', 'nomination.blank at raters[1].name', 'nomination.blank at raters[1].email']);
    expect(codes(readNomination(draft.replace('"peer"', '"boss"'), 'stored', undefined, { draft: true }))).toEqual(['nomination.bad-group at raters[1].group']);
  });
});

describe('pairing nominees with invitations', () => {
  const invitations = [
    { invitationId: 'inv-m', group: 'manager' as const },
    { invitationId: 'inv-p1', group: 'peer' as const },
    { invitationId: 'inv-d', group: 'direct-report' as const },
  ];

  it('gives each group\'s invitations to its nominees in the order listed, and names who got none', () => {
    const { named, uninvited } = pairNominees(invitations, ANA.raters);
    expect([...named]).toEqual([['inv-m', ANA.raters[0]], ['inv-p1', ANA.raters[1]]]);
    expect(uninvited).toEqual([ANA.raters[2]]);
  });

  it('never names one rater on two invitations, nor a rater on another group\'s invitation', () => {
    fc.assert(fc.property(nomination, fc.array(fc.constantFrom(...OTHER_GROUPS), { maxLength: 40 }), (value, groups) => {
      const issued = groups.map((group, index) => ({ invitationId: `inv-${index}`, group }));
      const { named, uninvited } = pairNominees(issued, value.raters);
      for (const invitation of issued) {
        const rater = named.get(invitation.invitationId);
        if (rater !== undefined) expect(rater.group).toBe(invitation.group);
      }
      expect(new Set(named.values()).size).toBe(named.size);
      expect(named.size + uninvited.length).toBe(value.raters.length);
    }));
  });
});
