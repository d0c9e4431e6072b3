import type { Context, ContextParts } from '../kernel/context';
import { Loaders } from '../kernel/loaders';
import { applyJurisdiction, resolveScope } from './permissions';

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
