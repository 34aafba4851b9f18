import { useEffect, useState } from 'react';
import { hrefOf } from '../routes.ts';
import { currentStorageProblem, onStorageProblem } from '../storage/storage-status.ts';

/** DESIGN.md: a full or refused storage is told to the user, never silent. */
export function StorageBanner() {
  const [problem, setProblem] = useState(currentStorageProblem);
  useEffect(() => onStorageProblem(setProblem), []);
  if (problem === null) return null;
  return (
    <div className="banner banner-error" role="alert">
      <strong>{problem.kind === 'full' ? 'Storage full. ' : 'Not saved. '}</strong>
      {problem.message} <a href={hrefOf({ name: 'data' })}>Export your data</a>.
    </div>
  );
}
