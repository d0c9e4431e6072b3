/** Business apps (业务应用系统): listed by the platform, matched to departments by credit code or unique name. */
import type { PlatformBusinessApp } from '../../../integrations/platform/types';
import { upsertSql, type KindSpec } from './kind';

export const APPS: KindSpec<PlatformBusinessApp> = {
  table: 'business_app',
  list: (adapter, opts) => adapter.listBusinessApps(opts),
  needs: ['departments'],
  async toRows(records, refs) {
    const rows = records.map((r) => {
      const byUscc = r.departmentUscc ? refs.departmentsByUscc.get(r.departmentUscc.toUpperCase()) : undefined;
      return {
        external_id: r.externalId,
        name: r.name,
        department_id: byUscc ?? refs.departmentsByName.get(r.departmentName.trim()) ?? null,
        department_name: r.departmentName,
        department_uscc: r.departmentUscc,
        integrated: r.integrated,
        used_by_communities: r.usedByCommunities,
        platform_updated_at: r.updatedAt,
      };
    });
    return { rows, rejected: [] };
  },
  upsertSql: upsertSql('business_app', [
    ['external_id', 'text'],
    ['name', 'text'],
    ['department_id', 'int'],
    ['department_name', 'text'],
    ['department_uscc', 'text'],
    ['integrated', 'boolean'],
    ['used_by_communities', 'boolean'],
    ['platform_updated_at', 'timestamptz'],
  ]),
};
