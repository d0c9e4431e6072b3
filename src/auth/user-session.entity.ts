import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A sign-in session (one JWT, by its `jti`) and when it was last used, for the idle
 * timeout (SESSION_IDLE_TIMEOUT_SECONDS, 等保). Written at sign-in; `lastSeenAt` moves at
 * most once a minute (in the statement that checks the token, so a request costs no
 * extra round trip); rows are removed once the token has expired.
 */
@Entity({ tableName: 'user_session' })
export class UserSession {
  [OptionalProps]?: 'createdAt' | 'lastSeenAt';

  @PrimaryKey({ type: 'uuid' })
  jti!: string;

  @Index()
  @Property({ type: 'integer' })
  userId!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  lastSeenAt: Date = new Date();

  @Index()
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
