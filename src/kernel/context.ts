import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Role } from '../auth/role';
import { Loaders } from './loaders';
import { unauthenticated } from './errors';
import type { Config } from '../config';
import { applyJurisdiction, resolveScope, type Scope } from '../auth/permissions';

/** The signed-in user or service account behind a request, as resolvers see it. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  regionId: number | null;
  departmentId: number | null;
  communityId: number | null;
  /** How the request authenticated. */
  via: 'jwt' | 'api-token';
  /** Where the user works, read with the user at sign-in check (src/auth/permissions.ts resolves the scope from it). */
  jurisdiction?: { regionId: number | null; regionCode: string | null; regionLevel: string | null; countyId: number | null; townshipId: number | null };
}

/** Everything a resolver gets: one forked EntityManager, the loaders over it, the actor. */
export interface Context {
  em: EntityManager;
  loaders: Loaders;
  actor: Actor | null;
  requestId: string;
  log: Logger;
  config: Config;
  /** The actor's jurisdiction (src/auth/permissions.ts); `em` reads only inside it. */
  scope: Scope;
  /** The client's address (as Express reads it), for rate limits charged by cost. */
  clientIp?: string;
}

type ContextParts = { em: EntityManager; actor: Actor | null; requestId: string; log: Logger; config: Config; clientIp?: string };

/**
 * The context of one request: resolves the actor's jurisdiction and installs it on the
 * request's EntityManager as the `jurisdiction` filter, so every read through `ctx.em`,
 * its loaders and its transactions stays inside it.
 */
export async function createContext(parts: ContextParts): Promise<Context> {
  const scope = await resolveScope(parts.em, parts.actor);
  applyJurisdiction(parts.em, scope);
  return { ...parts, scope, loaders: new Loaders(parts.em) };
}

/** The actor, or UNAUTHENTICATED. The one place resolvers get who is asking. */
export function requireActor(ctx: Context): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}
