/**
 * Hash routes: they survive a reload and work from any static host, and what follows `#` never
 * reaches a server (invitation links carry their data there).
 */
export type Route =
  | { name: 'home' }
  | { name: 'assess'; frameworkId: string }
  | { name: 'profile'; frameworkId: string; subjectId: string | null }
  | { name: 'about'; frameworkId: string }
  | { name: 'data' }
  | { name: 'invite'; frameworkId: string }
  | { name: 'rate'; payload: string }
  | { name: 'team' }
  | { name: 'report' }
  | { name: 'coach' }
  | { name: 'not-found'; path: string };

/**
 * Whether a page shows a built-in framework's survey, so needs the framework's surveys file as
 * well as the framework (src/build/builtin-frameworks-plugin.ts). The rater's page reads its
 * framework from the invitation, not from the address. route-preload-plugin.ts writes the same
 * choice into index.html's script; its test checks they agree.
 */
export function showsBuiltinSurvey(route: Route): boolean {
  return route.name === 'assess';
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const parts = path.split('/').filter((part) => part !== '').map(safeDecode);
  const [head, first, second] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (head === 'assess' && first && parts.length === 2) return { name: 'assess', frameworkId: first };
  if (head === 'profile' && first && parts.length <= 3) return { name: 'profile', frameworkId: first, subjectId: second ?? null };
  if (head === 'about' && first && parts.length === 2) return { name: 'about', frameworkId: first };
  if (head === 'invite' && first && parts.length === 2) return { name: 'invite', frameworkId: first };
  if (head === 'rate') return { name: 'rate', payload: path.slice('/rate/'.length) };
  if (head === 'data' && parts.length === 1) return { name: 'data' };
  if (head === 'team' && parts.length === 1) return { name: 'team' };
  if (head === 'report' && parts.length === 1) return { name: 'report' };
  if (head === 'coach' && parts.length === 1) return { name: 'coach' };
  return { name: 'not-found', path };
}

export function hrefOf(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.name) {
    case 'home': return '#/';
    case 'assess': return `#/assess/${enc(route.frameworkId)}`;
    case 'profile': return `#/profile/${enc(route.frameworkId)}${route.subjectId ? `/${enc(route.subjectId)}` : ''}`;
    case 'about': return `#/about/${enc(route.frameworkId)}`;
    case 'invite': return `#/invite/${enc(route.frameworkId)}`;
    case 'rate': return `#/rate/${route.payload}`;
    case 'data': return '#/data';
    case 'team': return '#/team';
    case 'report': return '#/report';
    case 'coach': return '#/coach';
    case 'not-found': return `#${route.path}`;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
