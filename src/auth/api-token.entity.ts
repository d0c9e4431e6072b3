import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../kernel/base.entity';
import { User } from './user.entity';

/**
 * An API token of a service account (e.g. the integration workers). Only its SHA-256
 * hash is stored; the token itself is shown once, when it is created.
 */
@ObjectType({ implements: Node, description: '服务账号的 API 令牌（只保存摘要）。An API token; only its hash is stored.' })
@Entity({ tableName: 'api_token' })
export class ApiToken extends BaseEntity {
  @ManyToOne(() => User, { ref: true, index: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Field({ description: '用途说明。What the token is for.' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: '令牌前缀（便于识别，不足以使用）。Visible prefix, to tell tokens apart.' })
  @Property({ type: 'varchar', length: 16 })
  prefix!: string;

  @Property({ type: 'char', length: 64, unique: true, hidden: true })
  tokenHash!: string;

  @Field(() => Date, { nullable: true, description: '过期时间；为空表示不过期。Expiry; null for none.' })
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '吊销时间。When it was revoked.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '最近使用时间。Last used.' })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;
}
