import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Role } from '../auth/role';
import { Loaders } from './loaders';
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
}

/** Everything a resolver gets: one forked EntityManager, the loaders over it, the actor. */
export interface Context {
  em: EntityManager;
  loaders: Loaders;
  actor: Actor | null;
  requestId: string;
  log: Logger;
  config: Config;
}

export function createContext(parts: { em: EntityManager; actor: Actor | null; requestId: string; log: Logger; config: Config }): Context {
  return { ...parts, loaders: new Loaders(parts.em) };
}

/** The actor, or UNAUTHENTICATED. The one place resolvers get who is asking. */
export function requireActor(ctx: Context): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}
