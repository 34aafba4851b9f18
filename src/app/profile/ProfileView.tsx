import { type ReactNode, useMemo } from 'react';
import { AfterFirstPaint } from './AfterFirstPaint.tsx';
import { AttainmentSummary } from './AttainmentSummary.tsx';
import { ChangeSection } from './ChangeSection.tsx';
import { earlierSelfOverlay, type Overlay, teamAverageOverlay } from './overlays.ts';
import { ChartsSection } from './ChartsSection.tsx';
import { CommentsSection } from './CommentsSection.tsx';
import { OthersSection } from './OthersSection.tsx';
import { ProfileHeader } from './ProfileHeader.tsx';
import { PrintMargins } from './PrintMargins.tsx';
import { StatementList } from './StatementList.tsx';
import { StrengthsAndPlan } from './StrengthsAndPlan.tsx';
import type { ProfileData } from './use-profile-data.ts';
import { VisibilityNotice } from './VisibilityNotice.tsx';

type Props = {
  data: ProfileData;
  /**
   * For a profile that is not scored from this browser's responses (a coach's signed 360
   * report): its own header and notices in place of the profile's, and what a statement without
   * a self rating says when there is no self response to tell "not answered" from N/A.
   */
  header?: ReactNode;
  notices?: ReactNode;
  selfUnrated?: string | undefined;
};

/**
 * The whole profile, self only or 360: which parts appear follows core's visibility. The first
 * screen (header, attained level, the radars and their tables) is drawn first, the rest after it.
 */
export function ProfileView({ data, header, notices, selfUnrated }: Props) {
  const { framework, score, selfResponse } = data;
  const othersShown = score.visibility.shown.includes('others');
  const anyRater = score.responseCounts.others > 0;
  const { change } = score;
  const teamAverage = data.teamAverage ?? null;
  const overlays = useMemo((): Overlay[] => [
    ...(change === null ? [] : [earlierSelfOverlay(change)]),
    ...(teamAverage === null ? [] : [teamAverageOverlay(teamAverage.averages, teamAverage.learners)]),
  ], [change, teamAverage]);
  return (
    <article aria-labelledby="profile-title" className="profile">
      <PrintMargins whose={data.whose} title={framework.title} />
      {header ?? <ProfileHeader framework={framework} score={score} whose={data.whose} own={data.own} latestSelf={selfResponse?.submittedAt ?? null} earlierSelf={data.earlierSelf} />}
      {notices ?? <VisibilityNotice visibility={score.visibility} />}
      <AttainmentSummary framework={framework} axes={score.axes} groups={score.visibility.shown} statements={score.statements} />
      <ChartsSection framework={framework} score={score} overlays={overlays} />
      <AfterFirstPaint>
        {change !== null && <ChangeSection framework={framework} change={change} own={data.own} />}
        <StrengthsAndPlan framework={framework} score={score} />
        {othersShown && <OthersSection framework={framework} score={score} />}
        {anyRater && <CommentsSection framework={framework} comments={score.comments} counts={score.responseCounts} />}
        <StatementList framework={framework} statements={score.statements} othersShown={othersShown} selfResponse={selfResponse} selfUnrated={selfUnrated} />
      </AfterFirstPaint>
    </article>
  );
}
