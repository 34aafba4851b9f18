/**
 * Which of our CSV files a header row belongs to, so that one import button (or the score
 * command) takes any of them. Only the responses files are read back; the others are named so
 * that the message can say what the file is.
 */
export type CsvKind = 'responses-long' | 'responses-wide' | 'summary' | 'statements' | 'change' | 'reliability';

export function detectCsvKind(header: readonly string[]): CsvKind | undefined {
  const names = new Set(header.map((cell) => cell.replace(/^\uFEFF/, '').trim()));
  // change.csv and reliability.csv have axis_kind too: told apart first.
  if (names.has('earlier_percent') || names.has('latest_percent')) return 'change';
  if (names.has('alpha')) return 'reliability';
  if (names.has('axis_kind') || names.has('attained_level')) return 'summary';
  if (names.has('others_sd') || names.has('flag')) return 'statements';
  if (names.has('statement_id') || names.has('rating') || names.has('rating_label')) return 'responses-long';
  if (names.has('response_id') || names.has('rater_group') || names.has('submitted_at')) return 'responses-wide';
  return undefined;
}
