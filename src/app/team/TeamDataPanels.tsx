import { type ComponentType, lazy, Suspense, useState } from 'react';
import type { Framework } from '../../core/model/framework.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import type { ExportPanel as ExportPanelComponent } from '../data/ExportPanel.tsx';
import type { ImportPanel as ImportPanelComponent } from '../data/ImportPanel.tsx';

/**
 * The team view's import and export panels, below the table, hold the readers and writers of
 * every file format (14 files of code). They are asked for as soon as the team view's code runs,
 * but the table no longer waits for them: it is drawn once the stored responses are scored
 * (`npm run bench -- import`).
 */
function preloadedPanel<P extends object>(load: () => Promise<ComponentType<P>>): () => ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  const loading = load().then((component) => {
    loaded = component;
    return { default: component };
  });
  loading.catch(() => undefined); // a failed download reaches the page through the lazy component
  const Lazy = lazy(() => loading);
  // Once the code is here its own component is used, so React shows no fallback for it (a
  // Suspense fallback, once shown, stays at least 300 ms).
  return () => loaded ?? Lazy;
}

const importPanel = preloadedPanel<Parameters<typeof ImportPanelComponent>[0]>(() => import('../data/ImportPanel.tsx').then((module) => module.ImportPanel));
const exportPanel = preloadedPanel<Parameters<typeof ExportPanelComponent>[0]>(() => import('../data/ExportPanel.tsx').then((module) => module.ExportPanel));

type Props = { responses: readonly SurveyResponse[]; frameworks: ReadonlyMap<string, Framework>; onImported: () => void };

export function TeamDataPanels({ responses, frameworks, onImported }: Props) {
  // Chosen once: switching from the lazy component to the loaded one would remount the panel and
  // lose an import under way (files chosen, waiting for their framework file).
  const [{ ImportPanel, ExportPanel }] = useState(() => ({ ImportPanel: importPanel(), ExportPanel: exportPanel() }));
  return (
    <Suspense fallback={<p role="status">Loading the import and export…</p>}>
      <ImportPanel
        title="Import the team's responses"
        description="Any learner's files: self-assessments and rater responses (.json), responses-long.csv or responses-wide.csv exports, or response codes, for as many learners as you like; each learner gets a row."
        onImported={onImported}
      />
      <ExportPanel title="Export for the whole team" responses={responses} frameworks={frameworks} />
    </Suspense>
  );
}
