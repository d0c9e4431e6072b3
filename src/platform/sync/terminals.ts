/** Service terminals (服务终端) in communities, with the apps they run. */
import type { PlatformTerminal } from '../../../integrations/platform/types';
import { SyncRejectionCode } from '../entity/sync-rejected-record.entity';
import { upsertSql, type DeadLetter, type KindSpec } from './kind';

export const TERMINALS: KindSpec<PlatformTerminal> = {
  table: 'terminal',
  list: (adapter, opts) => adapter.listTerminals(opts),
  needs: ['communities', 'apps'],
  async toRows(records, refs) {
    const rows: Array<Record<string, unknown>> = [];
    const rejected: DeadLetter[] = [];
    for (const r of records) {
      const communityId = refs.communities.get(r.communityCode);
      if (communityId === undefined) {
        rejected.push({
          externalId: r.externalId,
          code: SyncRejectionCode.UNKNOWN_COMMUNITY,
          reason: `村（社区）代码 ${r.communityCode} 在本平台不存在 (unknown community code)`,
          raw: r,
        });
        continue;
      }
      const unknown = r.appExternalIds.filter((a) => !refs.apps.has(a));
      if (unknown.length) {
        rejected.push({
          externalId: r.externalId,
          code: SyncRejectionCode.UNKNOWN_APP,
          reason: `引用的业务应用系统尚未同步：${unknown.join('、')} (unknown business apps: ${unknown.join(', ')})`,
          raw: r,
        });
        continue;
      }
      rows.push({
        external_id: r.externalId,
        community_id: communityId,
        model: r.model,
        platform_status: r.status,
        last_seen_at: r.lastSeenAt,
        platform_updated_at: r.updatedAt,
        app_ids: [...new Set(r.appExternalIds.map((a) => refs.apps.get(a)!))].sort((a, b) => a - b),
      });
    }
    return { rows, rejected };
  },
  upsertSql: upsertSql(
    'terminal',
    [
      ['external_id', 'text'],
      ['community_id', 'int'],
      ['model', 'text'],
      ['platform_status', 'terminal_status'],
      ['last_seen_at', 'timestamptz'],
      ['platform_updated_at', 'timestamptz'],
    ],
    {
      insert: { status: 'x.platform_status' },
      // A consolidation decided here stands while the platform still reports the
      // terminal as active; whatever else the platform says wins. The plan itself
      // (PLANNED_FOR_CONSOLIDATION) is recomputed after the run.
      set: {
        status: `case when excluded.platform_status = 'ACTIVE' and t.status in ('PLANNED_FOR_CONSOLIDATION', 'CONSOLIDATED') then t.status else excluded.platform_status end`,
      },
    },
  ),
  async afterUpsert(conn, changed, rows) {
    if (!changed.length) return;
    const terminalIds: number[] = [];
    const appIds: number[] = [];
    for (const c of changed as Array<{ id: number; external_id: string; inserted?: boolean }>) {
      for (const appId of (rows.get(c.external_id)?.app_ids as number[] | undefined) ?? []) {
        terminalIds.push(c.id);
        appIds.push(appId);
      }
    }
    // A terminal just created has no links yet.
    const existing = (changed as Array<{ id: number; inserted?: boolean }>).filter((c) => !c.inserted).map((c) => c.id);
    if (existing.length) await conn.query('delete from terminal_app where terminal_id = any($1::int[])', [existing]);
    if (terminalIds.length) {
      await conn.query('insert into terminal_app (terminal_id, business_app_id) select * from unnest($1::int[], $2::int[]) on conflict do nothing', [
        terminalIds,
        appIds,
      ]);
    }
  },
};
