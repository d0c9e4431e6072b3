import { Arg, Ctx, ID, Query, Resolver, Authorized } from 'type-graphql';
import { Node } from './base.entity';
import type { Context } from './context';
import { fromGlobalId } from './global-id';
import { badInput } from './errors';

/** Reached only through their own queries, which apply their access rules (tokens, audit, shared data, dead letters). */
const NOT_NODES = new Set(['ApiToken', 'AuditEvent', 'CollectedValue', 'SyncRejectedRecord']);
const SIGNED_IN_ONLY = new Set(['User']);

type EntityClass = abstract new (...args: never[]) => object;

/**
 * `node(id)` / `nodes(ids)` over the given entities (src/db/entities.ts, passed in by
 * src/schema.ts): GraphQL type name → entity class, for every entity that is a `Node`.
 * API tokens are reached only through the admin mutations; users need a signed-in actor.
 */
export function createNodeResolver(entities: readonly EntityClass[]) {
  const NODE_TYPES = new Map<string, EntityClass>(entities.filter((e) => e.prototype instanceof Node && !NOT_NODES.has(e.name)).map((e) => [e.name, e]));

  @Resolver()
  class NodeResolver {
    @Authorized()
    @Query(() => Node, { nullable: true, description: '按全局 ID 取任一对象。Any object by its global ID.' })
    node(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '全局 ID。Global ID.' }) id: string): Promise<Node | null> {
      const { type, id: key } = fromGlobalId(id, [...NODE_TYPES.keys()]);
      if (SIGNED_IN_ONLY.has(type) && !ctx.actor) return Promise.resolve(null);
      return ctx.loaders.byId(NODE_TYPES.get(type)! as never).load(key) as Promise<Node | null>;
    }

    @Authorized()
    @Query(() => [Node], { nullable: 'items', description: '按全局 ID 批量取对象（最多 100 个），顺序与输入一致。Objects by global IDs, in order.' })
    nodes(@Ctx() ctx: Context, @Arg('ids', () => [ID], { description: '全局 ID 列表。Global IDs.' }) ids: string[]): Promise<Array<Node | null>> {
      if (ids.length > 100) {
        throw badInput('一次最多查询 100 个 ID', 'At most 100 IDs at a time', [{ field: 'ids', message: '最多 100 个', messageEn: 'at most 100' }]);
      }
      return Promise.all(ids.map((id) => this.node(ctx, id)));
    }
  }
  return NodeResolver;
}
