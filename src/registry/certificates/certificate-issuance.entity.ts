import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import { CertificateType } from '../../catalogue';
import { CertificateRefusalReason, IssuanceOutcome, RequesterKind } from './certificate.enums';

/**
 * A request to a community for a certificate and what the community did with it: issued,
 * or refused with the reason (万能章 clean-up). The requester's identity is not kept —
 * only what kind of requester it was and what for — so the records can be counted
 * without holding personal data.
 */
@ObjectType({ implements: Node, description: '证明出具记录：村（社区）收到的出具证明请求及处理结果。A certificate request and its outcome.' })
@Entity({ tableName: 'certificate_issuance' })
@Index({ properties: ['county', 'outcome'] })
export class CertificateIssuance extends BaseEntity {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @ManyToOne(() => Community, { ref: true, deleteRule: 'restrict', index: true })
  community!: Ref<Community>;

  /** The certificate on the county's list; null when what was asked for is not on it. */
  @ManyToOne(() => CertificateType, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  certificateType?: Ref<CertificateType> | null;

  @Field({ description: '所请求的证明名称。Certificate asked for.' })
  @Property({ type: 'text' })
  certificateName!: string;

  @Field(() => RequesterKind, { description: '申请方类别。Kind of requester.' })
  @Enum({ items: () => RequesterKind, nativeEnumName: 'requester_kind' })
  requesterKind!: RequesterKind;

  @Field({ description: '用途。What it is for.' })
  @Property({ type: 'text' })
  purpose!: string;

  @Field({ description: '是否为企业自身生产经营活动所需。For an enterprise’s own business.' })
  @Property({ type: 'boolean' })
  forEnterpriseBusiness!: boolean;

  /** The department whose procedure still asks for the certificate, when known. */
  @ManyToOne(() => Department, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  requiringDepartment?: Ref<Department> | null;

  @Field(() => String, { nullable: true, description: '要求提供证明的机构（如某银行网点），如已知。Who demanded the certificate, if known.' })
  @Property({ type: 'text', nullable: true })
  requiredBy?: string | null;

  @Field(() => IssuanceOutcome, { description: '结果：出具或不予出具。Outcome.' })
  @Enum({ items: () => IssuanceOutcome, nativeEnumName: 'issuance_outcome' })
  outcome!: IssuanceOutcome;

  @Field(() => CertificateRefusalReason, { nullable: true, description: '不予出具的原因。Why refused.' })
  @Enum({ items: () => CertificateRefusalReason, nativeEnumName: 'certificate_refusal_reason', nullable: true })
  refusalReason?: CertificateRefusalReason | null;

  @Field(() => Date, { description: '处理时间。When it was handled.' })
  @Property({ type: 'timestamptz' })
  handledAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  handledBy?: Ref<User> | null;
}
