import { useEffect, useRef, useState } from 'react';
import type { CompletingEvent, CurrentPageChangingEvent } from 'survey-core';
import { type AnswerProgress, isAnswered, pagesWithUnanswered } from '../../core/generate/answer-progress.ts';
import type { SurveyData } from '../../core/generate/survey-data.ts';
import { NOT_APPLICABLE_LABEL } from '../../core/model/rating-scale.ts';
import type { AnswerCountingSurvey } from './answer-counting-survey.ts';
import './survey.css';

type Audience = keyof typeof NOT_APPLICABLE_LABEL;

type Held =
  | { kind: 'blank-page'; page: string; title: string; next: string }
  | { kind: 'unanswered'; progress: AnswerProgress };

const LEFT_OUT: Record<Audience, string> = {
  self: 'A statement you leave unanswered is left out of your profile',
  rater: 'A statement you leave unanswered is left out of the feedback',
};

/**
 * Answers are optional, but never skipped by accident: Next on a page with nothing answered
 * stops and says so, and Complete first lists how many statements are unanswered, with a button
 * to each page that has some. Either way the user can go on, on purpose.
 */
export function AnswerCheck({ model, audience }: { model: AnswerCountingSurvey; audience: Audience }) {
  const [held, setHeld] = useState<Held | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Pages the user chose to leave blank, and a Complete they confirmed: asked once, not again.
  const leftBlank = useRef(new Set<string>());
  const confirmed = useRef(false);

  useEffect(() => {
    const onPageChanging = (_: unknown, options: CurrentPageChangingEvent) => {
      if (!options.isGoingForward) return setHeld(null);
      const leaving = model.answerProgress().pages.find((page) => page.name === options.oldCurrentPage.name);
      if (leaving !== undefined && leaving.answered === 0 && !leftBlank.current.has(leaving.name)) {
        options.allow = false;
        setHeld({ kind: 'blank-page', page: leaving.name, title: options.oldCurrentPage.processedTitle, next: options.newCurrentPage.processedTitle });
      } else {
        setHeld(null);
      }
    };
    const onCompleting = (_: unknown, options: CompletingEvent) => {
      const progress = model.answerProgress();
      if (progress.answered < progress.total && !confirmed.current) {
        options.allow = false;
        setHeld({ kind: 'unanswered', progress });
      }
    };
    // An answer given after the message changes what it would say.
    const onValueChanged = () => {
      setHeld((now) => {
        if (now === null) return now;
        if (now.kind === 'blank-page') return null;
        const progress = model.answerProgress();
        return progress.answered < progress.total ? { kind: 'unanswered', progress } : null;
      });
    };
    model.onCurrentPageChanging.add(onPageChanging);
    model.onCompleting.add(onCompleting);
    model.onValueChanged.add(onValueChanged);
    return () => {
      model.onCurrentPageChanging.remove(onPageChanging);
      model.onCompleting.remove(onCompleting);
      model.onValueChanged.remove(onValueChanged);
    };
  }, [model]);

  // The message appears below the survey's buttons: focus takes keyboard and screen reader users
  // to it when it appears, not again while answers update it.
  const shown = held === null ? '' : held.kind === 'blank-page' ? `blank:${held.page}` : 'unanswered';
  useEffect(() => {
    if (shown !== '') heading.current?.focus();
  }, [shown]);

  if (held === null) return null;

  /** To a page's first unanswered statement (survey-core turns to its page and scrolls to it). */
  const goTo = (name: string) => {
    setHeld(null);
    const page = model.answerProgress().pages.find((candidate) => candidate.name === name);
    const first = page?.statements.find((id) => !isAnswered(model.data as SurveyData, id)) ?? page?.statements[0];
    if (first !== undefined) model.getQuestionByName(first)?.focus();
  };

  if (held.kind === 'blank-page') {
    return (
      <section className="answer-check banner banner-warn" aria-labelledby="answer-check-title">
        <h2 id="answer-check-title" ref={heading} tabIndex={-1}>Nothing answered on {held.title}</h2>
        <p>
          {LEFT_OUT[audience]}. Answers are optional, and "{NOT_APPLICABLE_LABEL[audience]}" is an answer too. You can go on now and come back to this page later.
        </p>
        <p className="actions">
          <button type="button" onClick={() => {
            leftBlank.current.add(held.page);
            setHeld(null);
            model.nextPage();
          }}>Go on to {held.next}</button>
          <button type="button" className="secondary" onClick={() => goTo(held.page)}>Answer {held.title}</button>
        </p>
      </section>
    );
  }

  const { progress } = held;
  const unanswered = progress.total - progress.answered;
  return (
    <section className="answer-check banner banner-warn" aria-labelledby="answer-check-title">
      <h2 id="answer-check-title" ref={heading} tabIndex={-1}>
        {unanswered} of {progress.total} statement{progress.total === 1 ? '' : 's'} {unanswered === 1 ? 'is' : 'are'} unanswered
      </h2>
      <p>
        {audience === 'self'
          ? `Your profile would rest on the ${progress.answered} statement${progress.answered === 1 ? '' : 's'} you answered: unanswered ones are left out of every figure.`
          : 'Unanswered statements are left out of every figure of the feedback.'}
        {' '}Answers are optional, and "{NOT_APPLICABLE_LABEL[audience]}" is an answer too.
      </p>
      <ul className="answer-check-pages">
        {pagesWithUnanswered(progress).map((page) => (
          <li key={page.name}>
            <button type="button" className="link-button" onClick={() => goTo(page.name)}>{model.getPageByName(page.name)?.processedTitle ?? page.title}</button>
            {': '}{page.unanswered} of {page.total} unanswered
          </li>
        ))}
      </ul>
      <p className="actions">
        <button type="button" onClick={() => {
          confirmed.current = true;
          setHeld(null);
          model.tryComplete();
        }}>Complete with {unanswered} unanswered</button>
      </p>
    </section>
  );
}
