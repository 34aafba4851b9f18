import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';

/** The official CASE schemas in tests/fixtures/case/ (SOURCES.md), compiled once per test file. */
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../fixtures/case/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** CASE 1.1, Draft 2020-12 with formats (uri, date-time, date) checked. */
export function caseV11Validator(): ValidateFunction {
  const { $schema: _drop, ...schema } = fixture('case-v1p1-getcfpackage-schema.json');
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** CASE 1.0: the OpenAPI 2 definitions (JSON Schema draft-04 subset, which Ajv's default dialect reads), CFPackage.Type. */
export function caseV10Validator(): ValidateFunction {
  const swagger = fixture('case-v1p0-swagger.json');
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile({ definitions: swagger.definitions, $ref: '#/definitions/CFPackage.Type' });
}

/** Errors as short lines, so a failing test says where the package breaks the schema. */
export function schemaErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, 20).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
