import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Region, RegionLevel } from './region.entity';
import { Community } from './community.entity';
import { fromGlobalId } from '../kernel/global-id';
import { badInput, notFound } from '../kernel/errors';

/** Finds a region by global ID or by division code; exactly one must be given. */
export async function findRegion(em: EntityManager, ref: { id?: string | null; code?: string | null }, field = 'region'): Promise<Region | null> {
  if ((ref.id == null) === (ref.code == null)) {
    throw badInput('请提供 id 或 code 之一', 'Give exactly one of id and code', [
      { field, message: '需要且只需要 id 与 code 之一', messageEn: 'exactly one of id and code is required' },
    ]);
  }
  if (ref.id != null) return em.findOne(Region, { id: fromGlobalId(ref.id, 'Region', `${field}Id`).id });
  return em.findOne(Region, { code: ref.code! });
}

/** Like findRegion, but a missing region is NOT_FOUND. */
export async function getRegion(em: EntityManager, ref: { id?: string | null; code?: string | null }, field = 'region'): Promise<Region> {
  const region = await findRegion(em, ref, field);
  if (!region) throw notFound('该行政区划', 'Region');
  return region;
}

/** The condition selecting the communities inside a region, at any level. */
export function communitiesWithin(region: Region): FilterQuery<Community> {
  switch (region.level) {
    case RegionLevel.TOWNSHIP:
      return { township: region.id };
    case RegionLevel.COUNTY:
      return { county: region.id };
    default:
      return { code: { $like: `${region.codePrefix}%` } };
  }
}

/** The condition selecting the regions strictly below a region. */
export function regionsWithin(region: Region): FilterQuery<Region> {
  return { code: { $like: `${region.codePrefix}%`, $ne: region.code }, id: { $ne: region.id } };
}

/** The first character of a county's name without its 县/市/区 suffix (青衣县 → 青): the prefix of its numbers (青准申2026-0001, 青社工准〔2026〕1号). */
export const countyPrefix = (county: Region) => county.name.replace(/(自治县|县|市|区|旗)$/, '').slice(0, 1);

/** The county a list filter names (`countyId` or `countyCode`), or null when it names none. */
export async function filterCounty(em: EntityManager, filter?: { countyId?: string | null; countyCode?: string | null } | null): Promise<number | null> {
  if (!filter || (filter.countyId == null && filter.countyCode == null)) return null;
  return (await getRegion(em, { id: filter.countyId, code: filter.countyCode }, 'filter.county')).id;
}
