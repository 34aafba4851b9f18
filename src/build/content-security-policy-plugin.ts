import type { Plugin } from 'vite';

/**
 * DESIGN.md: the built app requests nothing but its own origin (and a configured collection
 * endpoint), and says so with a Content-Security-Policy. Collection endpoints are allowed by
 * origin through SKILLSCOPE_COLLECTION_ORIGINS at build time (space separated). Styles need
 * 'unsafe-inline' because SurveyJS and chart.js set style attributes. Only the build gets the
 * policy: Vite's dev server injects inline scripts of its own.
 */
export function contentSecurityPolicy(collectionOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${collectionOrigins.map((origin) => ` ${origin}`).join('')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Only exact HTTPS origins: a wildcard or a scheme alone would open the policy to every site. */
export function collectionOrigins(value: string): string[] {
  const origins = value.split(/\s+/).filter((origin) => origin !== '');
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (parsed === null || parsed.protocol !== 'https:' || parsed.origin !== origin) {
      throw new Error(`SKILLSCOPE_COLLECTION_ORIGINS: "${origin}" is not an https origin such as https://collect.example.org`);
    }
  }
  return origins;
}

export function contentSecurityPolicyPlugin(): Plugin {
  const origins = collectionOrigins(process.env.SKILLSCOPE_COLLECTION_ORIGINS ?? '');
  return {
    name: 'skillscope-content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(origins)}" />`);
    },
  };
}
