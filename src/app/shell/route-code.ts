import type { Route } from './hash-route.ts';

/**
 * Each route's page module, by route name: plain `import()` calls and nothing else (no React),
 * so that the entry can ask for a route's files first thing (main.tsx), and route-pages.ts
 * makes its lazy components from the same list.
 */
export const routeCode = {
  home: () => import('../routes/HomePage.tsx').then((module) => ({ default: module.HomePage })),
  assess: () => import('../routes/AssessPage.tsx'),
  profile: () => import('../routes/ProfilePage.tsx'),
  about: () => import('../routes/AboutPage.tsx'),
  data: () => import('../routes/DataPage.tsx'),
  invite: () => import('../routes/InvitePage.tsx'),
  rate: () => import('../routes/RatePage.tsx'),
  team: () => import('../routes/TeamPage.tsx'),
  report: () => import('../routes/ReportPage.tsx'),
  coach: () => import('../routes/CoachPage.tsx'),
};

/** Every route but not-found has its code above: a route added without it is a compile error here. */
type EveryRoute<T extends Record<Exclude<Route['name'], 'not-found'>, () => Promise<unknown>>> = T;
export type RouteCode = EveryRoute<typeof routeCode>;
