import { useId, useState } from 'react';
import { readFingerprint } from '../../core/confidential/coach-signing-key.ts';

/**
 * The coach's fingerprint, to compare with the one the coach gave the rater: anyone can sign a
 * manifest with a key of their own (a learner too), so the signature alone does not say the
 * coach made the link. Typing it in is optional; the comparison reads it as a person types it.
 */
export function FingerprintCheck({ coach, fingerprint }: { coach: string; fingerprint: string }) {
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const read = typed.trim() === '' ? undefined : readFingerprint(typed);
  return (
    <section className="panel" aria-labelledby="fingerprint-title">
      <h2 id="fingerprint-title">Check that the link comes from {coach}</h2>
      <p>
        {coach}'s key fingerprint: <strong className="fingerprint">{fingerprint}</strong>
      </p>
      <p>
        Compare it with the fingerprint {coach} gave you (in person, by phone, or in a message you trust). If they differ, do not answer: someone other than {coach} made this link, and could read what you write.
      </p>
      <p>
        <label htmlFor={inputId}>Fingerprint {coach} gave you (optional, to compare it here)</label>
        <input id={inputId} className="code-box fingerprint-input" value={typed} onChange={(event) => setTyped(event.currentTarget.value)} autoComplete="off" spellCheck={false} />
      </p>
      <div aria-live="polite">
        {typed.trim() !== '' && read === undefined && <p className="muted">A fingerprint has 16 letters and digits in four groups, such as {fingerprint.replace(/[0-9A-Z]/g, 'X')}.</p>}
        {read !== undefined && read === fingerprint && <p className="banner banner-ok">It matches: this link was made with {coach}'s key.</p>}
        {read !== undefined && read !== fingerprint && <p className="banner banner-error">It does not match. Do not answer: this link was not made with the key {coach} gave you. Ask {coach} for the link again.</p>}
      </div>
    </section>
  );
}
