import type { Express } from 'express';

/**
 * Every route an Express app serves, read from its router (Express 5 / router 2): method,
 * full path pattern (mount paths joined), and whether it was declared through
 * src/http/routes.ts `route()`. Routes mounted later — by any module — show up here
 * without anyone listing them.
 */
export interface AppRoute {
  method: string;
  path: string;
}

interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  /** A router (its stack), or a whole app mounted as middleware (Express 4: _router, Express 5: router). */
  handle?: { stack?: LayerLike[]; _router?: { stack?: LayerLike[] }; router?: { stack?: LayerLike[] } };
}

export function appRoutes(app: Express): AppRoute[] {
  const out: AppRoute[] = [];
  const walk = (stack: LayerLike[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of [layer.route.path].flat()) {
          for (const [method, on] of Object.entries(layer.route.methods))
            if (on && method !== '_all') out.push({ method: method.toUpperCase(), path: `${prefix}${String(path)}` });
        }
      } else {
        const inner = layer.handle?.stack ?? layer.handle?._router?.stack ?? layer.handle?.router?.stack;
        if (!inner) continue;
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(inner, `${prefix}${mount}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: LayerLike[] } }).router.stack, '');
  return out;
}

/** A concrete path for a pattern: `:param` filled, `*splat` and `{…}` optional parts resolved. */
export function concrete(pattern: string, fill = 'x'): string {
  return (
    pattern
      .replace(/\{[^}]*\}/g, '')
      .replace(/:(\w+)/g, fill)
      .replace(/\*(\w+)/g, fill) || '/'
  );
}
