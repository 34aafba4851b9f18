import { describe, expect, it } from 'vitest';
import { Answers, allocateCodes, answersFromEntries, NOT_APPLICABLE_CODE, sameAnswers, statementOrder } from '../../../src/core/model/answers.ts';
import { levelled } from '../score/fixtures.ts';

const framework = levelled(2); // emerging-01, emerging-02, developing-01, ... advanced-02

describe('Answers: one code per statement, read like a Map', () => {
  const answers = answersFromEntries([['developing-01', 3], ['emerging-02', null], ['advanced-02', 1]], framework);

  it("keeps answers by the framework's statement position: 0 unanswered, 1-4, 5 for N/A", () => {
    expect(answers.order).toBe(statementOrder(framework));
    expect([...answers.block.subarray(answers.offset, answers.offset + 8)]).toEqual([0, NOT_APPLICABLE_CODE, 3, 0, 0, 0, 0, 1]);
  });

  it('reads a rating, null for N/A, and nothing for an unanswered or unknown statement', () => {
    expect(answers.get('developing-01')).toBe(3);
    expect(answers.get('emerging-02')).toBeNull();
    expect(answers.has('emerging-02')).toBe(true);
    expect(answers.get('emerging-01')).toBeUndefined();
    expect(answers.has('emerging-01')).toBe(false);
    expect(answers.get('no-such-statement')).toBeUndefined();
    expect(answers.get('__proto__')).toBeUndefined();
    expect(answers.size).toBe(3);
  });

  it("iterates the answered statements in the framework's order, whatever order they were given in", () => {
    expect([...answers]).toEqual([['emerging-02', null], ['developing-01', 3], ['advanced-02', 1]]);
    expect([...answers.keys()]).toEqual(['emerging-02', 'developing-01', 'advanced-02']);
    expect([...answers.values()]).toEqual([null, 3, 1]);
  });

  it('keeps answers to statements the framework lacks in an order of their own, losing none', () => {
    const stray = answersFromEntries([['emerging-01', 2], ['not-in-framework', 4]], framework);
    expect(stray.order).not.toBe(statementOrder(framework));
    expect([...stray]).toEqual([['emerging-01', 2], ['not-in-framework', 4]]);
  });

  it('takes the later of two entries for one statement, as a Map does', () => {
    expect(answersFromEntries([['emerging-01', 2], ['emerging-01', 4]], framework).get('emerging-01')).toBe(4);
  });

  it('compares by value: the same answers kept in two orders are the same', () => {
    const inFramework = answersFromEntries([['advanced-02', 1], ['emerging-02', null]], framework);
    const ownOrder = answersFromEntries([['advanced-02', 1], ['emerging-02', null]]);
    expect(sameAnswers(inFramework, ownOrder)).toBe(true);
    expect(sameAnswers(inFramework, answersFromEntries([['advanced-02', 1], ['emerging-02', 2]], framework))).toBe(false);
    expect(sameAnswers(inFramework, answersFromEntries([['advanced-02', 1]], framework))).toBe(false);
    expect(inFramework).toEqual(ownOrder); // tests/support/answers-equality.ts
    expect(inFramework).not.toEqual(answersFromEntries([['advanced-02', 2], ['emerging-02', null]]));
  });

  it('gives every response a row of its own, though rows are cut from shared blocks', () => {
    const rows = Array.from({ length: 1_000 }, () => allocateCodes(84));
    rows.forEach(({ block, offset }, i) => block.fill(i % 100, offset, offset + 84));
    const codesOf = ({ block, offset }: { block: Int8Array; offset: number }) => [...block.subarray(offset, offset + 84)];
    expect(rows.every((row, i) => codesOf(row).every((code) => code === i % 100))).toBe(true);
    const big = allocateCodes(100_000);
    expect(big.block.length - big.offset).toBeGreaterThanOrEqual(100_000);
    const empty = allocateCodes(8);
    expect(new Answers(statementOrder(framework), empty.block, empty.offset).size).toBe(0);
  });
});
