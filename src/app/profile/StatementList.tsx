import { useId, useMemo, useState } from 'react';
import type { Framework } from '../../core/model/framework.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import type { StatementScore } from '../../core/score/subject-score.ts';
import { formatFigure, formatGap } from './format-figures.ts';
import { domainLabel, domainNoun, levelLabel } from './profile-labels.ts';
import { selfRatingText } from './rating-text.ts';
import { ALL, filterStatements, type StatementFilter } from './statement-filter.ts';
import { statementById } from '../../core/model/statement-index.ts';
import { COLUMN_TERMS, columnNotes } from './column-terms.ts';
import { AGREEMENT_NOTE, agreementTerm, formatRwg, TOO_FEW_TO_SAY } from './agreement-words.ts';
import { Term } from './Term.tsx';

type Props = {
  framework: Framework;
  statements: StatementScore[];
  othersShown: boolean;
  selfResponse: SurveyResponse | null;
  /** Said for a statement without a self rating where there is no self response to tell why (a 360 report). */
  selfUnrated?: string | undefined;
};

const FLAG_TEXT = { 'blind-spot': 'Blind spot', 'hidden-strength': 'Hidden strength' } as const;

/** Every statement with its ratings, narrowed by level and by domain. */
export function StatementList({ framework, statements, othersShown, selfResponse, selfUnrated }: Props) {
  const id = useId();
  const [filter, setFilter] = useState<StatementFilter>({ level: ALL, domain: ALL });
  const shown = useMemo(() => filterStatements(statements, filter), [statements, filter]);
  const noun = domainNoun(framework, false);
  return (
    <section aria-labelledby="statements-title" className="statement-section">
      <h2 id="statements-title">Statements</h2>
      <div className="filters no-print">
        {framework.levels.length > 0 && (
          <div>
            <label htmlFor={`${id}-level`}>Level</label>
            <select id={`${id}-level`} value={filter.level} onChange={(event) => setFilter({ ...filter, level: event.target.value })}>
              <option value={ALL}>All levels</option>
              {framework.levels.map((level) => <option key={level.id} value={level.id}>{level.label}</option>)}
            </select>
          </div>
        )}
        {framework.domains.length > 0 && (
          <div>
            <label htmlFor={`${id}-domain`}>{noun.charAt(0).toUpperCase() + noun.slice(1)}</label>
            <select id={`${id}-domain`} value={filter.domain} onChange={(event) => setFilter({ ...filter, domain: event.target.value })}>
              <option value={ALL}>All {domainNoun(framework, true)}</option>
              {framework.domains.map((domain) => <option key={domain.id} value={domain.id}>{domain.title}</option>)}
            </select>
          </div>
        )}
      </div>
      {othersShown && <p className="hint statement-terms">{columnNotes(['gap', 'agreement'])} {AGREEMENT_NOTE}</p>}
      <p role="status" className="filter-status">Showing {shown.length} of {statements.length} statements.</p>
      <ol className="statement-list">
        {shown.map((statement) => (
          <li key={statement.statementId} data-statement={statement.statementId}>
            <p className="statement-text">{statementById(framework, statement.statementId)?.text ?? statement.statementId}</p>
            <dl className="statement-figures">
              {statement.level !== null && <div><dt>Level</dt><dd>{levelLabel(framework, statement.level)}</dd></div>}
              {statement.domain !== null && <div><dt>{noun.charAt(0).toUpperCase() + noun.slice(1)}</dt><dd>{domainLabel(framework, statement.domain)}</dd></div>}
              <div><dt>Self</dt><dd data-figure="self">{statement.self === null && selfResponse === null && selfUnrated !== undefined ? selfUnrated : selfRatingText(statement.self, statement.statementId, selfResponse)}</dd></div>
              {othersShown && (
                <>
                  <div><dt>All others</dt><dd data-figure="others">{formatFigure(statement.others)} ({statement.othersRaters} {statement.othersRaters === 1 ? 'rater' : 'raters'})</dd></div>
                  <div><dt>{COLUMN_TERMS.gap.label}</dt><dd data-figure="gap">{formatGap(statement.gap)}</dd></div>
                  <div><dt>{COLUMN_TERMS.agreement.label}</dt><dd data-figure="agreement">{formatFigure(statement.othersSd)}</dd></div>
                  <div>
                    <dt>Agreement</dt>
                    <dd data-figure="rwg" data-rwg={statement.othersRwg === null ? '' : formatRwg(statement.othersRwg)}>
                      {statement.othersRwg === null ? TOO_FEW_TO_SAY : <Term term={agreementTerm(statement.othersRwg)} />}
                    </dd>
                  </div>
                  {statement.flag !== null && <div><dt>Flag</dt><dd className={`flag ${statement.flag}`}>{FLAG_TEXT[statement.flag]}</dd></div>}
                </>
              )}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
