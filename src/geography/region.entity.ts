import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../kernel/base.entity';
import { defineEnum } from '../kernel/enums';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
}
defineEnum(RegionLevel, 'RegionLevel', '行政区划层级。Administrative level.', {
  PROVINCE: ['省（自治区、直辖市）', 'Province'],
  CITY: ['市（州、盟）', 'City / prefecture'],
  COUNTY: ['县（市、区）：制定清单、审批准入的单位', 'County: owns the lists and approves admissions'],
  TOWNSHIP: ['乡镇（街道）', 'Township / town / street'],
});

export enum TownshipKind {
  TOWN = 'TOWN',
  XIANG = 'XIANG',
  STREET = 'STREET',
}
defineEnum(TownshipKind, 'TownshipKind', '乡级区划类别。Kind of township-level division.', {
  TOWN: ['镇', 'Town'],
  XIANG: ['乡', 'Rural township'],
  STREET: ['街道', 'Urban sub-district (street)'],
});

/** How many leading digits of a 12-digit statistical code identify a region of each level. */
export const CODE_PREFIX_LENGTH: Record<RegionLevel, number> = {
  [RegionLevel.PROVINCE]: 2,
  [RegionLevel.CITY]: 4,
  [RegionLevel.COUNTY]: 6,
  [RegionLevel.TOWNSHIP]: 9,
};

/**
 * A node of the administrative tree 省 → 市 → 县 → 乡镇/街道, keyed by the official
 * division code: six digits (GB/T 2260) for county and above, the twelve-digit
 * statistical division code (统计用区划代码) for townships.
 */
@ObjectType({ implements: Node, description: '行政区划（省、市、县、乡镇/街道）。An administrative region.' })
@Entity({ tableName: 'region' })
export class Region extends BaseEntity<'codePrefix' | 'depth'> {
  @Field({ description: '区划代码：县级及以上 6 位（GB/T 2260），乡级 12 位统计用区划代码。Official division code.' })
  @Property({ type: 'varchar', length: 12, unique: true })
  code!: string;

  @Field({ description: '名称。Name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => RegionLevel, { description: '层级。Level.' })
  @Enum({ items: () => RegionLevel, nativeEnumName: 'region_level' })
  @Index()
  level!: RegionLevel;

  @Field(() => TownshipKind, { nullable: true, description: '乡级区划类别（仅乡镇/街道）。Kind, for townships only.' })
  @Enum({ items: () => TownshipKind, nativeEnumName: 'township_kind', nullable: true })
  kind?: TownshipKind | null;

  @ManyToOne(() => Region, { nullable: true, ref: true, index: true, deleteRule: 'restrict' })
  parent?: Ref<Region> | null;

  /** The leading digits its descendants' codes share (e.g. `5118` for a city). */
  get codePrefix(): string {
    return this.code.slice(0, CODE_PREFIX_LENGTH[this.level]);
  }

  @Field(() => Int, { description: '层级深度：省 0，市 1，县 2，乡镇 3。Depth in the tree.' })
  get depth(): number {
    return Object.keys(CODE_PREFIX_LENGTH).indexOf(this.level);
  }
}
