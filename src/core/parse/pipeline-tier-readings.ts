/**
 * How the OCR'd rows of the PIPELINE tier pyramid read (seed 000). OCR read each tier's boxes
 * line by line across the page, so the words of neighbouring names interleave ("Problem ovative
 * and Solving and inking Organizing Making") and the page edges cut letters off. Each row here
 * is the original (after the word repairs of pipeline-ocr-repairs.ts, cells joined by one
 * space) -> the names it holds, "…" marking lost text; `why` gives the evidence and `lost` what
 * could not be recovered, shown in the framework's `ocr-unrecovered` section.
 */

export type TierRowReading = {
  original: string;
  items: string[];
  why: string;
  lost: string[];
};

export const TIER_ROW_READINGS: readonly TierRowReading[] = [
  {
    original: '*Other on-the-job training associated with a specific occupation',
    items: ['*Other on-the-job training associated with a specific occupation'],
    why: 'reads as it stands once "specific" is rejoined',
    lost: [],
  },
  {
    original: 'Help Desk —— Hardware & Software High Availability Installation/ Design & Incident lanagement',
    items: ['Help Desk', 'Hardware & Software Installation/Deployment', 'High Availability Design & Support', 'Incident Management'],
    why: 'two boxes read across two lines ("Hardware & Software | Installation/", "High Availability | Design &"); "Deployment" and "Support" completed from the competency list, "lanagement" is "Management"',
    lost: [
      'Cross-Occupational Technical Competencies tier: a rule of dashes covers the boxes after Help Desk; the competency list also names Troubleshooting/Repair, Maintenance and User Training, which this tier does not show legibly.',
    ],
  },
  {
    original:
      'Technology Applications Wireless & Software evelopment and Customer Media and Support Visualization Complian Risk Mgmt., Security and Information Assurance',
    items: [
      'Technology Applications',
      'Wireless & …',
      'Software Development and …',
      'Customer … Support',
      '… Media and Visualization',
      'Compliance',
      'Risk Mgmt., Security and Information Assurance',
    ],
    why: 'boxes read across three lines; "evelopment" is "Development", "Complian" is "Compliance"',
    lost: [
      'Industry-Wide Technical Competencies tier: the names are interleaved and cut at the edges; "Wireless & …", "Software Development and …", "Customer … Support" and "… Media and Visualization" are incomplete, and "Technology Applications" may be the ends of two names.',
    ],
  },
  {
    original: 'IT Pillars: Infrastructure Development Security Data',
    items: ['IT Pillars: Infrastructure, Development, Security, Data'],
    why: 'four pillar names in a row',
    lost: [],
  },
  {
    original: 'leamwork ovative Planning Problem ovative and Solving and inking Organizing Making Working With Tools and Technology',
    items: ['Teamwork', '…ovative …ovative and …inking', 'Planning and Organizing', 'Problem Solving and Decision Making', 'Working With Tools and Technology'],
    why: 'boxes read across three lines ("Planning | and | Organizing", "Problem | Solving and | … Making"); "leamwork" is "Teamwork" ("Tea" on the cut-off edge), "Decision" supplied in "Problem Solving and … Making"',
    lost: [
      'Workplace Competencies tier: one box reads only "…ovative", "…ovative and", "…inking" (a thinking competency, perhaps Creative or Innovative Thinking); its name cannot be recovered.',
    ],
  },
  {
    original: 'ding Writing Mathematics Science Communication Analytic Thinking Fundamental',
    items: ['Reading', 'Writing', 'Mathematics', 'Science', 'Communication', 'Analytic Thinking', 'Fundamental …'],
    why: '"ding" is "Reading", cut at the left edge',
    lost: ['Academic Competencies tier: the name beginning "Fundamental" is cut off at the right edge.'],
  },
  {
    original: 'ersonal aptability Lifelon Flexibility Learnir',
    items: ['Interpersonal Skills', 'Adaptability and Flexibility', 'Lifelong Learning'],
    why: '"Inter" + "ersonal" + "Ski" (the cut-off edge) is "Interpersonal Skills"; "aptability | Flexibility" is "Adaptability and Flexibility" (the joining word lost); "Lifelon | Learnir" is "Lifelong Learning"',
    lost: [
      'Personal Effectiveness Competencies tier: an empty box between Interpersonal Skills and Adaptability and Flexibility; the names that stood there are lost.',
    ],
  },
];

/** Cells joined by one space; a rule of dashes, whatever its length, as two dashes. */
export function normaliseTierRow(cells: readonly string[]): string {
  return cells
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/—{2,}/g, '——')
    .trim();
}

export function findTierRowReading(row: string): TierRowReading | undefined {
  return TIER_ROW_READINGS.find((reading) => reading.original === row);
}
