import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A sign-in token (JWT) revoked before its expiry — by `signOut`. Checked on every
 * request that carries a JWT; rows are useless once the token has expired and are
 * removed then. (Revoking all of a user's tokens bumps `User.tokenVersion` instead.)
 */
@Entity({ tableName: 'revoked_token' })
export class RevokedToken {
  [OptionalProps]?: 'revokedAt';

  /** The token's `jti` claim. */
  @PrimaryKey({ type: 'uuid' })
  jti!: string;

  @Property({ type: 'integer' })
  userId!: number;

  @Index()
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  revokedAt: Date = new Date();
}
