import type { ScoreGroup } from '../../core/score/score-groups.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { DASH_NAMES, SERIES_STYLES } from './series-styles.ts';

/** A key in words and line samples, so no group is told apart by colour alone. */
export function ChartKey({ groups }: { groups: ScoreGroup[] }) {
  if (groups.length < 2) return null;
  return (
    <ul className="chart-key">
      {groups.map((group) => (
        <li key={group}>
          <svg width="36" height="10" aria-hidden="true" focusable="false">
            <line x1="0" y1="5" x2="36" y2="5" stroke={SERIES_STYLES[group].colour} strokeWidth="3" strokeDasharray={SERIES_STYLES[group].dash.join(' ') || undefined} />
          </svg>
          {groupLabel(group)}: {DASH_NAMES[group]}
        </li>
      ))}
    </ul>
  );
}
