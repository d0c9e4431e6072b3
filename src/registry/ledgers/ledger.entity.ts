import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import { AdmissionApplication } from '../../admission';
import { LedgerFormat, LedgerFrequency } from '../../admission';
import { FilingMethod, LedgerStatus } from './ledger.enums';

/**
 * A ledger or report a department requires from the communities of a county (台账报表):
 * its fields as data elements, how often, in what format, how long a filing takes, its
 * legal basis and the admission application that introduced it (if any). The clean-up
 * review (registry/rules/ledger-cleanup.ts) proposes merging, going electronic or
 * abolishing; the status records what was decided, with date and reason.
 */
@ObjectType({ implements: Node, description: '台账报表要求：部门要求村（社区）填报的台账、报表或上报材料。A ledger or report requirement.' })
@Entity({ tableName: 'ledger_requirement' })
@Index({ properties: ['county', 'status'] })
export class LedgerRequirement extends BaseEntity<'status' | 'oneForm'> {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  county!: Ref<Region>;

  @ManyToOne(() => Department, { ref: true, deleteRule: 'restrict', index: true })
  department!: Ref<Department>;

  @Field({ description: '表名。Form name.' })
  @Property({ type: 'text' })
  name!: string;

  /** Fields of the form, as data element codes (数据元). */
  @Field(() => [String], { description: '字段（数据元编码）。Fields, as data element codes.' })
  @Property({ type: 'jsonb' })
  dataElementCodes: string[] = [];

  @Field(() => LedgerFrequency, { description: '填报频次。Frequency.' })
  @Enum({ items: () => LedgerFrequency, nativeEnumName: 'ledger_frequency' })
  frequency!: LedgerFrequency;

  @Field(() => Int, { nullable: true, description: '不定期时每年预计次数。Expected filings a year, for ad hoc.' })
  @Property({ type: 'integer', nullable: true })
  expectedPerYear?: number | null;

  @Field(() => LedgerFormat, { description: '形式：电子或纸质。Format.' })
  @Enum({ items: () => LedgerFormat, nativeEnumName: 'ledger_format' })
  format!: LedgerFormat;

  @Field(() => String, { nullable: true, description: '可用的电子填报渠道（系统名称），如有。Electronic channel available, if any.' })
  @Property({ type: 'text', nullable: true })
  electronicChannel?: string | null;

  @Field(() => Int, { description: '每次填报用时（分钟）。Minutes per filing.' })
  @Property({ type: 'integer' })
  minutesPerFiling!: number;

  @Field(() => [String], { description: '法律法规政策依据。Legal basis citations.' })
  @Property({ type: 'jsonb' })
  legalBasis: string[] = [];

  /** The admission application that introduced it, if any. */
  @ManyToOne(() => AdmissionApplication, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  application?: Ref<AdmissionApplication> | null;

  @Field(() => LedgerStatus, { description: '状态：保留、已合并、已取消。Status.' })
  @Enum({ items: () => LedgerStatus, nativeEnumName: 'ledger_status', default: LedgerStatus.KEPT })
  status: LedgerStatus = LedgerStatus.KEPT;

  /** When MERGED: the requirement it was merged into. */
  @ManyToOne(() => LedgerRequirement, { ref: true, nullable: true, deleteRule: 'set null' })
  mergedInto?: Ref<LedgerRequirement> | null;

  @Field(() => String, { nullable: true, description: '状态变更日期（合并或取消）。Date of the merge or abolition.' })
  @Property({ type: 'date', nullable: true })
  statusChangedOn?: string | null;

  @Field(() => String, { nullable: true, description: '合并或取消的原因。Why merged or abolished.' })
  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;

  /** 一表通: filings are generated from data already collected instead of typed again. */
  @Field({ description: '是否已启用“一表通”（由已采集数据生成，不再重复填报）。Generated from collected data (一表通).' })
  @Property({ type: 'boolean', default: false })
  oneForm: boolean = false;
}

/** One filing of a ledger requirement by a community for a period. */
@ObjectType({ implements: Node, description: '台账报表填报记录：某村（社区）某期的一次填报。A filing by a community.' })
@Entity({ tableName: 'ledger_filing' })
@Unique({ properties: ['requirement', 'community', 'period'] })
@Index({ properties: ['community', 'filedAt'] })
export class LedgerFiling extends BaseEntity {
  @ManyToOne(() => LedgerRequirement, { ref: true, deleteRule: 'cascade' })
  requirement!: Ref<LedgerRequirement>;

  @ManyToOne(() => Community, { ref: true, deleteRule: 'restrict' })
  community!: Ref<Community>;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict', index: true })
  county!: Ref<Region>;

  @Field({ description: '所属期：日 2026-03-02、周 2026-W10、月 2026-03、季 2026Q1、半年 2026H1、年 2026 或不定期编号。Period.' })
  @Property({ type: 'varchar', length: 16 })
  period!: string;

  @Field(() => FilingMethod, { description: '填报方式：手工或一表通自动生成。How it was produced.' })
  @Enum({ items: () => FilingMethod, nativeEnumName: 'filing_method' })
  method!: FilingMethod;

  @Field(() => Date, { description: '填报时间。Filed at.' })
  @Property({ type: 'timestamptz' })
  filedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  filedBy?: Ref<User> | null;

  @Field(() => Int, { nullable: true, description: '实际用时（分钟，手工填报时）。Minutes it took (manual filings).' })
  @Property({ type: 'integer', nullable: true })
  minutesSpent?: number | null;

  /** Values by data element code (generated filings: from the collected values). */
  @Property({ type: 'jsonb' })
  values: Record<string, string | null> = {};
}
