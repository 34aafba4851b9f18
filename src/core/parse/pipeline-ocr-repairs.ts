/**
 * The PIPELINE document (seed 000) was converted from a PDF by OCR, which split words across
 * table cells, misread letters and broke wrapped lines into new bullets. Each repair is listed
 * here, original -> repaired, with the evidence, so a reviewer can check every one. A repair
 * whose original is not in the text does nothing: a cleaner copy of the document needs none.
 * The tier pyramid's interleaved rows are read in pipeline-tier-readings.ts.
 */

export type OcrRepair = {
  original: string;
  repaired: string;
  why: string;
};

export const OCR_REPAIRS: readonly OcrRepair[] = [
  // Tier headings of the pyramid, split by a cell border (the letter at the split doubled).
  { original: 'Cross-Occupa\titional', repaired: 'Cross-Occupational', why: 'word split by a cell border, "i" doubled' },
  { original: 'Wor\trkplace', repaired: 'Workplace', why: 'word split by a cell border, "r" doubled' },
  { original: 'Aca\tdemic', repaired: 'Academic', why: 'word split by a cell border' },
  { original: 'Persona\tI Effectiveness', repaired: 'Personal Effectiveness', why: 'word split by a cell border, "l" read as "I"' },
  { original: 'Infrastructur\tre', repaired: 'Infrastructure', why: 'word split by a cell border, "r" doubled' },
  { original: 'spec occupation\tific', repaired: 'specific occupation', why: '"specific" split around "occupation" by a cell border' },
  {
    original: 'Inter Ski Tea',
    repaired: '',
    why: 'the pyramid\'s cut-off left edge ("Inter", "Ski" of Interpersonal Skills, "Tea" of Teamwork), read where the tiers are',
  },
  // Occupations: wrapped lines read as new bullets, a word split, a lost slash.
  { original: 'Speciali st', repaired: 'Specialist', why: 'word split by a line wrap' },
  { original: 'It Help Desk', repaired: 'IT Help Desk', why: 'every other title writes "IT"' },
  {
    original: 'Engineer/\n- Manager/Operations',
    repaired: 'Engineer/Manager/Operations',
    why: 'the wrapped line of "Network: ..." read as a new bullet (the item before ends with "/")',
  },
  {
    original: 'Engineer/ Software\n- Support',
    repaired: 'Engineer/Software Support',
    why: 'the wrapped line of "Systems: ..." read as a new bullet ("Support" alone is no occupation)',
  },
  { original: 'Supervisor\n\nTechnician', repaired: 'Supervisor/Technician', why: 'the slash before the wrapped last title lost' },
  // Certifications: letters misread.
  { original: 'ComTIA', repaired: 'CompTIA', why: '"p" lost; the other CompTIA certifications are spelled in full' },
  { original: 'MCSA or MCSF', repaired: 'MCSA or MCSE', why: '"E" read as "F": Microsoft\'s MCSA and MCSE certifications' },
  { original: 'HCI SCA', repaired: 'HDI SCA', why: '"D" read as "C": HDI Support Center Analyst' },
  { original: 'HCI TSP', repaired: 'HDI TSP', why: '"D" read as "C": HDI Technical Support Professional' },
];

const lineBreaks = (text: string): number => text.split('\n').length - 1;

/**
 * The text with every repair applied. A repair that joins lines adds the line breaks it removed
 * after its text, so that every later line keeps its row number for issues.
 */
export function applyOcrRepairs(text: string): string {
  let repaired = text;
  for (const repair of OCR_REPAIRS) {
    const padding = '\n'.repeat(Math.max(0, lineBreaks(repair.original) - lineBreaks(repair.repaired)));
    repaired = repaired.split(repair.original).join(repair.repaired + padding);
  }
  return repaired;
}
