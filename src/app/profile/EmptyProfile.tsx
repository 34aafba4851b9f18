import type { Framework } from '../../core/model/framework.ts';
import { hrefOf } from '../shell/hash-route.ts';

/** No counted response yet: say so, and where to begin. */
export function EmptyProfile({ framework, own }: { framework: Framework; own: boolean }) {
  return (
    <section aria-labelledby="profile-title" className="profile-empty">
      <h1 id="profile-title">{framework.title}</h1>
      {own ? (
        <>
          <p className="lead">You have not completed a self-assessment on this framework yet, so there is nothing to show.</p>
          <p className="actions">
            <a className="button" href={hrefOf({ name: 'assess', frameworkId: framework.id })}>Start the self-assessment</a>
            <a href={hrefOf({ name: 'data' })}>Import responses you were sent</a>
          </p>
        </>
      ) : (
        <>
          <p className="lead">There are no responses for this person on this framework in this browser.</p>
          <p className="actions"><a className="button" href={hrefOf({ name: 'data' })}>Import their responses</a></p>
        </>
      )}
    </section>
  );
}
