import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import { AdmissionApplication } from '../../admission';
import { WorkCategory } from '../../catalogue';
import { ServiceContractStatus } from './contract.enums';

/** A contract term the service is accepted against (满意度评定以合同条款为依据). */
@ObjectType({ description: '合同条款：验收和满意度评定的依据。A contract term satisfaction is judged against.' })
export class ContractTerm {
  @Field({ description: '条款编号，如 T1。Term key.' })
  key!: string;

  @Field({ description: '条款内容与验收标准。What the term requires.' })
  description!: string;
}

/** Something the community delivers under the contract. */
@ObjectType({ description: '交付成果。A deliverable.' })
export class ContractDeliverable {
  @Field({ description: '成果名称。Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: '交付期限。Due date.' })
  dueOn?: string | null;
}

/** The judgement on one term in an evaluation. */
@ObjectType({ description: '对一项合同条款的评定。The judgement on one term.' })
export class TermResult {
  @Field({ description: '条款编号。Term key.' })
  termKey!: string;

  @Field({ description: '是否达到条款要求。Whether the term was met.' })
  met!: boolean;

  @Field(() => String, { nullable: true, description: '说明。Comment.' })
  comment?: string | null;
}

/**
 * A department buying a service from a community (政府购买服务) for work outside the
 * assistance and negative lists. Guards at signing (registry/rules/contracts.ts): no
 * negative-list work disguised as a purchase, no service needing a professional
 * qualification or law-enforcement power, no target-assessment scoring.
 */
@ObjectType({ implements: Node, description: '政府购买服务合同：部门向村（社区）购买协助办理和负面清单以外的服务。A service contract.' })
@Entity({ tableName: 'service_contract' })
@Index({ properties: ['county', 'status'] })
export class ServiceContract extends BaseEntity<'status'> {
  @Field({ description: '合同编号。Contract number.' })
  @Property({ type: 'varchar', length: 64, unique: true })
  number!: string;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @ManyToOne(() => Department, { ref: true, deleteRule: 'restrict', index: true })
  department!: Ref<Department>;

  @ManyToOne(() => Community, { ref: true, deleteRule: 'restrict', index: true })
  community!: Ref<Community>;

  /** The purchase-of-service application it rests on, if any. */
  @ManyToOne(() => AdmissionApplication, { ref: true, nullable: true, deleteRule: 'set null' })
  application?: Ref<AdmissionApplication> | null;

  @Field({ description: '服务名称。Title.' })
  @Property({ type: 'text' })
  title!: string;

  @Field({ description: '服务范围与内容。Scope of the service.' })
  @Property({ type: 'text' })
  scope!: string;

  @Field(() => WorkCategory, { description: '工作类别。Category of work.' })
  @Enum({ items: () => WorkCategory, nativeEnumName: 'work_category' })
  category!: WorkCategory;

  @Field(() => Float, { description: '合同金额（元）。Amount in yuan.' })
  @Property({ type: 'numeric', precision: 14, scale: 2 })
  amount!: string;

  @Field({ description: '服务期起。Period start.' })
  @Property({ type: 'date' })
  periodStart!: string;

  @Field({ description: '服务期止。Period end.' })
  @Property({ type: 'date' })
  periodEnd!: string;

  @Field(() => [ContractDeliverable], { description: '交付成果。Deliverables.' })
  @Property({ type: 'jsonb' })
  deliverables: ContractDeliverable[] = [];

  @Field(() => [ContractTerm], { description: '合同条款（满意度评定的唯一依据）。Terms: the only basis of satisfaction.' })
  @Property({ type: 'jsonb' })
  terms: ContractTerm[] = [];

  @Field({ description: '评价方式（按合同条款验收，不得以目标考核方式评价）。How the service is evaluated.' })
  @Property({ type: 'text' })
  evaluationMethod!: string;

  @Field(() => ServiceContractStatus, { description: '合同状态。Status.' })
  @Enum({ items: () => ServiceContractStatus, nativeEnumName: 'service_contract_status', default: ServiceContractStatus.ACTIVE })
  status: ServiceContractStatus = ServiceContractStatus.ACTIVE;

  @Field(() => Date, { description: '签订时间。Signed at.' })
  @Property({ type: 'timestamptz' })
  signedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  signedBy?: Ref<User> | null;
}

/** An evaluation of a contract: each term met or not, and satisfaction as the share met. */
@ObjectType({ implements: Node, description: '购买服务满意度评定：逐条对照合同条款。An evaluation against the contract terms.' })
@Entity({ tableName: 'service_contract_evaluation' })
export class ServiceContractEvaluation extends BaseEntity {
  @ManyToOne(() => ServiceContract, { ref: true, deleteRule: 'cascade', index: true })
  contract!: Ref<ServiceContract>;

  @Field({ description: '评定日期。Date evaluated.' })
  @Property({ type: 'date' })
  evaluatedOn!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  evaluatedBy?: Ref<User> | null;

  @Field(() => [TermResult], { description: '逐条评定结果。Result per term.' })
  @Property({ type: 'jsonb' })
  termResults: TermResult[] = [];

  @Field(() => Int, { description: '达到要求的条款数。Terms met.' })
  @Property({ type: 'integer' })
  termsMet!: number;

  @Field(() => Float, { description: '满意度：达到要求的条款占比（0–1）。Satisfaction: share of terms met.' })
  @Property({ type: 'real' })
  satisfaction!: number;

  @Field(() => String, { nullable: true, description: '总体说明。Comment.' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;
}
