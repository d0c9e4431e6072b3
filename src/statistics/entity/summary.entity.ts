import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { MEASURES } from '../service/indicators';

/**
 * The statistics summary tables. They are written only by the refresh job
 * (statistics/refresh.ts, one SQL statement per level) and read by the statistics
 * queries in SQL; they are declared here so that migrations know them. No foreign keys:
 * a refresh replaces whole slices of them at once. Not GraphQL types.
 *
 *   stat_community_month   one row per community and month
 *   stat_region_month      one row per township, county, city and province and month
 *   stat_department_month  one row per department and month
 *   stat_refresh           one row per refresh run (when, what, how long)
 *
 * Every measure of indicators.ts is a column of the first three (added below). Their keys
 * lead with the thing and end with the month, so one region's months are one index range.
 */
@Entity({ tableName: 'stat_community_month' })
export class StatCommunityMonth {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  communityId!: number;

  @PrimaryKey({ type: 'date' })
  month!: string;

  @Property({ type: 'integer' })
  townshipId!: number;

  @Property({ type: 'integer' })
  countyId!: number;
}

@Entity({ tableName: 'stat_region_month' })
export class StatRegionMonth {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  regionId!: number;

  @PrimaryKey({ type: 'date' })
  month!: string;

  @Property({ type: 'varchar', length: 12 })
  level!: string;
}

@Entity({ tableName: 'stat_department_month' })
export class StatDepartmentMonth {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  departmentId!: number;

  @PrimaryKey({ type: 'date' })
  month!: string;

  /** The department's region (county, or city / province for higher departments). */
  @Property({ type: 'integer' })
  regionId!: number;
}

/** One refresh run: when, which months, which counties, how long, which sources were missing. */
@Entity({ tableName: 'stat_refresh' })
export class StatRefresh {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  /** `FULL`, or `COUNTIES:<ids>`. */
  @Property({ type: 'text' })
  scope!: string;

  @Property({ type: 'date' })
  monthFrom!: string;

  @Property({ type: 'date' })
  monthTo!: string;

  @Property({ type: 'integer', nullable: true })
  durationMs?: number | null;

  @Property({ type: 'integer', nullable: true })
  communityRows?: number | null;

  /** Sources whose tables did not exist (their indicators are reported as unavailable). */
  @Property({ type: 'jsonb', defaultRaw: `'[]'` })
  unavailable: string[] = [];
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
for (const cls of [StatCommunityMonth, StatRegionMonth, StatDepartmentMonth]) {
  for (const m of MEASURES) {
    Property(m.type === 'int' ? { type: 'integer', fieldName: m.column, default: 0 } : { type: 'double', fieldName: m.column, default: 0 })(
      cls.prototype,
      camel(m.column),
    );
  }
}

export const SUMMARY_ENTITIES = [StatCommunityMonth, StatRegionMonth, StatDepartmentMonth, StatRefresh];
