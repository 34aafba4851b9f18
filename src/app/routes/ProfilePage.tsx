import { UnreadableNotice } from '../components/UnreadableNotice.tsx';
import { EmptyProfile } from '../profile/EmptyProfile.tsx';
import { ProfileView } from '../profile/ProfileView.tsx';
import { useProfileData } from '../profile/use-profile-data.ts';
import { hrefOf } from '../shell/hash-route.ts';
import '../profile/profile.css';
import '../profile/print.css';

type Props = { frameworkId: string; subjectId: string | null };

/** The learner's profile, or another person's (team view) when the route names a subject. */
export default function ProfilePage({ frameworkId, subjectId }: Props) {
  const state = useProfileData(frameworkId, subjectId);
  switch (state.status) {
    case 'loading':
      return <p role="status">Loading the profile…</p>;
    case 'error':
      return <section><h1>Profile</h1><p className="banner banner-error" role="alert">{state.message}</p></section>;
    case 'no-framework':
      return (
        <section>
          <h1>Framework not found</h1>
          <p>There is no framework "{frameworkId}" in this browser. <a href={hrefOf({ name: 'home' })}>Choose one of the frameworks</a>.</p>
        </section>
      );
    case 'no-learner':
      return <EmptyProfile framework={state.framework} own />;
    case 'ready': {
      const { score, unreadable } = state.data;
      const empty = score.responseCounts.self === 0 && score.responseCounts.others === 0;
      return (
        <>
          <UnreadableNotice count={unreadable} kind="response" leftOutOf="this profile" />
          {empty ? <EmptyProfile framework={state.data.framework} own={state.data.own} /> : <ProfileView data={state.data} />}
        </>
      );
    }
  }
}
