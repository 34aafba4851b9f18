import type { Answers } from '../model/answers.ts';
import type { Framework } from '../model/framework.ts';
import { crc32 } from './crc32.ts';

/**
 * Answers as one character per statement in the framework's order (0 unanswered, 1-4, n for
 * N/A), the compact form response codes and sealed codes carry, with a fingerprint of the
 * statement ids so that a code made for another framework or version is refused, not misread.
 */
export const statementsFingerprint = (framework: Framework): number =>
  crc32(new TextEncoder().encode(framework.statements.map((s) => s.id).join('\n')));

export function encodeRatings(answers: Answers, framework: Framework): string {
  return framework.statements.map((s) => {
    if (!answers.has(s.id)) return '0';
    const rating = answers.get(s.id);
    return rating === null || rating === undefined ? 'n' : String(rating);
  }).join('');
}

/**
 * The answers of a rating string, as a response file's `answers` object: a character that is
 * no rating is kept as text, for the file's reader to refuse with its usual message.
 */
export function decodeRatings(ratings: string, framework: Framework): Record<string, number | string | null> {
  const answers: Record<string, number | string | null> = Object.create(null);
  framework.statements.forEach((statement, index) => {
    const char = ratings.charAt(index);
    if (char === 'n') answers[statement.id] = null;
    else if (char === '1' || char === '2' || char === '3' || char === '4') answers[statement.id] = Number(char);
    else if (char !== '0') answers[statement.id] = char;
  });
  return answers;
}
