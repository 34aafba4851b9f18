import { Suspense, useEffect, useRef } from 'react';
import { hrefOf, type Route } from './hash-route.ts';
import { useRoute } from './use-route.ts';
import { pages } from './route-pages.ts';
import { StorageBanner } from './StorageBanner.tsx';

function page(route: Route) {
  switch (route.name) {
    case 'home': { const Page = pages.home.component(); return <Page />; }
    case 'assess': { const Page = pages.assess.component(); return <Page key={route.frameworkId} frameworkId={route.frameworkId} />; }
    case 'profile': { const Page = pages.profile.component(); return <Page key={route.frameworkId} frameworkId={route.frameworkId} subjectId={route.subjectId} />; }
    case 'about': { const Page = pages.about.component(); return <Page frameworkId={route.frameworkId} />; }
    case 'data': { const Page = pages.data.component(); return <Page />; }
    case 'invite': { const Page = pages.invite.component(); return <Page frameworkId={route.frameworkId} />; }
    case 'rate': { const Page = pages.rate.component(); return <Page key={route.payload} payload={route.payload} />; }
    case 'team': { const Page = pages.team.component(); return <Page />; }
    case 'report': { const Page = pages.report.component(); return <Page />; }
    case 'coach': { const Page = pages.coach.component(); return <Page />; }
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
            <li><a href={hrefOf({ name: 'report' })} aria-current={route.name === 'report' ? 'page' : undefined}>360 reports</a></li>
            <li><a href={hrefOf({ name: 'coach' })} aria-current={route.name === 'coach' ? 'page' : undefined}>Coach</a></li>
          </ul>
        </nav>
      </header>
      <StorageBanner />
      <main id="main" ref={main} tabIndex={-1} className={route.name === 'team' ? 'wide' : undefined}>
        <Suspense fallback={<p role="status">Loading…</p>}>{page(route)}</Suspense>
      </main>
      <footer className="site-footer">
        <p>Skillscope runs entirely in your browser. Nothing you enter leaves it unless you export it or send a response to a collection address you were given.</p>
      </footer>
    </>
  );
}
