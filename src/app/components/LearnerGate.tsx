import { type ReactNode, useEffect, useId, useState } from 'react';
import { type Learner, loadLearner, newSubjectId, saveLearner } from '../storage/settings.ts';
import { MAX_NAME_CHARS } from '../../core/model/limits.ts';

/**
 * Asks once for the learner's name: it labels their exports (subject_id) and their invitations.
 * Renders children with the learner once known. `known`: the learner as read before the page's
 * first render (null: none stored yet), so that render need not wait for a read of its own.
 */
export function LearnerGate({ children, known }: { children: (learner: Learner) => ReactNode; known?: Learner | null | undefined }) {
  const [learner, setLearner] = useState<Learner | null | undefined>(known);
  // A failed read is not "no learner": writing a new one would orphan every stored response.
  const [readFailed, setReadFailed] = useState(false);
  const [name, setName] = useState('');
  const inputId = useId();

  useEffect(() => {
    if (known !== undefined) return;
    loadLearner().then(
      (value) => setLearner(value ?? null),
      () => {
        setReadFailed(true);
        setLearner(null);
      },
    );
  }, [known]);

  if (learner === undefined) return <p role="status">Loading…</p>;
  if (learner !== null) return <>{children(learner)}</>;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const displayName = name.trim();
    if (displayName === '') return;
    const created = { displayName, subjectId: newSubjectId(displayName) };
    // With storage unreadable the name is kept for this visit only (the banner says why).
    if (!readFailed) await saveLearner(created);
    setLearner(created);
  };

  return (
    <section aria-labelledby={`${inputId}-title`}>
      <h1 id={`${inputId}-title`}>Before you start</h1>
      <form onSubmit={(event) => void submit(event)} className="panel">
        <label htmlFor={inputId}>Your name</label>
        <p className="hint" id={`${inputId}-hint`}>
          {readFailed
            ? "This browser's storage cannot be read, so your name and answers are kept for this visit only. Export your results before you leave."
            : 'Shown to the people you invite for feedback, and used to label your exports. It stays in this browser.'}
        </p>
        <input id={inputId} aria-describedby={`${inputId}-hint`} value={name} onChange={(event) => setName(event.target.value)} autoComplete="name" maxLength={MAX_NAME_CHARS} required />
        <button type="submit">Continue</button>
      </form>
    </section>
  );
}
