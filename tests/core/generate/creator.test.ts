// @vitest-environment happy-dom
// SurveyJS Creator needs a DOM; happy-dom gives it one so that the check runs with the unit tests.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SurveyCreatorModel } from 'survey-creator-core';
import { describe, expect, it } from 'vitest';

// happy-dom replaces import.meta.url's scheme, so the folder is found from the project root.
const dir = join(process.cwd(), 'surveys');
const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

describe('every committed survey opens in SurveyJS Creator', () => {
  it.each(files)('%s', (name) => {
    const json = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { pages: { name: string; elements: { name: string }[] }[] };
    const creator = new SurveyCreatorModel({});
    creator.JSON = json;
    expect(creator.survey.jsonErrors ?? []).toEqual([]);
    expect(creator.survey.pages.map((page) => page.name)).toEqual(json.pages.map((page) => page.name));
    expect(creator.survey.getAllQuestions().map((q) => q.name)).toEqual(json.pages.flatMap((page) => page.elements.map((e) => e.name)));
  });
});
