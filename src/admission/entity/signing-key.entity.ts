import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';

/**
 * A county's SM2 key for approval documents (src/admission/signing-keys.ts). The public key
 * lives here, so every process can verify; the private key lives only in DOCUMENT_KEYS_DIR
 * (`<keyId>.pem`). Rotation adds a new current key and retires the old one, which keeps
 * verifying the documents it signed.
 */
@ObjectType({ implements: Node, description: '批准文书签名公钥（SM2，每县一组，可轮换）。An SM2 public key that signs a county’s approval documents.' })
@Entity({ tableName: 'document_signing_key' })
@Index({ properties: ['county', 'retiredAt'] })
export class DocumentSigningKey extends BaseEntity<'retiredAt'> {
  @Field({ description: '密钥标识，如 511828-20260105-3fa2（印在文书和二维码中）。Key id, printed on the documents it signs.' })
  @Property({ type: 'text', unique: true })
  keyId!: string;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @Field({ description: 'SM2 公钥，未压缩点 04‖x‖y 的十六进制。SM2 public key, uncompressed point, hex.' })
  @Property({ type: 'text' })
  publicKey!: string;

  @Field(() => Date, {
    nullable: true,
    description: '停用时间（轮换后仍用于核验其签发的旧文书）；为空表示当前密钥。Retired at (still verifies what it signed); null for the current key.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  retiredAt?: Date | null;
}

/**
 * A signed revocation list (撤销清单) of a county: documents revoked or completed (and
 * emergency entries confirmed) — `body` is the exact JSON text signed, so verifiers check
 * the bytes they were given (src/admission/revocation-list.ts).
 */
@Entity({ tableName: 'document_revocation_list' })
@Index({ properties: ['county', 'listDate'] })
export class DocumentRevocationList extends BaseEntity {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @Property({ type: 'timestamptz' })
  listDate!: Date;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'text' })
  signature!: string;

  @Property({ type: 'text' })
  keyId!: string;

  @Property({ type: 'integer' })
  entryCount!: number;
}
