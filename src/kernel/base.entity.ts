import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { toGlobalId } from './global-id';

/**
 * Relay's `Node`: every object with an identity has a global ID (`id`) that
 * `node(id)` resolves. The global ID is the type name and the database key,
 * base64url-encoded; front ends treat it as opaque.
 */
@InterfaceType('Node', {
  description: '具有全局 ID 的对象（Relay Node）。An object with a global ID, resolvable by `node(id)`.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: '全局 ID（不透明字符串）。Global ID (opaque).' })
  get globalId(): string {
    return toGlobalId(this.constructor.name, (this as unknown as { id: number }).id);
  }
}

/**
 * Columns every table has: a numeric key and creation/update times. `Optional` names
 * further properties `em.create` may leave out (defaults, getters).
 */
// Decorated so that type-graphql passes `createdAt`/`updatedAt` on to every subclass;
// the abstract class itself is referenced by no field, so it never appears in the schema.
@ObjectType()
export abstract class BaseEntity<Optional extends string = never> extends Node {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'globalId' | Optional;

  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Field(() => Date, { description: '创建时间。When the record was created.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: '最后修改时间。When the record was last changed.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
