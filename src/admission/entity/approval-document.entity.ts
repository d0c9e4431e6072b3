import { Entity, ManyToOne, OneToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { AdmissionApplication } from './application.entity';

/**
 * The approval document (批准文书) a work item enters communities holding. Its number is
 * unique and in the county's format, e.g. `青社工准〔2026〕12号`.
 */
@ObjectType({ implements: Node, description: '批准文书：事项持批准文书进入村（社区）。An approval document.' })
@Entity({ tableName: 'approval_document' })
@Unique({ properties: ['county', 'year', 'serial'] })
export class ApprovalDocument extends BaseEntity<
  'communityCount' | 'provisional' | 'title' | 'departmentName' | 'departmentCode' | 'scope' | 'scopeHash' | 'provisionalUntil' | 'signature' | 'keyId'
> {
  @Field({ description: '文号。Document number.' })
  @Property({ type: 'text', unique: true })
  number!: string;

  @OneToOne(() => AdmissionApplication, { ref: true, owner: true, deleteRule: 'restrict', unique: true })
  application!: Ref<AdmissionApplication>;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @Field(() => Int, { description: '年份。Year.' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Int, { description: '年度序号。Serial within the year.' })
  @Property({ type: 'integer' })
  serial!: number;

  @Field(() => Date, { description: '签发时间。Issued at.' })
  @Property({ type: 'timestamptz' })
  issuedAt!: Date;

  @Field(() => String, { description: '生效日期。Valid from.' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: '有效期至；为空表示长期有效。Valid until; null for no end.' })
  @Property({ type: 'date', nullable: true })
  validUntil?: string | null;

  /** Communities in scope when issued (ids), so verification needs no recomputation. */
  @Property({ type: 'jsonb' })
  communityIds: number[] = [];

  @Field(() => Int, { description: '批准范围内的村（社区）数。Communities in scope.' })
  get communityCount(): number {
    return this.communityIds.length;
  }

  @Field({ description: '是否为紧急事项的临时文书（先进后批，待补批）。Provisional (emergency entry).' })
  @Property({ type: 'boolean', default: false })
  provisional: boolean = false;

  // What the document certifies, as issued (src/admission/verification-core.ts, the signed text):
  // kept on the document so a later rename of the department or the title cannot change it.

  @Field({ description: '事项名称（签发时）。Title, as issued.' })
  @Property({ type: 'text', default: '' })
  title!: string;

  @Field({ description: '申请部门名称（签发时）。Department, as issued.' })
  @Property({ type: 'text', default: '' })
  departmentName!: string;

  @Field(() => String, { nullable: true, description: '申请部门统一社会信用代码（签发时）。Department credit code, as issued.' })
  @Property({ type: 'text', nullable: true })
  departmentCode?: string | null;

  @Field({ description: '批准范围：C 全县；T:乡镇代码…；V:村（社区）代码…（签名内容之一）。Scope descriptor: C whole county; T: townships; V: communities.' })
  @Property({ type: 'text', default: 'C' })
  scope!: string;

  @Field({ description: '批准范围内村（社区）代码（升序、逗号分隔）的 SM3 杂凑。SM3 of the sorted community codes in scope.' })
  @Property({ type: 'text', default: '' })
  scopeHash!: string;

  @Field(() => Date, { nullable: true, description: '紧急事项补批截止时间（临时文书）。Approval deadline of a provisional document.' })
  @Property({ type: 'timestamptz', nullable: true })
  provisionalUntil?: Date | null;

  /** SM2 signature of the signed text, r ‖ s, base64url (src/admission/document-signing.ts). */
  @Property({ type: 'text', nullable: true, hidden: true })
  signature?: string | null;

  @Field(() => String, { nullable: true, description: '签名密钥标识。Id of the SM2 key that signed it.' })
  @Property({ type: 'text', nullable: true })
  keyId?: string | null;

  @Field(() => Date, { nullable: true, description: '撤销时间。Revoked at.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Field(() => String, { nullable: true, description: '撤销原因。Why revoked.' })
  @Property({ type: 'text', nullable: true })
  revokeReason?: string | null;
}
