import type { AddressInfo } from 'node:net';
import http, { type Server } from 'node:http';
import express from 'express';
import { graphiqlRouter } from '../src/http/graphiql';

/**
 * The offline GraphiQL IDE: the page may only reference same-origin assets, every asset must be
 * served, and none of them may point the browser at the internet (fonts, CDNs).
 */

// Hosts that legitimately appear inside the bundled JS but are never fetched: XML namespace
// URIs (w3.org) and links/doc URLs inside error messages and comments.
const INERT_JS_HOSTS = new Set(['www.w3.org', 'github.com', 'reactjs.org', 'en.wikipedia.org', 'commonmark.org', 'codemirror.net']);

// References that would make a browser load something remote.
const REMOTE_PATTERNS: RegExp[] = [
  /@import\s+(?:url\(\s*)?['"]?\s*(?:https?:)?\/\//i,
  /url\(\s*['"]?\s*(?:https?:)?\/\//i,
  /\/\/fonts\./i,
  /unpkg\.com/i,
  /jsdelivr\.(?:net|com)/i,
  /cdnjs\.cloudflare\.com/i,
];

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(graphiqlRouter({ endpoint: '/graphql' }));
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
});

function expectedContentType(pathname: string): RegExp {
  if (pathname.endsWith('.js')) return /^text\/javascript\b/;
  if (pathname.endsWith('.css')) return /^text\/css\b/;
  if (pathname.endsWith('.svg')) return /^image\/svg\+xml\b/;
  throw new Error(`unexpected asset type: ${pathname}`);
}

describe('GraphiQL IDE', () => {
  let html: string;
  let pageHeaders: Headers;

  beforeAll(async () => {
    const res = await fetch(`${base}/graphiql`);
    expect(res.status).toBe(200);
    pageHeaders = res.headers;
    html = await res.text();
  });

  it('serves an HTML page with a strict CSP', () => {
    expect(pageHeaders.get('content-type')).toMatch(/^text\/html\b/);
    const csp = pageHeaders.get('content-security-policy');
    expect(csp).toBeTruthy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("font-src 'self' data:");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>Zhunru 准入 GraphQL IDE</title>');
    expect(html).toContain('data-endpoint="/graphql"');
    // script-src 'self' forbids inline scripts: every <script> must have a src.
    for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) expect(tag).toMatch(/\ssrc=/);
  });

  it('references only same-origin assets, all served with the right type and no remote references', async () => {
    const refs = [...html.matchAll(/\s(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]);
    // react, react-dom, graphiql js + css, init.js, favicon
    expect(refs.length).toBeGreaterThanOrEqual(5);
    const pathnames = refs.map((ref) => new URL(ref, `${base}/graphiql`).pathname);
    for (const name of ['react.production.min.js', 'react-dom.production.min.js', 'graphiql.min.js', 'graphiql.min.css', 'init.js']) {
      expect(pathnames).toContain(`/graphiql/assets/${name}`);
    }

    for (const ref of refs) {
      // Relative or root-relative, never protocol-relative or absolute.
      expect(ref).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
      expect(ref.startsWith('//')).toBe(false);
      const url = new URL(ref, `${base}/graphiql`);
      expect(url.origin).toBe(base);

      const res = await fetch(url);
      expect({ ref, status: res.status }).toEqual({ ref, status: 200 });
      expect(res.headers.get('content-type')).toMatch(expectedContentType(url.pathname));
      expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const body = await res.text();
      expect(body.length).toBeGreaterThan(0);

      if (/\.(?:js|css)$/.test(url.pathname)) {
        for (const pattern of REMOTE_PATTERNS) {
          const hit = pattern.exec(body);
          expect({ ref, remote: hit && body.slice(Math.max(0, hit.index - 60), hit.index + 80) }).toEqual({ ref, remote: null });
        }
        const hosts = new Set([...body.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1].toLowerCase()));
        if (url.pathname.endsWith('.css')) {
          // The stylesheet must not mention any remote URL at all (fonts are data: URIs).
          expect({ ref, hosts: [...hosts] }).toEqual({ ref, hosts: [] });
        } else {
          // A new host in an upgraded bundle must be looked at before it is allowed here.
          expect({ ref, hosts: [...hosts].filter((h) => !INERT_JS_HOSTS.has(h)) }).toEqual({ ref, hosts: [] });
        }
      }
    }
  });

  it('mounts GraphiQL from init.js with the Apollo CSRF header', async () => {
    const res = await fetch(`${base}/graphiql/assets/init.js`);
    const js = await res.text();
    expect(js).toContain('GraphiQL.createFetcher');
    expect(js).toContain("'apollo-require-preflight': 'true'");
    expect(js).toContain("'content-type': 'application/json'");
    expect(js).toContain('data-endpoint');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await fetch(`${base}/graphiql/assets/graphiql.min.css`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    await first.arrayBuffer();
    // Not fetch(): per the Fetch spec it adds "Cache-Control: no-cache" to conditional requests,
    // which (correctly) disables the server's freshness check. A browser cache revalidates plainly.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get(`${base}/graphiql/assets/graphiql.min.css`, { headers: { 'If-None-Match': etag! } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        })
        .on('error', reject);
    });
    expect(status).toBe(304);
  });

  it.each([
    '/graphiql/assets/unknown.js',
    '/graphiql/assets/..%2Fpackage.json',
    '/graphiql/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/graphiql/assets/..%5Cpackage.json',
    '/graphiql/assets/__proto__',
    '/graphiql/assets/constructor',
    '/graphiql/assets/graphiql.min.js%00.css',
  ])('gives 404 for %s', async (path) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(404);
    await res.arrayBuffer();
  });
});
