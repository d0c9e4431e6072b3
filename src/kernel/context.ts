import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Role } from './roles';
import type { Loaders } from './loaders';
import { unauthenticated } from './errors';
import type { Config } from '../config';

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

/**
 * The actor's jurisdiction, resolved once per request (src/auth/permissions.ts
 * `resolveScope`) and installed on the request's EntityManager as the `jurisdiction`
 * filter. "Scope" means this and only this in the code base: where an application's work
 * lands in communities is its *target area* (src/admission).
 */
export interface Scope {
  /** null: not signed in. */
  role: Role | null;
  userId: number;
  /** The region the jurisdiction is (county for county staff and departments, township, any level for analysts); null for admins, service accounts, community workers. */
  regionId: number | null;
  /** Leading code digits every region inside the jurisdiction shares ('' = everything). */
  regionPrefix: string | null;
  /** The county the actor works in (a department's own region, which may be a city or province). */
  countyId: number | null;
  townshipId: number | null;
  communityId: number | null;
  departmentId: number | null;
  /** Counties wholly or partly inside the jurisdiction (one for most roles, many for a city or province analyst). */
  countyIds: number[];
}

/** A signed-in actor's jurisdiction (role known). */
export type ActorScope = Omit<Scope, 'role'> & { role: Role };

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

/** What a request brings before its jurisdiction is resolved (src/auth/request-context.ts makes the Context). */
export type ContextParts = { em: EntityManager; actor: Actor | null; requestId: string; log: Logger; config: Config; clientIp?: string };

/** The actor, or UNAUTHENTICATED. The one place resolvers get who is asking. */
export function requireActor(ctx: Context): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/** The signed-in actor's jurisdiction, or UNAUTHENTICATED. */
export function actorScope(ctx: Context): ActorScope {
  requireActor(ctx);
  return ctx.scope as ActorScope;
}
