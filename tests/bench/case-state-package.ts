import { createHash } from 'node:crypto';

/**
 * A state's standards as a CASE server exports them, for the CASE bench: subjects, grades,
 * domains, clusters and standards (five levels deep, too deep and too large for one survey, so
 * the app lists its grades to pick from), written the way OpenSALT writes a CASE 1.0 package:
 * every item with CFDocumentURI, CFItemType and CFItemTypeURI, language, educationalLevel, notes
 * on some standards, URIs on a server, times without a zone, pretty-printed. About 2 KB an item,
 * as the real OpenSALT fixtures in tests/fixtures/case/ are (1.5 to 3.7 KB).
 */

const SUBJECTS = ['Mathematics', 'English Language Arts', 'Science', 'Social Studies'];
const GRADES = ['K', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const DOMAINS_PER_GRADE = 4;
const CLUSTERS_PER_DOMAIN = 4;
const STANDARDS_PER_CLUSTER = 5;
const SERVER = 'https://case.example-state.gov/uri';
const WHEN = '2024-06-30T17:42:08';

/** A stable UUID-shaped identifier for a name, so the same package is written every time. */
function uuidOf(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type StatePackage = { json: string; items: number; associations: number; pickTitle: string; pickIdentifier: string };

/** `items` items in all (at most what the shape holds, 5,252), pretty-printed as OpenSALT does. */
export function statePackage(items: number): StatePackage {
  const documentId = uuidOf('document');
  const documentUri = `${SERVER}/${documentId}`;
  const typeLink = (title: string) => ({ title, identifier: uuidOf(`type:${title}`), uri: `${SERVER}/${uuidOf(`type:${title}`)}` });
  const cfItems: Record<string, unknown>[] = [];
  const cfAssociations: Record<string, unknown>[] = [];
  const link = (identifier: string, title: string) => ({ title, identifier, uri: `${SERVER}/${identifier}` });

  const add = (name: string, parent: { id: string; title: string }, sequence: number, fields: { code: string; full: string; abbreviated?: string; type: string; grade?: string; notes?: string }) => {
    const identifier = uuidOf(name);
    cfItems.push({
      CFDocumentURI: documentUri,
      identifier,
      uri: `${SERVER}/${identifier}`,
      fullStatement: fields.full,
      ...(fields.abbreviated === undefined ? {} : { abbreviatedStatement: fields.abbreviated }),
      humanCodingScheme: fields.code,
      listEnumeration: String(sequence),
      ...(fields.notes === undefined ? {} : { notes: fields.notes }),
      language: 'en',
      ...(fields.grade === undefined ? {} : { educationalLevel: [fields.grade] }),
      CFItemType: fields.type,
      CFItemTypeURI: typeLink(fields.type),
      lastChangeDateTime: WHEN,
      CFItemAssociationURI: `${SERVER}/${identifier}/associations`,
    });
    const associationId = uuidOf(`isChildOf:${name}`);
    cfAssociations.push({
      CFDocumentURI: documentUri,
      identifier: associationId,
      uri: `${SERVER}/${associationId}`,
      associationType: 'isChildOf',
      sequenceNumber: sequence,
      originNodeURI: link(identifier, fields.code),
      destinationNodeURI: link(parent.id, parent.title),
      lastChangeDateTime: WHEN,
    });
    return { id: identifier, title: fields.code };
  };

  let pick = { title: '', identifier: '' };
  const full = () => cfItems.length >= items;
  const root = { id: documentId, title: 'State Standards' };
  SUBJECTS.forEach((subject, s) => {
    if (full()) return;
    const subjectCode = subject.split(' ').map((word) => word[0]).join('');
    const subjectNode = add(`subject:${s}`, root, s + 1, { code: subjectCode, full: `${subject} standards, kindergarten to grade 12.`, abbreviated: subject, type: 'Subject' });
    GRADES.forEach((grade, g) => {
      if (full()) return;
      const gradeCode = `${subjectCode}.${grade}`;
      const gradeTitle = `Grade ${grade} ${subject}`;
      const gradeNode = add(`grade:${s}:${g}`, subjectNode, g + 1, { code: gradeCode, full: `${gradeTitle}: what students know and can do by the end of the year.`, abbreviated: gradeTitle, type: 'Grade Level', grade });
      if (s === 0 && grade === '03') pick = { title: `${gradeCode} ${gradeTitle}`, identifier: gradeNode.id };
      for (let d = 1; d <= DOMAINS_PER_GRADE && !full(); d += 1) {
        const domainCode = `${gradeCode}.D${d}`;
        const domainNode = add(`domain:${s}:${g}:${d}`, gradeNode, d, { code: domainCode, full: `Domain ${d} of ${gradeTitle}: a body of related ideas students build on across the grades.`, abbreviated: `Domain ${d}`, type: 'Domain', grade });
        for (let c = 1; c <= CLUSTERS_PER_DOMAIN && !full(); c += 1) {
          const clusterCode = `${domainCode}.${String.fromCharCode(64 + c)}`;
          const clusterNode = add(`cluster:${s}:${g}:${d}:${c}`, domainNode, c, { code: clusterCode, full: `Understand and use the ideas of cluster ${c} to reason about problems in domain ${d}.`, type: 'Cluster', grade });
          for (let k = 1; k <= STANDARDS_PER_CLUSTER && !full(); k += 1) {
            add(`standard:${s}:${g}:${d}:${c}:${k}`, clusterNode, k, {
              code: `${clusterCode}.${k}`,
              full: `Explain and apply standard ${k} of cluster ${clusterCode}: solve problems in context, justify each step, and compare strategies with others.`,
              type: 'Standard',
              grade,
              ...(k % 2 === 1 ? { notes: `For example, students in grade ${grade} model the situation with a drawing or an equation, then check their answer against the context.` } : {}),
            });
          }
        }
      }
    });
  });

  const pkg = {
    CFDocument: {
      identifier: documentId,
      uri: documentUri,
      creator: 'State Department of Education',
      publisher: 'State Department of Education',
      title: 'State Standards',
      description: 'Content standards for all subjects, kindergarten to grade 12 (a generated package for the bench).',
      adoptionStatus: 'Adopted',
      lastChangeDateTime: WHEN,
      CFPackageURI: `${SERVER}/${documentId}`,
    },
    CFItems: cfItems,
    CFAssociations: cfAssociations,
  };
  return { json: `${JSON.stringify(pkg, null, 4)}\n`, items: cfItems.length, associations: cfAssociations.length, pickTitle: pick.title, pickIdentifier: pick.identifier };
}
