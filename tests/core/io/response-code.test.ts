import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../../../src/core/model/response.ts';
import { decodeResponseCode, encodeResponseCode } from '../../../src/core/io/response-code.ts';
import { builtinFramework } from '../../support/builtin-frameworks.ts';
import { answersFromEntries } from '../../../src/core/model/answers.ts';

const durable = builtinFramework('css-durable-skills');
const occupational = builtinFramework('css-occupational');
const lookup = (id: string) => [durable, occupational].find((f) => f.id === id);

function fullResponse(): SurveyResponse {
  const answers = new Map(durable.statements.map((s, i) => [s.id, i % 7 === 0 ? null : (((i % 4) + 1) as 1 | 2 | 3 | 4)]));
  answers.delete('fortitude-08');
  return {
    responseId: '3f1c2b9e-8d7a-4c1e-9b2f-0a1b2c3d4e5f', frameworkId: durable.id, surveyId: `${durable.id}.360`, subjectId: 'ana-ruiz-4k7q',
    raterGroup: 'peer', submittedAt: '2026-11-23T10:15:30.123Z', answers: answersFromEntries(answers, durable), comments: new Map([['communication', 'Explains clearly. =HYPERLINK("x")']]),
  };
}

describe('response codes', () => {
  it('give back exactly the same response', () => {
    const response = fullResponse();
    expect(decodeResponseCode(encodeResponseCode(response, durable), 'pasted code', lookup)).toEqual({ ok: true, value: response });
  });

  it('are short enough to paste in a chat message for an 84-statement survey', () => {
    const response = { ...fullResponse(), comments: new Map<string, string>() };
    expect(encodeResponseCode(response, durable).length).toBeLessThan(400);
  });

  it('survive line breaks and spaces added by a chat app', () => {
    const code = encodeResponseCode(fullResponse(), durable);
    const wrapped = `  ${code.slice(0, 60)}\n${code.slice(60, 120)} ${code.slice(120)}\n`;
    expect(decodeResponseCode(wrapped, 'pasted code', lookup).ok).toBe(true);
  });

  const damaged: [string, (code: string) => string, string][] = [
    ['cut short', (c) => c.slice(0, c.length - 10), 'code.cut-short'],
    ['with one character changed', (c) => `${c.slice(0, 30)}${c[30] === 'x' ? 'y' : 'x'}${c.slice(31)}`, ''],
    ['without its prefix', (c) => c.slice(5), 'code.prefix'],
    ['oversized', () => `SKR1.${'A'.repeat(250_000)}`, 'code.too-large'],
  ];
  it.each(damaged)('are refused %s, with a sentence naming the pasted code', (_name, damage, code) => {
    const result = decodeResponseCode(damage(encodeResponseCode(fullResponse(), durable)), 'pasted code 2', lookup);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.file).toBe('pasted code 2');
      if (code !== '') expect(result.issues[0]?.code).toBe(code);
    }
  });

  describe('cut short', () => {
    const code = encodeResponseCode(fullResponse(), durable);
    const verdict = (text: string) => {
      const result = decodeResponseCode(text, 'pasted text, code 1', lookup);
      if (result.ok) throw new Error('a damaged code was read');
      return result.issues;
    };

    it('are said to look cut short, once, wherever they were cut, and never to hold characters a code never has', () => {
      for (let length = 'SKR1.'.length; length < code.length; length += 1) {
        const issues = verdict(code.slice(0, length));
        expect(issues, `cut to ${length} characters`).toHaveLength(1);
        expect(issues[0]?.code, `cut to ${length} characters`).toBe('code.cut-short');
        expect(issues[0]?.message.match(/cut short/g), `cut to ${length} characters`).toHaveLength(1);
        expect(issues[0]?.message).not.toMatch(/never has/);
        expect(issues[0]?.message).toMatch(/copied whole, to its last character/);
      }
    });

    it('say so, not "a character no code has", when a chat app marked the cut with an ellipsis', () => {
      for (const mark of ['…', '...']) {
        expect(verdict(`${code.slice(0, 120)}${mark}`)).toEqual([
          { code: 'code.cut-short', file: 'pasted text, code 1', path: '', message: expect.stringMatching(/^The code looks cut short: its end is missing\./) },
        ]);
      }
    });

    it('say it is cut short plainly when its length is one no code has', () => {
      const length = [...Array(40).keys()].map((n) => code.length - n).find((n) => (n - 'SKR1.'.length) % 4 === 1) ?? 0;
      expect(verdict(code.slice(0, length))[0]?.message).toBe('The code looks cut short: its end is missing. Check that it was copied whole, to its last character, or ask the rater to copy it again.');
    });
  });

  it('name a character no code has, and where it is, when one was typed into the code', () => {
    const code = encodeResponseCode(fullResponse(), durable);
    const result = decodeResponseCode(`${code.slice(0, 20)}%${code.slice(21)}`, 'pasted code', lookup);
    expect(result.ok === false && result.issues).toEqual([
      { code: 'code.characters', file: 'pasted code', path: '', message: 'The code has "%" at character 21, which no response code has; check that it was copied unchanged.' },
    ]);
  });

  it('echo a control character typed into a code as an escape, never as itself', () => {
    const code = encodeResponseCode(fullResponse(), durable);
    const result = decodeResponseCode(`${code.slice(0, 20)}\u202e${code.slice(21)}`, 'pasted code', lookup);
    expect(result.ok === false && result.issues[0]?.message).toContain('"\\u202e" at character 21');
  });

  it('are refused when made for another framework than the one they name', () => {
    const response = fullResponse();
    const forged = encodeResponseCode({ ...response, frameworkId: occupational.id, surveyId: `${occupational.id}.360` }, durable);
    const result = decodeResponseCode(forged, 'pasted code', lookup);
    expect(result.ok === false && result.issues[0]?.code).toBe('code.other-version');
  });
});
