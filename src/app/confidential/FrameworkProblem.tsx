import type { CampaignManifest } from '../../core/confidential/campaign-manifest.ts';

/**
 * The campaign's framework is not here, or not the one the coach signed: answering other
 * statements would give the coach a response that does not fit the campaign, so no survey.
 */
export function FrameworkProblem({ manifest, differs }: { manifest: CampaignManifest; differs: boolean }) {
  const wanted = manifest.framework;
  const coach = manifest.coach.name;
  return (
    <section aria-labelledby="framework-problem-title">
      <h1 id="framework-problem-title">This invitation cannot be answered here</h1>
      <div className="banner banner-error" role="alert">
        <p>
          {differs
            ? `The 360 uses ${wanted.title} (${wanted.id}, version ${wanted.version}), and the copy of it in this app is not the one ${coach} signed: its statements differ.`
            : `The 360 uses ${wanted.title} (${wanted.id}, version ${wanted.version}), which this app does not have.`}
        </p>
      </div>
      <p className="lead">
        The link itself is fine and nothing was saved. Tell {coach}: they can send you a link to a copy of Skillscope that has this framework{differs ? ', in the same version' : ''}.
      </p>
    </section>
  );
}
