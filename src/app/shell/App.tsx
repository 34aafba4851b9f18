import { lazy, Suspense, useEffect, useRef } from 'react';
import { HomePage } from '../routes/HomePage.tsx';
import { hrefOf, type Route } from '../routes.ts';
import { useRoute } from '../use-route.ts';
import { StorageBanner } from './StorageBanner.tsx';

// survey-core and chart.js are large: each loads with the route that needs it (STACK-NOTES.md).
const AssessPage = lazy(() => import('../routes/AssessPage.tsx'));
const ProfilePage = lazy(() => import('../routes/ProfilePage.tsx'));
const DataPage = lazy(() => import('../routes/DataPage.tsx'));
const AboutPage = lazy(() => import('../routes/AboutPage.tsx'));
const InvitePage = lazy(() => import('../routes/InvitePage.tsx'));
const RatePage = lazy(() => import('../routes/RatePage.tsx'));
const TeamPage = lazy(() => import('../routes/TeamPage.tsx'));

function page(route: Route) {
  switch (route.name) {
    case 'home': return <HomePage />;
    case 'assess': return <AssessPage key={route.frameworkId} frameworkId={route.frameworkId} />;
    case 'profile': return <ProfilePage key={route.frameworkId} frameworkId={route.frameworkId} subjectId={route.subjectId} />;
    case 'about': return <AboutPage frameworkId={route.frameworkId} />;
    case 'data': return <DataPage />;
    case 'invite': return <InvitePage frameworkId={route.frameworkId} />;
    case 'rate': return <RatePage key={route.payload} payload={route.payload} />;
    case 'team': return <TeamPage />;
    default: return <NotFound />;
  }
}

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>There is no page at this address. <a href={hrefOf({ name: 'home' })}>Go to the frameworks</a>.</p>
    </section>
  );
}

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  // Move focus to the new page's content on navigation, so keyboard and screen-reader users land there.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route.name]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); main.current?.focus(); }}>Skip to content</a>
      <header className="site-header">
        <a className="brand" href={hrefOf({ name: 'home' })}>Skillscope</a>
        <nav aria-label="Main">
          <ul>
            <li><a href={hrefOf({ name: 'home' })} aria-current={route.name === 'home' ? 'page' : undefined}>Frameworks</a></li>
            <li><a href={hrefOf({ name: 'data' })} aria-current={route.name === 'data' ? 'page' : undefined}>Your data</a></li>
            <li><a href={hrefOf({ name: 'team' })} aria-current={route.name === 'team' ? 'page' : undefined}>Team</a></li>
          </ul>
        </nav>
      </header>
      <StorageBanner />
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<p role="status">Loading…</p>}>{page(route)}</Suspense>
      </main>
      <footer className="site-footer">
        <p>Skillscope runs entirely in your browser. Nothing you enter leaves it unless you export it or send a response to a collection address you were given.</p>
      </footer>
    </>
  );
}
