import type { ScoreGroup } from '../../core/score/score-groups.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import type { Overlay } from './overlays.ts';
import { DASH_NAMES, OVERLAY_DASH_NAMES, OVERLAY_STYLES, SERIES_STYLES, type SeriesStyle } from './series-styles.ts';

/** A key in words and line samples, so no group is told apart by colour alone. */
export function ChartKey({ groups, overlays = [] }: { groups: ScoreGroup[]; overlays?: Overlay[] }) {
  if (groups.length + overlays.length < 2) return null;
  return (
    <ul className="chart-key">
      {groups.map((group) => <KeyItem key={group} style={SERIES_STYLES[group]} text={`${groupLabel(group)}: ${DASH_NAMES[group]}`} />)}
      {overlays.map((overlay) => <KeyItem key={overlay.key} style={OVERLAY_STYLES[overlay.key]} text={`${overlay.label}: ${OVERLAY_DASH_NAMES[overlay.key]}`} />)}
    </ul>
  );
}

function KeyItem({ style, text }: { style: SeriesStyle; text: string }) {
  return (
    <li>
      <svg width="36" height="10" aria-hidden="true" focusable="false">
        <line x1="0" y1="5" x2="36" y2="5" stroke={style.colour} strokeWidth="3" strokeDasharray={style.dash.join(' ') || undefined} />
      </svg>
      {text}
    </li>
  );
}
