import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

/**
 * A static server for the browser benches that does what a static host or CDN does: each built
 * file is read and gzipped once, at startup, and every request is answered with the stored
 * bytes. `vite preview` instead reads and gzips each file as it sends it, on the same two cores
 * as the browser being measured, so a page of many files paid for its server's work (issue 13's
 * survey and profile ratios swung with the machine's load). The app and the bare baseline pages
 * are served the same way, so their comparison stays fair.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
/** Text formats worth compressing; the same threshold as vite preview's compression (1 KiB). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.webmanifest', '.wasm']);
const THRESHOLD = 1024;

type StoredFile = { type: string; plain: Buffer; gzip: Buffer | null; etag: string };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function storeFiles(outDir: string): Map<string, StoredFile> {
  const files = new Map<string, StoredFile>();
  for (const path of filesUnder(outDir)) {
    const ext = extname(path).toLowerCase();
    const plain = readFileSync(path);
    const gzip = COMPRESSIBLE.has(ext) && plain.length >= THRESHOLD ? gzipSync(plain, { level: constants.Z_BEST_COMPRESSION }) : null;
    const etag = `"${createHash('sha1').update(plain).digest('base64url')}"`;
    files.set(`/${relative(outDir, path).split(sep).join('/')}`, { type: TYPES[ext] ?? 'application/octet-stream', plain, gzip, etag });
  }
  return files;
}

/** The stored file a URL names ('/' is index.html); a name not stored, traversal included, is none. */
function fileFor(files: ReadonlyMap<string, StoredFile>, url: string | undefined): StoredFile | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url ?? '/', 'http://bench').pathname);
  } catch {
    return undefined;
  }
  return files.get(pathname.endsWith('/') ? `${pathname}index.html` : pathname);
}

function answer(files: ReadonlyMap<string, StoredFile>, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = fileFor(files, request.url);
  if (file === undefined) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  // As sirv in vite preview: revalidate every time (the bench's contexts are cold anyway).
  const headers: Record<string, string> = { 'content-type': file.type, 'cache-control': 'no-cache', etag: file.etag, vary: 'Accept-Encoding' };
  if (request.headers['if-none-match'] === file.etag) {
    response.writeHead(304, headers).end();
    return;
  }
  const gzip = file.gzip !== null && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const body = gzip && file.gzip !== null ? file.gzip : file.plain;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

export type PrecompressedServer = { origin: string; close(): Promise<void> };

/** Serves `outDir` on a free loopback port; every file is compressed before the first request. */
export async function servePrecompressed(outDir: string): Promise<PrecompressedServer> {
  const files = storeFiles(outDir);
  const server = createServer((request, response) => answer(files, request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
