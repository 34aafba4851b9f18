import type { LevelId } from '../model/framework.ts';

/**
 * The AI-at-Work list in 001 has 13 statements and no level headings (DESIGN.md: decide and
 * document the boundaries). They are kept in source order and cut into contiguous blocks, read
 * from each statement's verb and how much of the judgement the worker owns. Each `description`
 * becomes the Level's description, so the app and the README can quote the reasoning.
 */
export type AiAtWorkLevelBlock = {
  level: LevelId;
  /** How many statements, in source order, after the previous block's. */
  count: number;
  description: string;
};

export const AI_AT_WORK_LEVEL_BLOCKS: readonly AiAtWorkLevelBlock[] = [
  {
    level: 'emerging',
    count: 2,
    description:
      'Statements 1-2 (AI-assisted ticket triage, basic knowledge retrieval): the worker uses an AI ' +
      'chatbot or queries an assistant, then confirms what it suggests against documented ' +
      'procedures or manuals. The AI answers a question; the procedure, not the worker, decides.',
  },
  {
    level: 'developing',
    count: 3,
    description:
      'Statements 3-5 (diagnostic delegation, user communication drafting, equipment setup ' +
      'guidance): the worker feeds the AI their own material (error messages, logs), directs it ' +
      'to draft replies, and edits or tests its output before it reaches a user. Statement 5 ' +
      'says "uses", an emerging verb, but it checks whole installation sequences and catches ' +
      'omissions before hand-off, and the blocks stay contiguous, so it sits here.',
  },
  {
    level: 'proficient',
    count: 4,
    description:
      'Statements 6-9 (complex problem decomposition, performance monitoring synthesis, repair ' +
      'specification retrieval, knowledge base curation): the worker decomposes multi-symptom ' +
      'incidents, synthesises AI analysis into their own incident summary and escalation ' +
      'recommendation, and curates a knowledge base, owning the diagnostic logic and the result. ' +
      'Statement 8 "instructs" the AI, a developing verb, but the worker then executes physical ' +
      'repairs on their own verification, between two proficient statements, so it sits here.',
  },
  {
    level: 'advanced',
    count: 4,
    description:
      'Statements 10-13 (workflow orchestration, augmentation boundary governance, time-savings ' +
      'accountability, AI mentorship): the worker designs the AI-assisted pipeline, governs ' +
      'which tasks the AI may do, benchmarks the team\'s results and coaches others: work on ' +
      'the team\'s use of AI, not only their own.',
  },
];

export const AI_AT_WORK_STATEMENT_COUNT = AI_AT_WORK_LEVEL_BLOCKS.reduce((sum, block) => sum + block.count, 0);
