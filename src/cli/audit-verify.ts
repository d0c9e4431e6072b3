/**
 * `npm run audit:verify [-- --county <code>] [--json]`: verifies the hash-chained audit
 * trail (every chain, or one county's by its six-digit code) and names the first event
 * that does not check out. Exit code 0 when intact, 1 when broken, 2 on bad usage.
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR when it is unset.
 */
import { loadConfig, ConfigError } from '../config';
import { openDatabase } from '../db/prepare';
import { verifyAuditChain } from '../audit';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const at = args.indexOf('--county');
  const countyCode = at >= 0 ? args[at + 1] : undefined;
  if ((at >= 0 && !countyCode) || args.some((a, i) => a.startsWith('--') && a !== '--json' && a !== '--county' && i !== at + 1)) {
    console.error('usage: audit:verify [--county <six-digit county code>] [--json]');
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase(config, { migrate: false });
  try {
    const conn = db.orm.em.getConnection();
    let countyId: number | undefined;
    if (countyCode) {
      const [row] = await conn.execute<{ id: number }[]>(`select id from region where code = ?`, [countyCode]);
      if (!row) {
        console.error(`未找到县 ${countyCode} (no region with code ${countyCode})`);
        return 2;
      }
      countyId = row.id;
    }
    const reports = await verifyAuditChain(db.orm.em.fork(), countyId);
    const names = new Map<number, string>();
    const ids = reports.map((r) => r.countyId).filter((c): c is number => c != null);
    if (ids.length)
      for (const r of await conn.execute<{ id: number; code: string; name: string }[]>(`select id, code, name from region where id in (?)`, [ids]))
        names.set(r.id, `${r.name} ${r.code}`);
    const valid = reports.every((r) => r.valid);
    if (json) {
      console.log(
        JSON.stringify({ valid, chains: reports.map((r) => ({ ...r, county: r.countyId == null ? null : (names.get(r.countyId) ?? null) })) }, null, 2),
      );
    } else {
      for (const r of reports) {
        const label = r.countyId == null ? '全局 global' : (names.get(r.countyId) ?? r.chainKey);
        if (r.valid) {
          console.log(`OK     ${label}: ${r.eventCount} 条事件 events, 链头 head ${r.headHash ?? '-'}`);
        } else {
          const b = r.firstBreak!;
          console.log(`BROKEN ${label}: ${b.problem} at event #${b.eventId ?? '-'} — ${b.message} (${b.messageEn})`);
        }
      }
      console.log(valid ? '审计链完整 (audit trail intact)' : '审计链被破坏 (audit trail broken)');
    }
    return valid ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(2);
  },
);
