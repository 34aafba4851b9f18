/**
 * The built app's Content-Security-Policy (a meta tag, see src/build/content-security-policy-plugin.ts)
 * lets it reach only the collection origins named at build time. A POST to any other origin is
 * blocked by the browser, so the app checks first and says so, instead of retrying in vain.
 */
export function connectAllowed(url: string, doc: Document = document): boolean {
  const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
  // No policy (the dev server): nothing is blocked.
  if (!meta) return true;
  const directive = (meta.getAttribute('content') ?? '').split(';').map((part) => part.trim().split(/\s+/)).find(([name]) => name === 'connect-src');
  if (!directive) return true;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return directive.slice(1).some((source) => {
    if (source === "'self'") return target.origin === window.location.origin;
    if (source === '*') return true;
    try {
      return new URL(source).origin === target.origin;
    } catch {
      return false;
    }
  });
}

/** The origins the policy allows besides the app's own, to name them to the learner. */
export function allowedCollectionOrigins(doc: Document = document): string[] {
  const content = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
  const directive = content.split(';').map((part) => part.trim().split(/\s+/)).find(([name]) => name === 'connect-src') ?? [];
  return directive.slice(1).filter((source) => !source.startsWith("'"));
}
