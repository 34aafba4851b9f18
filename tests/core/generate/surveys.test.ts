import { readFileSync, readdirSync } from 'node:fs';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { buildRaterSurvey } from '../../../src/core/generate/rater-survey.ts';
import { buildSelfSurvey } from '../../../src/core/generate/self-survey.ts';
import { surveyFiles } from '../../../src/core/generate/survey-files.ts';
import type { SurveyJson } from '../../../src/core/generate/survey-json.ts';
import { BUILTIN_FRAMEWORK_IDS } from '../../../src/core/parse/builtin-frameworks.ts';
import { parseOnetExport } from '../../../src/core/parse/onet-json.ts';
import { builtinFrameworks } from '../../support/builtin-frameworks.ts';
import { onetExportText } from '../../fixtures/onet-export.ts';

const frameworks = builtinFrameworks();
const surveysDir = new URL('../../../surveys/', import.meta.url);

const ratingNames = (json: SurveyJson) =>
  json.pages.flatMap((page) => page.elements).filter((e) => e.type === 'radiogroup' && e.name !== 'rater_group').map((e) => e.name);

describe('surveys/ holds the generated surveys of the six built-in frameworks', () => {
  it('has exactly the 12 files, and none is stale (npm run generate leaves it unchanged)', () => {
    const expected = frameworks.flatMap(surveyFiles);
    expect(readdirSync(surveysDir).filter((name) => name.endsWith('.json')).sort()).toEqual(expected.map((f) => f.name).sort());
    for (const file of expected) {
      expect(readFileSync(new URL(file.name, surveysDir), 'utf8'), `surveys/${file.name} is stale: run npm run generate`).toBe(file.content);
    }
  });

  it('uses the framework ids of DESIGN.md', () => {
    expect(frameworks.map((f) => f.id)).toEqual([...BUILTIN_FRAMEWORK_IDS]);
  });
});

describe.each(frameworks.map((f) => [f.id, f] as const))('the surveys of %s', (_id, framework) => {
  const self = buildSelfSurvey(framework);
  const rater = buildRaterSurvey(framework);

  it('load in survey-core with no unknown property', () => {
    for (const json of [self, rater]) {
      const model = new Model(json);
      expect(model.jsonErrors ?? []).toEqual([]);
      expect(model.getAllQuestions().length).toBeGreaterThan(framework.statements.length);
    }
  });

  it('ask every statement once, the question named by the statement id, in framework order within pages', () => {
    const ids = framework.statements.map((s) => s.id);
    expect([...ratingNames(self)].sort()).toEqual([...ids].sort());
    expect([...ratingNames(rater)].sort()).toEqual([...ids].sort());
  });

  it('have one page per domain, or per level where there are no domains, each with an optional comment', () => {
    const expected = framework.domains.length > 0 ? framework.domains.map((d) => d.id) : framework.levels.map((l) => l.id);
    expect(self.pages.map((p) => p.name)).toEqual(expected);
    expect(rater.pages.map((p) => p.name)).toEqual(['relationship', ...expected]);
    for (const page of self.pages) expect(page.elements.at(-1)).toMatchObject({ type: 'comment', name: `comment_${page.name}` });
  });

  it('show the whole scale on every statement, N/A beside it, with a progress bar', () => {
    const model = new Model(self);
    expect(model.showProgressBar).toBe(true);
    const question = model.getQuestionByName(framework.statements[0]?.id ?? '');
    expect(question.getType()).toBe('radiogroup');
    expect(question.choices.map((c: { value: unknown; text: string }) => [c.value, c.text])).toEqual([
      [1, 'Not yet'], [2, 'With support'], [3, 'Independently'], [4, 'Consistently, and can guide others'], ['na', 'Not part of my role'],
    ]);
    const raterQuestion = new Model(rater).getQuestionByName(framework.statements[0]?.id ?? '');
    expect(raterQuestion.choices.at(-1).text).toBe('Not observed');
  });

  it('identify themselves as <framework-id>.self and <framework-id>.360 in the result data', () => {
    const selfModel = new Model(self);
    selfModel.setValue(framework.statements[0]?.id ?? '', 3);
    expect(selfModel.data).toMatchObject({ survey_id: `${framework.id}.self`, framework_id: framework.id });
    const raterModel = new Model(rater);
    raterModel.setValue(framework.statements[0]?.id ?? '', 2);
    expect(raterModel.data).toMatchObject({ survey_id: `${framework.id}.360` });
  });

  it('show the attribution on the first page, one source a line', () => {
    expect(self.pages[0]?.description).toContain(framework.attributions[0]?.publisher ?? '');
    const sources = (self.pages[0]?.description ?? '').split('\n').filter((line) => line.includes('Source:'));
    expect(sources).toHaveLength(framework.attributions.length);
    for (const line of sources) expect(line.match(/Source:/g)).toHaveLength(1);
    expect(self.pages.slice(1).every((page) => !page.description.includes('Source:'))).toBe(true);
  });

  it('count answered questions in the progress bar, not pages', () => {
    for (const json of [self, rater]) expect(new Model(json).progressBarType).toBe('questions');
  });

  it('address the learner by the name the invitation passes', () => {
    const model = new Model(rater);
    model.setVariable('learner', 'Ana Ruiz');
    expect(model.processedTitle).toContain('Ana Ruiz');
    expect(model.getQuestionByName('rater_group').processedTitle).toBe('How do you work with Ana Ruiz?');
  });
});

describe('framework text stays plain text in the survey', () => {
  it('keeps a source whose text has line breaks of its own on one line', () => {
    const parsed = parseOnetExport(onetExportText(), 'onet.json');
    if (!parsed.ok) throw new Error('fixture');
    const [first] = parsed.value.attributions;
    if (first === undefined) throw new Error('fixture has no attribution');
    const framework = { ...parsed.value, attributions: [{ ...first, text: 'Line one\nSource: line two\r\n\u2028three' }, first] };
    const description = buildSelfSurvey(framework).pages[0]?.description ?? '';
    const sources = description.split('\n').filter((line) => line.startsWith('Source:'));
    expect(sources).toHaveLength(2);
    expect(sources[0]).toContain('Line one Source: line two three');
  });

  it('keeps HTML and script tags as literal titles, with no element that renders HTML', () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const parsed = parseOnetExport(onetExportText({ statements: { emerging: [hostile] } }), 'hostile.json');
    if (!parsed.ok) throw new Error('fixture');
    const json = buildSelfSurvey(parsed.value);
    expect(JSON.stringify(json)).not.toMatch(/"type":\s*"html"/);
    const model = new Model(json);
    expect(model.getQuestionByName('emerging-01').title).toBe(hostile);
  });
});
