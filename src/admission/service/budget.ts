/**
 * The burden budget of a county (一进一出): a yearly ceiling on the burden hours its
 * departments may add. What counts, for the calendar year in China time:
 *   + the burden estimate (hours a year across the communities in scope) of every
 *     application approved that year;
 *   − the hours of ledger requirements abolished or merged that year (Standard Cost
 *     Model over the communities they applied to), unless they belong to an item
 *     revoked the same year (that one is credited whole);
 *   − the burden estimate of approved items revoked (cancelled) that year.
 * Computed live in SQL (one statement), so the rules engine sees every approval at once.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { FILINGS_PER_YEAR } from '../enums';

/** Filings a year of a ledger requirement row `alias`, from the Standard Cost Model table (FILINGS_PER_YEAR in ./enums; AD_HOC: its expected count). */
export const filingsPerYearSql = (alias: string) =>
  `(case ${alias}.frequency ${Object.entries(FILINGS_PER_YEAR)
    .map(([f, n]) => `when '${f}' then ${n}`)
    .join(' ')} else coalesce(${alias}.expected_per_year, 0) end)`;

export interface BudgetUsage {
  approvedHours: number;
  creditedHours: number;
  usedHours: number;
}

let ledgerTable: boolean | undefined;

const APPROVED = `exists (select 1 from approval_document d where d.application_id = a.id and not d.provisional)`;

export async function budgetUsage(em: EntityManager, countyId: number, year: number, excludeApplicationId?: number | null): Promise<BudgetUsage> {
  const conn = em.getConnection();
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- MikroORM types the transaction context as any
  const ctx = em.getTransactionContext();
  if (ledgerTable === undefined) {
    const r: Array<{ ok: boolean }> = await conn.execute(`select to_regclass('public.ledger_requirement') is not null as ok`, [], 'all', ctx);
    ledgerTable = r[0].ok;
  }
  const start = `'${year}-01-01 00:00:00+08'::timestamptz`;
  const end = `'${year + 1}-01-01 00:00:00+08'::timestamptz`;
  const exclude = Number.isSafeInteger(excludeApplicationId) ? `and a.id <> ${excludeApplicationId}` : '';
  const hours = `coalesce((a.burden->>'hoursPerYear')::float8, 0)`;
  const ledgers = ledgerTable
    ? `(select coalesce(sum(${filingsPerYearSql('l')} * l.minutes_per_filing / 60.0
                  * coalesce((select jsonb_array_length(a.community_ids) from admission_application a where a.id = l.application_id),
                             (select count(*) from community c where c.county_id = l.county_id))), 0)
          from ledger_requirement l
         where l.county_id = ${countyId} and l.status in ('ABOLISHED', 'MERGED')
           and l.status_changed_on >= '${year}-01-01' and l.status_changed_on < '${year + 1}-01-01'
           and not exists (select 1 from admission_application a where a.id = l.application_id and a.revoked_at >= ${start} and a.revoked_at < ${end} and ${APPROVED}))`
    : '0';
  const rows: Array<{ approved: number; revoked: number; ledgers: number }> = await conn.execute(
    `select
       (select coalesce(sum(${hours}), 0) from admission_application a
         where a.county_id = ${countyId} and a.decided_at >= ${start} and a.decided_at < ${end} and ${APPROVED} ${exclude})::float8 as approved,
       (select coalesce(sum(${hours}), 0) from admission_application a
         where a.county_id = ${countyId} and a.revoked_at >= ${start} and a.revoked_at < ${end} and ${APPROVED} ${exclude})::float8 as revoked,
       ${ledgers}::float8 as ledgers`,
    [],
    'all',
    ctx,
  );
  const r1 = (n: number) => Math.round(n * 10) / 10;
  const approvedHours = r1(Number(rows[0].approved));
  const creditedHours = r1(Number(rows[0].revoked) + Number(rows[0].ledgers));
  return { approvedHours, creditedHours, usedHours: r1(approvedHours - creditedHours) };
}

/** What the rules engine needs: the ceiling and what is used, or null when the county set no budget for the year. */
export async function budgetFacts(
  em: EntityManager,
  countyId: number,
  year: number,
  excludeApplicationId?: number | null,
): Promise<{ ceilingHours: number; usedHours: number } | null> {
  const rows: Array<{ ceiling_hours: number }> = await em
    .getConnection()
    .execute(`select ceiling_hours from burden_budget where county_id = ${Number(countyId)} and year = ${Number(year)}`, [], 'all', em.getTransactionContext());
  if (!rows[0]) return null;
  const usage = await budgetUsage(em, countyId, year, excludeApplicationId);
  return { ceilingHours: Number(rows[0].ceiling_hours), usedHours: usage.usedHours };
}
