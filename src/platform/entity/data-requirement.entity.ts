import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Department } from '../../organisation';
import { Region } from '../../geography';
import { DataElement } from './data-element.entity';
import { BusinessApp } from './business-app.entity';
import { defineEnum } from '../../kernel/enums';

export enum DataRequirementSource {
  LEDGER = 'LEDGER',
  APPLICATION = 'APPLICATION',
  APP = 'APP',
}
defineEnum(DataRequirementSource, 'DataRequirementSource', '数据需求的来源。Where a data requirement comes from.', {
  LEDGER: ['台账报表要求村（社区）填报', 'A ledger or report communities must file'],
  APPLICATION: ['准入申请中列明需要的数据', 'An admission application’s data needs'],
  APP: ['业务应用系统要求录入', 'A business app communities must enter it into'],
});

export enum CollectionFrequency {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  HALF_YEARLY = 'HALF_YEARLY',
  YEARLY = 'YEARLY',
  AD_HOC = 'AD_HOC',
}
defineEnum(CollectionFrequency, 'CollectionFrequency', '采集频次。How often data is collected.', {
  DAILY: ['每日', 'Daily'],
  WEEKLY: ['每周', 'Weekly'],
  MONTHLY: ['每月', 'Monthly'],
  QUARTERLY: ['每季度', 'Quarterly'],
  HALF_YEARLY: ['每半年', 'Half-yearly'],
  YEARLY: ['每年', 'Yearly'],
  AD_HOC: ['不定期', 'Ad hoc'],
});

/**
 * A department needing a data element from the communities of a region for a period
 * (from a ledger, an admission application or an app). Written by the admission and
 * ledger modules and the demo seed through `recordDataRequirement`. When two or more
 * departments in the element's sharing scope need the same element for overlapping
 * communities and the same period, or the platform already collects it, the requirement
 * is served by the one collection (`collectOnce`, 一次采集、多方共享).
 */
@ObjectType({ implements: Node, description: '数据需求：某部门要求某区域内村（社区）提供某数据元。A department’s need for a data element.' })
@Entity({ tableName: 'data_requirement' })
@Unique({ properties: ['source', 'sourceRef', 'department', 'dataElement', 'region', 'period'] })
@Index({ properties: ['dataElement', 'period'] })
export class DataRequirement extends BaseEntity<'collectOnce' | 'active'> {
  @ManyToOne(() => Department, { ref: true, index: true, deleteRule: 'cascade' })
  department!: Ref<Department>;

  @ManyToOne(() => DataElement, { ref: true, deleteRule: 'cascade' })
  dataElement!: Ref<DataElement>;

  /** Community scope: every community within this region (county, township, or wider). */
  @ManyToOne(() => Region, { ref: true, index: true, deleteRule: 'restrict' })
  region!: Ref<Region>;

  @Field({ description: '统计期：年 2026、季 2026Q3 或月 2026-10。Period.' })
  @Property({ type: 'varchar', length: 16 })
  period!: string;

  @Field(() => CollectionFrequency, { description: '采集频次。Frequency.' })
  @Enum({ items: () => CollectionFrequency, nativeEnumName: 'collection_frequency' })
  frequency!: CollectionFrequency;

  @Field(() => DataRequirementSource, { description: '来源。Source.' })
  @Enum({ items: () => DataRequirementSource, nativeEnumName: 'data_requirement_source' })
  source!: DataRequirementSource;

  @Field({ description: '来源记录的标识（如申请编号、台账编号、应用标识）。Reference of the source record.' })
  @Property({ type: 'varchar', length: 200 })
  sourceRef!: string;

  @ManyToOne(() => BusinessApp, { ref: true, nullable: true, deleteRule: 'set null' })
  businessApp?: Ref<BusinessApp> | null;

  @Field({ description: '是否仍然有效（来源结束后为否）。Whether it still applies.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field({ description: '是否由一次采集满足（与其他部门共享同一份数据或复用平台已采集数据）。Served by the single shared collection.' })
  @Property({ type: 'boolean', default: false })
  collectOnce: boolean = false;

  @Field(() => Date, { nullable: true, description: '标记为一次采集的时间。When it was marked collect-once.' })
  @Property({ type: 'timestamptz', nullable: true })
  collectOnceAt?: Date | null;
}
