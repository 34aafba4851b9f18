/**
 * The CASE 1.0 and 1.1 package as Skillscope writes it: only the fields the exporter fills, each
 * spelled as the official schemas spell it (shared/case/README.md §1). Optional fields are left
 * out rather than set to null ([IG11] "Do not use NULL values").
 */
export type CaseVersion = '1.0' | '1.1';
export const CASE_VERSIONS: readonly CaseVersion[] = ['1.1', '1.0'];

/** LinkURI: a reference whose identifier is a CASE UUID. */
export type CaseLink = { title: string; identifier: string; uri: string };

/** 1.1 `extensions`: keys of the form `namespace:name`, as the 1.1 schema's patternProperties ask. */
export type CaseExtensions = Record<string, unknown>;

export type CaseDocument = {
  identifier: string;
  uri: string;
  frameworkType?: string;
  caseVersion?: '1.1';
  creator: string;
  title: string;
  lastChangeDateTime: string;
  description?: string;
  version?: string;
  notes?: string;
  extensions?: CaseExtensions;
};

export type CaseItem = {
  identifier: string;
  uri: string;
  fullStatement: string;
  abbreviatedStatement?: string;
  humanCodingScheme?: string;
  CFItemType: string;
  CFItemTypeURI: CaseLink;
  notes?: string;
  lastChangeDateTime: string;
  extensions?: CaseExtensions;
};

export type CaseAssociationType = 'isChildOf' | 'precedes' | 'hasSkillLevel';

export type CaseAssociation = {
  identifier: string;
  uri: string;
  associationType: CaseAssociationType;
  sequenceNumber?: number;
  originNodeURI: CaseLink;
  destinationNodeURI: CaseLink;
  lastChangeDateTime: string;
};

export type CaseItemType = {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  hierarchyCode: string;
  lastChangeDateTime: string;
};

export type CaseRubricLevel = {
  identifier: string;
  uri: string;
  description: string;
  quality: string;
  score: number;
  position: number;
  rubricCriterionId: string;
  lastChangeDateTime: string;
};

export type CaseRubricCriterion = {
  identifier: string;
  uri: string;
  category: string;
  CFItemURI: CaseLink;
  position: number;
  rubricId: string;
  lastChangeDateTime: string;
  CFRubricCriterionLevels: CaseRubricLevel[];
};

export type CaseRubric = {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  lastChangeDateTime: string;
  CFRubricCriteria: CaseRubricCriterion[];
};

export type CasePackage = {
  CFDocument: CaseDocument;
  CFItems: CaseItem[];
  CFAssociations: CaseAssociation[];
  CFDefinitions: { CFItemTypes: CaseItemType[] };
  CFRubrics: CaseRubric[];
};

/** The item types the exporter writes, by what they stand for in Skillscope's model. */
export const ITEM_TYPES = {
  level: 'Proficiency Level',
  statement: 'Statement',
  domain: 'Domain',
  'competency-area': 'Competency Area',
  'work-situation': 'Work Situation',
  'competency-group': 'Competency Group',
} as const;

/** The extension keys of a 1.1 export (1.0 allows no extensions, so a 1.0 export has none). */
export const EXTENSION_KEYS = {
  framework: 'skillscope:framework',
  domain: 'skillscope:domain',
  statement: 'skillscope:statement',
} as const;
