import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../kernel/base.entity';
import { Region } from '../geography';
import { Community } from '../geography';
import { Department } from '../organisation';
import { Role } from '../kernel/roles';

/**
 * A person or service account. Its role says what it may do; its jurisdiction (a
 * region, a department or a community, depending on the role) bounds where.
 */
@ObjectType({ implements: Node, description: '用户或服务账号。A user or service account.' })
@Entity({ tableName: 'app_user' })
export class User extends BaseEntity<'active' | 'failedSignIns' | 'tokenVersion'> {
  @Field({ description: '登录名。Sign-in name.' })
  @Property({ type: 'varchar', length: 64, unique: true })
  username!: string;

  @Field({ description: '显示名称。Display name.' })
  @Property({ type: 'text' })
  displayName!: string;

  /** bcrypt hash; null for service accounts, which sign in with API tokens only. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  passwordHash?: string | null;

  @Field(() => Role, { description: '角色。Role.' })
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  /** Jurisdiction region (county for reviewers, township for township users, any level for analysts). */
  @ManyToOne(() => Region, { ref: true, nullable: true, deleteRule: 'restrict' })
  region?: Ref<Region> | null;

  @ManyToOne(() => Department, { ref: true, nullable: true, deleteRule: 'restrict' })
  department?: Ref<Department> | null;

  @ManyToOne(() => Community, { ref: true, nullable: true, deleteRule: 'restrict' })
  community?: Ref<Community> | null;

  @Field({ description: '是否启用。Whether the account may sign in.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => Date, { nullable: true, description: '最近登录时间。Last sign-in.' })
  @Property({ type: 'timestamptz', nullable: true })
  lastSignInAt?: Date | null;

  /** Failed sign-ins since `failedSignInsSince` (the lockout window); reset by a successful sign-in. */
  @Property({ type: 'integer', default: 0, hidden: true })
  failedSignIns: number = 0;

  @Property({ type: 'timestamptz', nullable: true, hidden: true })
  failedSignInsSince?: Date | null;

  @Field(() => Date, { nullable: true, description: '锁定至（连续登录失败后锁定）；为空表示未锁定。Locked until, after repeated failed sign-ins.' })
  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;

  /** Goes into every sign-in token; bumping it (password change, "sign out everywhere") invalidates them all. */
  @Property({ type: 'integer', default: 0, hidden: true })
  tokenVersion: number = 0;

  @Field(() => Date, { nullable: true, description: '最近修改密码时间。When the password was last set.' })
  @Property({ type: 'timestamptz', nullable: true })
  passwordChangedAt?: Date | null;

  // Second factor (TOTP, RFC 6238; issue 12). Secrets are encrypted at rest (src/auth/totp.ts).

  /** The TOTP secret in use, encrypted; null when no second factor is enrolled. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  totpSecret?: string | null;

  /** A secret being enrolled (shown once, confirmed with a code), encrypted. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  totpPendingSecret?: string | null;

  @Field(() => Date, { nullable: true, description: '启用动态口令（双因素登录）的时间；为空表示未启用。When the second factor (TOTP) was enabled.' })
  @Property({ type: 'timestamptz', nullable: true })
  totpEnabledAt?: Date | null;

  /** The last TOTP time step accepted: a code is never accepted twice. */
  @Property({ type: 'integer', nullable: true, hidden: true })
  totpLastStep?: number | null;

  /** SHA-256 hashes of the unused recovery codes. */
  @Property({ type: 'json', nullable: true, hidden: true, lazy: true })
  recoveryCodeHashes?: string[] | null;
}
