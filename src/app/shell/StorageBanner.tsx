import { useEffect, useState } from 'react';
import { hrefOf } from './hash-route.ts';
import { currentStorageProblem, onStorageProblem, type StorageProblem } from '../storage/storage-status.ts';

const TITLES: Record<StorageProblem['kind'], string> = { full: 'Storage full. ', refused: 'Not saved. ', blocked: 'Waiting for another tab. ' };

/** DESIGN.md: a full or refused storage is told to the user, never silent. */
export function StorageBanner() {
  const [problem, setProblem] = useState(currentStorageProblem);
  useEffect(() => onStorageProblem(setProblem), []);
  if (problem === null) return null;
  return (
    <div className="banner banner-error" role="alert">
      <strong>{TITLES[problem.kind]}</strong>
      {problem.message}{problem.kind !== 'blocked' && <> <a href={hrefOf({ name: 'data' })}>Export your data</a>.</>}
    </div>
  );
}
