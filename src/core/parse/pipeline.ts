import type { Domain, Framework, InfoSection, Statement } from '../model/framework.ts';
import { statementId } from '../model/ids.ts';
import { type Issue, type Result, inFile } from '../model/result.ts';
import { validateFramework } from '../model/validate-framework.ts';
import { type Competency, readCompetencies } from './pipeline-competencies.ts';
import { findSection, type PipelineLine, type PipelineSection, readSections, splitPipelineLines } from './pipeline-layout.ts';
import { type PlanGroup, readRequiredList, readTrainingPlan, type TrainingPlan } from './pipeline-lists.ts';
import { applyOcrRepairs } from './pipeline-ocr-repairs.ts';
import { describeTier, readTiers } from './pipeline-tiers.ts';

/**
 * The PIPELINE Program's IT Support pathway competency model (seed 000): a tier pyramid, 7
 * cross-occupational technical and 5 occupation-specific competencies, possible occupations and
 * certifications, and a training plan. The source has no proficiency levels: the rated
 * statements are the 12 competencies, and meeting them all is `proficient` (README).
 */

const FRAMEWORK_ID = 'pipeline-it-support';
const PUBLISHER = 'PIPELINE Program';
const ATTRIBUTION =
  'PIPELINE Program. Based on the Information Technology Competency Model, Employment and Training Administration, U.S. Dept. of Labor, September 2012.';

type DomainSource = { id: string; name: string; heading: RegExp; path: string };

/** The two competency groups, in the document's order; headings as the document words them. */
const DOMAINS: readonly DomainSource[] = [
  { id: 'cross-occupational', name: 'Cross-Occupational Technical Competencies', heading: /^Cross-Occupational Technical Competencies\b/i, path: 'crossOccupational' },
  { id: 'occupation-specific', name: 'Occupation-Specific Competencies', heading: /^Occupation-Specific Competencies\b/i, path: 'occupationSpecific' },
];
const OCCUPATIONS = /^Possible .*Occupations$/i;
const CERTIFICATIONS = /^Possible .*Certifications$/i;
const TRAINING_PLAN = /Training Plan$/i;
const MODEL_TITLE = /^Competency Model for /i;
const BASED_ON = /^Based on:/i;
const RECOMMENDATION = /^\*The PIPELINE Program recommends/i;

type Issues = Omit<Issue, 'file'>[];

export function looksLikePipeline(text: string): boolean {
  return /PIPELINE Program/.test(text) && /Career Cluster Pathway/i.test(text);
}

export function parsePipeline(text: string, file: string): Result<Framework> {
  if (text.trim() === '') {
    return { ok: false, issues: [{ code: 'pipeline.empty-file', file, path: '', message: 'The file is empty.' }] };
  }
  const issues: Issues = [];
  const lines = splitPipelineLines(applyOcrRepairs(text.replace(/\r\n?/g, '\n')));
  const sections = readSections(lines);
  const required = (heading: RegExp, path: string, what: string): PipelineSection | undefined => {
    const section = findSection(sections, heading);
    if (section === undefined) {
      issues.push({ code: 'pipeline.missing-section', path, message: `The ${what} section is missing: the file may be cut short or not the PIPELINE document.` });
    }
    return section;
  };

  const model = required(MODEL_TITLE, 'title', '"Competency Model for ..." heading with the tier pyramid');
  const domainSections = DOMAINS.map((domain) => required(domain.heading, domain.path, `"${domain.name}"`));
  const occupations = required(OCCUPATIONS, 'occupations', '"Possible ... Occupations"');
  const certifications = required(CERTIFICATIONS, 'certifications', '"Possible ... Certifications"');
  const planSection = required(TRAINING_PLAN, 'trainingPlan', '"... Training Plan"');

  const competencies = DOMAINS.map((domain, index) => {
    const section = domainSections[index];
    return section === undefined ? [] : readCompetencies(section, domain.path, issues);
  });
  const plan = planSection === undefined ? undefined : readTrainingPlan(planSection, 'trainingPlan', issues);
  if (plan !== undefined) checkPlanAgainstCompetencies(plan, competencies.flat(), issues);

  const modelLines = model?.lines ?? [];
  const basedOnAt = modelLines.findIndex((line) => BASED_ON.test(line.text));
  if (model !== undefined && basedOnAt === -1) {
    issues.push({ code: 'pipeline.missing-section', row: model.row, path: 'basedOn', message: 'The "Based on: ..." note under the tier pyramid is missing.' });
  }
  const pyramid = basedOnAt === -1 ? modelLines : modelLines.slice(0, basedOnAt);
  const tiers = readTiers(pyramid, competencies.flat().map((competency) => competency.name));
  if (model !== undefined && tiers.tiers.length === 0) {
    issues.push({ code: 'pipeline.missing-section', row: model.row, path: 'tiers', message: 'No tier of the competency model ("... Competencies") was found under the title.' });
  }

  const occupationList = occupations === undefined ? undefined : readRequiredList(occupations, 'occupations', issues);
  const certificationList = certifications === undefined ? undefined : readRequiredList(certifications, 'certifications', issues);
  if (issues.length > 0 || model === undefined || plan === undefined || occupationList === undefined || certificationList === undefined) {
    return { ok: false, issues: inFile(file, issues) };
  }

  const domains: Domain[] = [];
  const statements: Statement[] = [];
  DOMAINS.forEach((source, index) => {
    const section = domainSections[index] as PipelineSection;
    const [title = section.heading, ...rest] = section.heading.split(/,\s*/);
    const group = plan.groups.find((candidate) => candidate.competencies.some((entry) => entry.name === competencies[index]?.[0]?.name));
    domains.push({ id: source.id, title, kind: 'competency-group', description: describeDomain(rest.join(', '), group), mandatory: true });
    (competencies[index] ?? []).forEach((competency, position) => {
      statements.push({
        id: statementId(source.id, position + 1),
        // DESIGN.md's 4-point scale rates the competency as the source defines it.
        text: `${competency.name}: ${competency.definition}`,
        level: null,
        domain: source.id,
        source: `${title}, no. ${position + 1}${group === undefined ? '' : `; training plan: ${group.title}`}`,
      });
    });
  });

  const basedOn = (modelLines[basedOnAt] as PipelineLine).text;
  const recommendation = lineText(modelLines, RECOMMENDATION);
  const info: InfoSection[] = [
    {
      id: 'tiers',
      title: 'Tiers of the competency model, top to bottom',
      items: [...tiers.tiers.map(describeTier), ...(recommendation === undefined ? [] : [recommendation])],
    },
    { id: 'occupations', title: occupations?.heading ?? '', items: [...occupationList.items, ...occupationList.notes] },
    { id: 'certifications', title: certifications?.heading ?? '', items: certificationList.items },
    { id: 'training-plan', title: planSection?.heading ?? '', items: describePlan(plan) },
    { id: 'based-on', title: 'Based on', items: [basedOn] },
  ];
  if (tiers.lost.length > 0) {
    info.push({ id: 'ocr-unrecovered', title: 'Damaged in the source: not recovered', items: tiers.lost });
  }

  const counts = competencies.map((list) => list.length);
  const framework: Framework = {
    id: FRAMEWORK_ID,
    title: `${PUBLISHER}: ${model.heading}`,
    version: 'undated',
    description:
      `The ${PUBLISHER}'s competency model for the IT Support career cluster pathway: ${counts[0]} cross-occupational technical competencies ` +
      `(formal training through related instruction) and ${counts[1]} occupation-specific competencies (on-the-job training). ` +
      'The source has no proficiency levels: a learner who meets every competency is proficient.',
    attributions: [{ publisher: PUBLISHER, text: ATTRIBUTION, licence: null, sourceFile: baseName(file) }],
    levels: [],
    standardLevel: 'proficient',
    domains,
    statements,
    info,
    alignments: [],
  };
  const invalid = validateFramework(framework);
  return invalid.length > 0 ? { ok: false, issues: inFile(file, invalid) } : { ok: true, value: framework };
}

/** Every competency must be both defined and in the training plan; one missing from either is a cut or a misprint. */
function checkPlanAgainstCompetencies(plan: TrainingPlan, competencies: readonly Competency[], issues: Issues): void {
  const defined = new Set(competencies.map((competency) => competency.name));
  const planned = new Set(plan.groups.flatMap((group) => group.competencies.map((entry) => entry.name)));
  for (const group of plan.groups) {
    for (const entry of group.competencies) {
      if (!defined.has(entry.name)) {
        issues.push({ code: 'pipeline.training-plan-mismatch', row: entry.row, path: 'trainingPlan', message: `The training plan lists "${entry.name}", which no competency section defines.` });
      }
    }
  }
  for (const competency of competencies) {
    if (!planned.has(competency.name)) {
      issues.push({ code: 'pipeline.training-plan-mismatch', row: competency.row, path: 'trainingPlan', message: `Competency "${competency.name}" is missing from the training plan: the file may be cut short.` });
    }
  }
}

function describeDomain(headingRest: string, group: PlanGroup | undefined): string {
  const parts: string[] = [];
  if (headingRest !== '') parts.push(`${headingRest.charAt(0).toUpperCase()}${headingRest.slice(1)}.`);
  if (group !== undefined) parts.push(`The training plan lists them under "${group.title}".`);
  return parts.join(' ');
}

function describePlan(plan: TrainingPlan): string[] {
  const items: string[] = [];
  if (plan.columns.length > 0) items.push(`For each competency, the plan records: ${plan.columns.join('; ')}.`);
  for (const group of plan.groups) items.push(`${group.title}: ${group.competencies.map((entry) => entry.name).join('; ')}`);
  return items;
}

function lineText(lines: readonly PipelineLine[], pattern: RegExp): string | undefined {
  return lines.find((line) => pattern.test(line.text))?.text;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).at(-1) ?? file;
}
