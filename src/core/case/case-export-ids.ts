import type { CaseVersion } from './case-package.ts';
import { URL_NAMESPACE, uuidV5 } from './uuid-v5.ts';

/**
 * Skillscope's own UUID namespace: version 5 of a name no one else uses, under the URL namespace.
 * Every exported identifier descends from it, so the same framework always gets the same ones.
 */
export const SKILLSCOPE_CASE_NAMESPACE = uuidV5(URL_NAMESPACE, 'https://skillscope.invalid/case/v1');

/** The CFDocument's identifier: from the framework id alone, so it survives new versions. */
export function documentIdentifier(frameworkId: string): string {
  return uuidV5(SKILLSCOPE_CASE_NAMESPACE, `framework:${frameworkId}`);
}

/** Identifiers of everything inside the package, named under the document's identifier. */
export function memberIdentifier(documentId: string, name: string): string {
  return uuidV5(documentId, name);
}

/** The REST path segment of each kind of CASE object ([RB11]). */
export type CaseEndpoint = 'CFDocuments' | 'CFItems' | 'CFAssociations' | 'CFItemTypes' | 'CFRubrics' | 'CFRubricCriteria' | 'CFRubricCriterionLevels';

/**
 * An object's `uri`. [IG11] §4.1 prefers the object's own CASE REST URL; an offline export has no
 * server, so without a base URL the URI is `urn:uuid:` and the identifier, which is a valid URI
 * and names the object for good.
 */
export function caseUri(identifier: string, endpoint: CaseEndpoint, version: CaseVersion, baseUrl: string | undefined): string {
  if (baseUrl === undefined) return `urn:uuid:${identifier}`;
  const root = baseUrl.replace(/\/+$/, '');
  return `${root}/ims/case/${version === '1.1' ? 'v1p1' : 'v1p0'}/${endpoint}/${identifier}`;
}
