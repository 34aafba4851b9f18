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

export function contentSecurityPolicyPlugin(): Plugin {
  const origins = (process.env.SKILLSCOPE_COLLECTION_ORIGINS ?? '').split(/\s+/).filter((origin) => origin !== '');
  return {
    name: 'skillscope-content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(origins)}" />`);
    },
  };
}
