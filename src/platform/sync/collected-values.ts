/** Data collected on the platform (一次采集): values of data elements per community. */
import type { PlatformCollectedValue } from '../../../integrations/platform/types';
import { SyncRejectionCode } from '../entity/sync-rejected-record.entity';
import { upsertSql, type DeadLetter, type KindSpec } from './kind';

export const COLLECTED_VALUES: KindSpec<PlatformCollectedValue> = {
  table: 'collected_value',
  list: (adapter, opts) => adapter.listCollectedValues(opts),
  needs: ['communities', 'dataElements'],
  async toRows(records, refs, conn) {
    const candidates: Array<Record<string, unknown> & { key: string; record: PlatformCollectedValue }> = [];
    const rejected: DeadLetter[] = [];
    for (const r of records) {
      const communityId = refs.communities.get(r.communityCode);
      const elementId = refs.dataElements.get(r.dataElementCode);
      if (communityId === undefined) {
        rejected.push({
          externalId: r.externalId,
          code: SyncRejectionCode.UNKNOWN_COMMUNITY,
          reason: `村（社区）代码 ${r.communityCode} 在本平台不存在 (unknown community code)`,
          raw: r,
        });
      } else if (elementId === undefined) {
        rejected.push({
          externalId: r.externalId,
          code: SyncRejectionCode.UNKNOWN_DATA_ELEMENT,
          reason: `数据元编码 ${r.dataElementCode} 不在数据元目录中 (unknown data element code)`,
          raw: r,
        });
      } else {
        candidates.push({
          key: `${elementId}/${communityId}/${r.period}`,
          record: r,
          external_id: r.externalId,
          data_element_id: elementId,
          community_id: communityId,
          period: r.period,
          value: r.value,
          source: r.source,
          platform_updated_at: r.updatedAt,
        });
      }
    }
    // At most one live value per (element, community, period): the first holder keeps
    // the key; a different record claiming it is a dead letter (the platform must
    // delete the old one first). Within the page, the earliest record holds.
    const holders = new Map<string, string>();
    if (candidates.length) {
      const { rows } = await conn.query<{ external_id: string; data_element_id: number; community_id: number; period: string }>(
        `select c.external_id, c.data_element_id, c.community_id, c.period
           from collected_value c
           join jsonb_to_recordset($1::jsonb) as k(data_element_id int, community_id int, period text)
             on c.data_element_id = k.data_element_id and c.community_id = k.community_id and c.period = k.period
          where c.deleted_at is null`,
        [JSON.stringify(candidates.map((c) => ({ data_element_id: c.data_element_id, community_id: c.community_id, period: c.period })))],
      );
      for (const h of rows) holders.set(`${h.data_element_id}/${h.community_id}/${h.period}`, h.external_id);
    }
    const out: Array<Record<string, unknown>> = [];
    for (const { key, record, ...row } of candidates) {
      const holder = holders.get(key);
      if (holder !== undefined && holder !== record.externalId) {
        rejected.push({
          externalId: record.externalId,
          code: SyncRejectionCode.DUPLICATE_NATURAL_KEY,
          reason: `数据元 ${record.dataElementCode}、村（社区）${record.communityCode}、统计期 ${record.period} 已有另一条数据 ${holder} (another record holds this element, community and period)`,
          raw: record,
        });
        continue;
      }
      holders.set(key, record.externalId);
      out.push(row);
    }
    return { rows: out, rejected };
  },
  upsertSql: upsertSql('collected_value', [
    ['external_id', 'text'],
    ['data_element_id', 'int'],
    ['community_id', 'int'],
    ['period', 'text'],
    ['value', 'text'],
    ['source', 'text'],
    ['platform_updated_at', 'timestamptz'],
  ]),
};
