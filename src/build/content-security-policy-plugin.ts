import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * DESIGN.md: the built app requests nothing but its own origin (and a configured collection
 * endpoint), and says so with a Content-Security-Policy. Collection endpoints are allowed by
 * origin through SKILLSCOPE_COLLECTION_ORIGINS at build time (space separated). Styles need
 * 'unsafe-inline' because SurveyJS and chart.js set style attributes. Only the build gets the
 * policy: Vite's dev server injects inline scripts of its own. The build's own inline scripts (the
 * route preload, route-preload-plugin.ts) are allowed one by one, by the sha256 of their text:
 * never 'unsafe-inline', so a script injected into the page still does not run.
 */
export function contentSecurityPolicy(collectionOrigins: readonly string[], inlineScriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self'${inlineScriptHashes.map((hash) => ` '${hash}'`).join('')}`,
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

/** The CSP source of each inline `<script>` of a page (one with no src), as the browser hashes its text. */
export function inlineScriptHashes(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes]) => !/\bsrc\s*=/.test(attributes ?? ''));
  return scripts.map(([, , text]) => `sha256-${createHash('sha256').update(text ?? '', 'utf8').digest('base64')}`);
}

export function contentSecurityPolicyPlugin(): Plugin {
  const origins = collectionOrigins(process.env.SKILLSCOPE_COLLECTION_ORIGINS ?? '');
  return {
    name: 'skillscope-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      // Last (vite.config.ts lists it after every plugin that writes into the page), to hash the inline scripts as they ship.
      order: 'post',
      handler: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(origins, inlineScriptHashes(html))}" />`),
    },
  };
}
