import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

/**
 * Offline GraphiQL IDE.
 *
 * Everything the page needs (React, ReactDOM, GraphiQL's UMD bundle and CSS, and the small
 * script that mounts the IDE) is served by this router from the installed npm packages, so the
 * IDE works on an intranet with no internet access. The GraphiQL CSS embeds its web fonts as
 * `data:` URIs and the bundles load nothing remote; the strict Content-Security-Policy on the
 * page makes sure that stays true (any attempt to reach another origin is blocked).
 *
 * Mount with `app.use(graphiqlRouter({ endpoint: '/graphql' }))`.
 */
export interface GraphiqlOptions {
  /** URL of the GraphQL endpoint the IDE posts to (usually same-origin, e.g. `/graphql`). */
  endpoint: string;
  /** Page title; defaults to "Zhunru 准入 GraphQL IDE". */
  title?: string;
}

const PAGE_PATH = '/graphiql';
const ASSET_PREFIX = '/graphiql/assets';
const DEFAULT_TITLE = 'Zhunru 准入 GraphQL IDE';

/** Content-Security-Policy of the IDE page: nothing may be loaded from another origin. */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL/CodeMirror set inline style attributes, and the page has a small <style> block.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  // The GraphiQL CSS embeds its Roboto / Fira Code fonts as data: URIs.
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

const DEFAULT_QUERY = `# 示例：查询演示县的乡镇和社区（Ctrl+Enter 执行）
# 需要登录时，在下方 Headers 中填写：
# { "Authorization": "Bearer <令牌>" }
{
  regions(level: COUNTY, first: 5) {
    nodes {
      code
      name
    }
  }
}
`;

/**
 * Mounts GraphiQL. Served as a same-origin file (not inline) so that `script-src 'self'` holds;
 * the endpoint is read from the root element's data attribute.
 */
const INIT_JS = `/* Zhunru GraphiQL bootstrap (served by src/http/graphiql.ts). */
(function () {
  'use strict';
  var root = document.getElementById('graphiql');
  var endpoint = root.getAttribute('data-endpoint') || '/graphql';
  var fetcher = GraphiQL.createFetcher({
    url: endpoint,
    // Apollo Server (without graphql 17) does not do @defer/@stream: plain JSON POSTs only.
    enableIncrementalDelivery: false,
    // Lower-case names on purpose: GraphiQL already sets 'content-type', and a differently
    // cased duplicate key would be sent as "application/json, application/json".
    // 'apollo-require-preflight' satisfies Apollo's CSRF prevention. Headers typed into the
    // Headers editor (e.g. Authorization) are merged on top of these.
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true'
    }
  });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
      defaultEditorToolbarTabs: 'headers'
    })
  );
})();
`;

/** Small local favicon, so the browser does not request /favicon.ico. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="6" fill="#e10098"/>' +
  '<text x="16" y="22" font-size="16" text-anchor="middle" fill="#fff" font-family="sans-serif">准</text>' +
  '</svg>';

type AssetSource = { file: string } | { text: string };

interface AssetSpec {
  source: AssetSource;
  contentType: string;
  /** Appended as ?v=… to the URL in the page, so upgrades are not hidden by the one-day cache. */
  version: string;
}

interface LoadedAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

/** Directory of an installed package, found through Node's resolver (no hard-coded node_modules). */
function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

function packageVersion(dir: string): string {
  return String((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: unknown }).version);
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The allow-list: the only names served under /graphiql/assets/. */
function assetSpecs(): Map<string, AssetSpec> {
  const graphiql = packageDir('graphiql');
  const react = packageDir('react');
  const reactDom = packageDir('react-dom');
  const gv = packageVersion(graphiql);
  const rv = packageVersion(react);
  const rdv = packageVersion(reactDom);
  const js = 'text/javascript; charset=utf-8';
  return new Map<string, AssetSpec>([
    ['react.production.min.js', { source: { file: path.join(react, 'umd', 'react.production.min.js') }, contentType: js, version: rv }],
    ['react-dom.production.min.js', { source: { file: path.join(reactDom, 'umd', 'react-dom.production.min.js') }, contentType: js, version: rdv }],
    ['graphiql.min.js', { source: { file: path.join(graphiql, 'graphiql.min.js') }, contentType: js, version: gv }],
    ['graphiql.min.css', { source: { file: path.join(graphiql, 'graphiql.min.css') }, contentType: 'text/css; charset=utf-8', version: gv }],
    // graphiql.min.js ends with "//# sourceMappingURL=index.umd.js.map"; only devtools ask for it.
    ['index.umd.js.map', { source: { file: path.join(graphiql, 'graphiql.min.js.map') }, contentType: 'application/json; charset=utf-8', version: gv }],
    ['init.js', { source: { text: INIT_JS }, contentType: js, version: shortHash(INIT_JS) }],
    ['favicon.svg', { source: { text: FAVICON_SVG }, contentType: 'image/svg+xml', version: shortHash(FAVICON_SVG) }],
  ]);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function renderPage(title: string, endpoint: string, assetUrl: (name: string) => string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="icon" type="image/svg+xml" href="${assetUrl('favicon.svg')}">
<link rel="stylesheet" href="${assetUrl('graphiql.min.css')}">
<style>html, body { height: 100%; margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql" data-endpoint="${escapeHtml(endpoint)}">正在加载 GraphQL IDE…</div>
<noscript>GraphQL IDE 需要启用 JavaScript。</noscript>
<script src="${assetUrl('react.production.min.js')}"></script>
<script src="${assetUrl('react-dom.production.min.js')}"></script>
<script src="${assetUrl('graphiql.min.js')}"></script>
<script src="${assetUrl('init.js')}"></script>
</body>
</html>
`;
}

export function graphiqlRouter(options: GraphiqlOptions): express.Router {
  const router = express.Router();
  const specs = assetSpecs();
  // Files are read on first request (not at start-up) and then kept in memory.
  const loaded = new Map<string, LoadedAsset>();

  const assetUrl = (name: string): string => `${ASSET_PREFIX}/${name}?v=${encodeURIComponent(specs.get(name)!.version)}`;
  const page = Buffer.from(renderPage(options.title ?? DEFAULT_TITLE, options.endpoint, assetUrl), 'utf8');

  const load = (name: string): LoadedAsset | undefined => {
    const cached = loaded.get(name);
    if (cached) return cached;
    const spec = specs.get(name);
    if (!spec) return undefined;
    const body = 'file' in spec.source ? readFileSync(spec.source.file) : Buffer.from(spec.source.text, 'utf8');
    const asset: LoadedAsset = {
      body,
      contentType: spec.contentType,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    };
    loaded.set(name, asset);
    return asset;
  };

  router.get(PAGE_PATH, (_req, res) => {
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': GRAPHIQL_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
    res.send(page);
  });

  router.get(`${ASSET_PREFIX}/:file`, (req, res) => {
    // Only exact allow-listed names (a Map, so "__proto__" and friends are not keys);
    // "../x" or "%2e%2e%2f…" simply do not match any name.
    const name = req.params.file;
    const asset = typeof name === 'string' ? load(name) : undefined;
    res.set('X-Content-Type-Options', 'nosniff');
    if (!asset) {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    res.set({
      'Content-Type': asset.contentType,
      'Cache-Control': 'public, max-age=86400',
      ETag: asset.etag,
    });
    // res.send answers 304 itself when If-None-Match matches the ETag.
    res.send(asset.body);
  });

  return router;
}
