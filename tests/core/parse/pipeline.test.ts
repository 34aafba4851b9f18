import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/core/model/framework.ts';
import { validateFramework } from '../../../src/core/model/validate-framework.ts';
import { OCR_REPAIRS } from '../../../src/core/parse/pipeline-ocr-repairs.ts';
import { looksLikePipeline, parsePipeline } from '../../../src/core/parse/pipeline.ts';

const FILE = '000_555f8d7572f5c499.txt';
const seedText = (name: string) => readFileSync(new URL(`../../../seeds/${name}`, import.meta.url), 'utf8');
const seed = seedText(FILE);

function parseSeed(): Framework {
  const result = parsePipeline(seed, FILE);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const info = (framework: Framework, id: string) => framework.info.find((section) => section.id === id)?.items ?? [];

/** The seed cut just before the first line that starts with `marker`. */
function cutBefore(marker: string): string {
  const lines = seed.split('\n');
  return lines.slice(0, lines.findIndex((line) => line.startsWith(marker))).join('\n');
}

describe('parsePipeline: the PIPELINE IT Support pathway (seed 000)', () => {
  const framework = parseSeed();
  const text = new Map(framework.statements.map((s) => [s.id, s.text]));

  it('is the built-in framework pipeline-it-support, with no levels and proficient as the standard', () => {
    expect(framework.id).toBe('pipeline-it-support');
    expect(framework.levels).toEqual([]);
    expect(framework.standardLevel).toBe('proficient');
    expect(framework.statements.every((s) => s.level === null)).toBe(true);
  });

  it('rates the 7 cross-occupational and 5 occupation-specific competencies, numbered through each group in source order', () => {
    expect(framework.domains.map((d) => [d.id, d.title, d.kind])).toEqual([
      ['cross-occupational', 'Cross-Occupational Technical Competencies', 'competency-group'],
      ['occupation-specific', 'Occupation-Specific Competencies', 'competency-group'],
    ]);
    expect(framework.statements.filter((s) => s.domain === 'cross-occupational').map((s) => s.id)).toEqual([
      'cross-occupational-01', 'cross-occupational-02', 'cross-occupational-03', 'cross-occupational-04',
      'cross-occupational-05', 'cross-occupational-06', 'cross-occupational-07',
    ]);
    expect(framework.statements.filter((s) => s.domain === 'occupation-specific').map((s) => s.id)).toEqual([
      'occupation-specific-01', 'occupation-specific-02', 'occupation-specific-03', 'occupation-specific-04', 'occupation-specific-05',
    ]);
  });

  it('words each statement as "Competency: definition", the definition word for word', () => {
    expect(text.get('cross-occupational-01')).toBe(
      'Help Desk: Learn to assist with problems and provide guidance about products such as computers, electronic equipment and software.',
    );
    expect(text.get('cross-occupational-04')).toBe('User Training: deliver end user training to support the development of the team.');
    expect(text.get('cross-occupational-05')).toBe(
      'Hardware & Software Installation/Deployment: Understanding of procedures to install, configure, operate and repair individual workstations and software applications.',
    );
    expect(text.get('cross-occupational-07')).toBe(
      'Incident Management: Learn to identify, analyze and correct hazards to prevent a future IT re-occurrence.',
    );
    expect(text.get('occupation-specific-01')).toBe(
      'Customer Service Procedures: Practice good customer service skills by using professional communication techniques and technical expertise.',
    );
  });

  it('splits the two competencies the source runs together on one line', () => {
    expect(text.get('occupation-specific-04')).toBe(
      'IT Help Ticket Tracking Software: Use of software to create, update and resolve reported customer issues.',
    );
    expect(text.get('occupation-specific-05')).toBe(
      'Company Specific Software: Demonstrate ability to locate, fix or bypass errors in company specific software.',
    );
  });

  it('keeps no underline tags or markdown in the statements', () => {
    for (const statement of framework.statements) expect(statement.text).not.toMatch(/<\/?u>|\*\*|–/);
  });

  it('says where each competency goes in the training plan', () => {
    expect(framework.statements[0]?.source).toContain('Related Instruction Competencies');
    expect(framework.statements.at(-1)?.source).toContain('On-The-Job Training Competencies');
  });

  it('passes validateFramework', () => {
    expect(validateFramework(framework)).toEqual([]);
  });

  it('credits the PIPELINE Program and the U.S. Department of Labor model it is based on', () => {
    expect(framework.attributions).toEqual([
      {
        publisher: 'PIPELINE Program',
        text: 'PIPELINE Program. Based on the Information Technology Competency Model, Employment and Training Administration, U.S. Dept. of Labor, September 2012.',
        licence: null,
        sourceFile: FILE,
      },
    ]);
    expect(info(framework, 'based-on')).toEqual([
      'Based on: Information Technology Competency Model Employment and Training Administration, U.S Dept. of Labor, September 2012.',
    ]);
  });

  it('lists the certifications, misread letters repaired', () => {
    expect(info(framework, 'certifications')).toEqual([
      'CompTIA A+', 'CompTIA Network+', 'CompTIA Server+', 'ITIL Foundations', 'CCNA or CCNP',
      'MCSA or MCSE', 'HDI SCA', 'HDI TSP', 'Apple ACSP', 'VCP',
    ]);
  });

  it('lists the occupations with wrapped lines joined back into their item', () => {
    const occupations = info(framework, 'occupations');
    expect(occupations[0]).toBe('Application Support Lead/Manager/Technician');
    expect(occupations).toContain('Applications: Analyst/Developer/Engineer/Production Support/Specialist');
    expect(occupations).toContain('Network: Administrator/Analyst/Consultant/Engineer/Manager/Operations Analyst/Specialist/Support/Technician');
    expect(occupations).toContain('Systems Support: Administrator/Representative/Specialist');
    expect(occupations).toContain(
      'Help Desk: Administrator/Agent/Analyst/Technician/Associate/Coordinator/Engineer/Representative/Specialist/Support/Team Lead',
    );
    expect(occupations).toContain('Technical Support: Advisor/Agent/Analyst/Assistant/Associate/Coordinator/Lead/Professional/Supervisor/Technician');
    expect(occupations).toContain('Technical Help Desk');
    expect(occupations).toContain('PC Analyst');
    expect(occupations).not.toContain('Support');
    expect(occupations).not.toContain('Manager/Operations Analyst/Specialist/Support/Technician');
    expect(occupations.at(-1)).toMatch(/^This list is intended to be a guide of potential occupations/);
  });

  it('lists the training plan: what to record, then the competencies of each group', () => {
    expect(info(framework, 'training-plan')).toEqual([
      'For each competency, the plan records: List Course/Training Name and Title; Description of Courses and/or Training Program; List Responsible Provider: Company, College, Trainer, or other; Anticipated Completion Date.',
      'Related Instruction Competencies: Help Desk; Troubleshooting/Repair; Maintenance; User Training; Hardware & Software Installation/Deployment; High Availability Design & Support; Incident Management',
      'On-The-Job Training Competencies: Customer Service Procedures; Troubleshooting Protocol; Communication Skills; IT Help Ticket Tracking Software; Company Specific Software',
    ]);
  });

  it('reads the tiers top to bottom with the words OCR split or misread repaired', () => {
    const tiers = info(framework, 'tiers');
    expect(tiers.map((tier) => tier.split(':')[0])).toEqual([
      'Employer-Specific Requirements',
      'Occupation-Specific Competencies*',
      'Cross-Occupational Technical Competencies*',
      'Industry-Wide Technical Competencies',
      'Workplace Competencies',
      'Academic Competencies',
      'Personal Effectiveness Competencies',
      '*The PIPELINE Program recommends the Industry-Sector Technical Competencies as formal training opportunities (provided through related instruction) and the Occupation-Specific Competencies as on-the-job training opportunities.',
    ]);
    expect(tiers[1]).toBe(
      'Occupation-Specific Competencies*: Customer Service Procedures; Troubleshooting Protocol; Communication Skills; IT Help Ticket Tracking Software; Company Specific Software; *Other on-the-job training associated with a specific occupation',
    );
    expect(tiers[2]).toContain('Incident Management');
    expect(tiers[3]).toContain('Compliance; Risk Mgmt., Security and Information Assurance; IT Pillars: Infrastructure, Development, Security, Data');
    expect(tiers[4]).toContain('Teamwork');
    expect(tiers[4]).toContain('Problem Solving and Decision Making');
    expect(tiers[5]).toMatch(/^Academic Competencies: Reading; Writing; Mathematics;/);
    expect(tiers[6]).toBe('Personal Effectiveness Competencies: Interpersonal Skills; Adaptability and Flexibility; Lifelong Learning');
  });

  it('leaves none of the garbled words anywhere in the framework', () => {
    const all = JSON.stringify(framework);
    for (const garbled of ['Cross-Occupa\\t', 'itional', 'lanagement', 'leamwork', 'Infrastructur\\t', 'Lifelon ', 'Learnir', 'Inter Ski Tea', 'Speciali st', 'ComTIA', 'MCSF', 'HCI ', 'spec occupation']) {
      expect(all).not.toContain(garbled);
    }
  });

  it('applies every repair in its table to text that is really in the seed', () => {
    for (const repair of OCR_REPAIRS) expect(seed).toContain(repair.original);
  });

  it('records what OCR damaged beyond repair, so the app can show the source is damaged there', () => {
    const lost = info(framework, 'ocr-unrecovered');
    expect(framework.info.find((section) => section.id === 'ocr-unrecovered')?.title).toMatch(/damaged/i);
    expect(lost.some((item) => item.includes('rule of dashes'))).toBe(true);
    expect(lost.some((item) => item.includes('"Fundamental"'))).toBe(true);
    expect(lost.some((item) => item.includes('…ovative'))).toBe(true);
    expect(lost.some((item) => item.includes('Wireless & …'))).toBe(true);
    expect(lost.some((item) => item.includes('empty box between Interpersonal Skills'))).toBe(true);
  });

  it('reads the same file saved with CRLF line ends and a byte-order mark', () => {
    const result = parsePipeline(`\uFEFF${seed.replace(/\n/g, '\r\n')}`, FILE);
    expect(result.ok && result.value).toEqual(framework);
  });

  it('names the source file without its folder', () => {
    const result = parsePipeline(seed, `seeds/${FILE}`);
    expect(result.ok && result.value.attributions[0]?.sourceFile).toBe(FILE);
  });
});

describe('looksLikePipeline', () => {
  it('recognises the PIPELINE document and no other seed', () => {
    expect(looksLikePipeline(seed)).toBe(true);
    for (const other of ['001_328dda3a84282345.txt', '002_3d0578821ae78574.txt', '003_dc02c747e2b8d488.txt', '004_eed0be7385241fbd.txt']) {
      expect(looksLikePipeline(seedText(other))).toBe(false);
    }
  });
});

describe('parsePipeline refuses a damaged file, listing every problem', () => {
  const codes = (text: string) => {
    const result = parsePipeline(text, 'bad.txt');
    if (result.ok) throw new Error('expected the file to be refused');
    for (const issue of result.issues) expect(issue.file).toBe('bad.txt');
    return result.issues;
  };

  it('refuses an empty file', () => {
    expect(codes('  \n').map((issue) => issue.code)).toEqual(['pipeline.empty-file']);
  });

  it('names every section missing from a file cut before the occupation-specific competencies', () => {
    const issues = codes(cutBefore('#### Occupation-Specific Competencies'));
    expect(issues.filter((issue) => issue.code === 'pipeline.missing-section').map((issue) => issue.path)).toEqual([
      'occupationSpecific', 'certifications', 'trainingPlan',
    ]);
  });

  it('refuses a file that lacks its certifications', () => {
    const lines = seed.split('\n');
    const start = lines.findIndex((line) => line.includes('Certifications**'));
    const end = lines.findIndex((line) => line.startsWith('### IT Support Career Cluster Pathway Training Plan'));
    const issues = codes([...lines.slice(0, start), ...lines.slice(end)].join('\n'));
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['pipeline.missing-section', 'certifications']]);
  });

  it('finds a file cut inside the training plan: the competencies it no longer lists', () => {
    const issues = codes(cutBefore('IT Help Ticket Tracking Software\t'));
    const rowOf = (start: string) => seed.split('\n').findIndex((line) => line.startsWith(start)) + 1;
    expect(issues.map((issue) => [issue.code, issue.row])).toEqual([
      ['pipeline.training-plan-mismatch', rowOf('<u>IT Help Ticket Tracking Software</u>')],
      ['pipeline.training-plan-mismatch', rowOf('<u>IT Help Ticket Tracking Software</u>')],
    ]);
    expect(issues.map((issue) => issue.message).join(' ')).toContain('"Company Specific Software" is missing from the training plan');
  });

  it('finds a definition cut mid-sentence, on its own row though repairs joined lines above it', () => {
    const lines = seed.split('\n');
    const row = lines.findIndex((line) => line.startsWith('<u>Incident Management</u>'));
    const cut = [...lines.slice(0, row), '<u>Incident Management</u> – Learn to identify, analyze'].join('\n');
    const issues = codes(cut);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'pipeline.truncated-definition', row: row + 1, path: 'crossOccupational' }));
    expect(issues.filter((issue) => issue.code === 'pipeline.missing-section').map((issue) => issue.path)).toEqual(['occupationSpecific', 'certifications', 'trainingPlan']);
  });

  it('refuses the seed cut short at any line, without throwing', () => {
    const lines = seed.split('\n');
    const lastStatementRow = lines.findIndex((line) => line.startsWith('Company Specific Software\t'));
    for (let end = 0; end < lastStatementRow; end += 1) {
      const result = parsePipeline(lines.slice(0, end).join('\n'), 'bad.txt');
      expect(result.ok, `cut after line ${end}`).toBe(false);
    }
  });

  it('refuses text that is not the PIPELINE document without throwing', () => {
    const issues = codes('PIPELINE Program\nnothing else here\n\ttab\t—\n');
    expect(issues.length).toBeGreaterThanOrEqual(6);
    expect(issues.every((issue) => issue.code === 'pipeline.missing-section')).toBe(true);
  });
});
