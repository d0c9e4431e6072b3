/**
 * Refreshes the statistics summary tables from the operational tables, entirely in
 * PostgreSQL: nothing is loaded into Node.
 *
 * How: every source (applications, ledgers, filings, terminals, plaques, certificates,
 * refusals, data requirements) is turned into *events* — a thing starting or stopping to
 * count at the end of a month (stocks), or happening in a month (flows) — at four
 * grains: community ('C'), township ('T', distinct things touching it), county ('K',
 * things it owns) and department ('D'); collect-once data requirements of a city or
 * province add 'R' events. Events go, pre-grouped, into one wide temporary table. The
 * summary rows are then a dense grid (every community, region and department × every
 * month) with running sums for stocks and plain sums for flows:
 *
 *   stat_community_month   from 'C' events
 *   stat_region_month      townships and counties: additive measures summed from their
 *                          communities, distinct ones from 'T'/'K' events; cities and
 *                          provinces: their counties summed (plus 'R' events)
 *   stat_department_month  from 'D' events
 *
 * One transaction (readers see the old or the new figures, never half), serialised by
 * an advisory lock. A refresh is full, or limited to some counties (their communities,
 * townships, county rows and county departments are replaced; cities and provinces are
 * re-summed), within the month range of the last full refresh.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationKind } from '../../admission';
import { filingsPerYearSql } from '../../admission';
import { MEASURES, MeasureKind, SOURCE_TABLES, type Measure, type Source } from './indicators';
import { forgetLastRefresh } from './statistics.service';

/** How far back a full refresh goes at most (months, including the current one). */
export const MAX_MONTHS = 24;
const TZ = 'Asia/Shanghai';
const LOCK_KEY = 727_001; // pg_advisory_xact_lock key of the refresh

export interface RefreshOptions {
  /** Limit to these counties (ids); omitted or empty: everything. */
  countyIds?: number[] | null;
  /** The month to count up to (YYYY-MM); defaults to the current month in China. */
  toMonth?: string;
  /** Earliest month (YYYY-MM) of a full refresh; defaults to the earliest month with data (at most MAX_MONTHS back). */
  fromMonth?: string;
}

export interface RefreshResult {
  scope: 'FULL' | 'COUNTIES';
  countyIds: number[];
  from: string;
  to: string;
  communityRows: number;
  regionRows: number;
  departmentRows: number;
  unavailable: Source[];
  durationMs: number;
}

// ---------------------------------------------------------------------------------------
// SQL helpers. Every value spliced into SQL is an integer or a validated YYYY-MM-DD.

const monthOf = (ts: string) => `(date_trunc('month', (${ts}) at time zone '${TZ}'))::date`;
const monthOfDate = (d: string) => `(date_trunc('month', ${d}))::date`;
const dateLit = (d: string) => {
  if (!/^\d{4}-\d{2}-01$/.test(d)) throw new Error(`bad month ${d}`);
  return `'${d}'::date`;
};
const intArray = (ids: number[]) => {
  if (!ids.every((i) => Number.isSafeInteger(i))) throw new Error('bad id list');
  return `'{${ids.join(',')}}'::int[]`;
};
/** Kinds of application that ask communities to assist (费随事转 applies); purchases of services are paid by contract. */
export const ASSISTANCE_KINDS = Object.values(ApplicationKind).filter((k) => k !== ApplicationKind.PURCHASE_OF_SERVICE);

const COLS = MEASURES.map((m) => m.column);
const distinctMeasures = MEASURES.filter((m) => m.rollup === 'DISTINCT');
const sumMeasures = MEASURES.filter((m) => m.rollup === 'SUM');

/** `month`: the current month in China, as YYYY-MM-01. */
export function currentMonth(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7) + '-01';
}
export function addMonths(month: string, n: number): string {
  const d = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

type Exec = (sql: string) => Promise<any[]>;

/** Event-generating statements of each source. `cf(col)` is the county filter on a county id column. */
function sourceStatements(avail: Set<Source>, cf: (col: string) => string): string[] {
  const out: string[] = [];
  const ins = (cols: string[], select: string) => `insert into st_ev (lvl, id, m, ${cols.join(', ')}) ${select}`;

  if (avail.has('admission')) {
    const funded = avail.has('funding')
      ? `case when a.funding_amount = 0 then null else (select ${monthOfDate('min(f.allocated_on)')} from funding_allocation f where f.application_id = a.id) end`
      : `case when a.funding_amount = 0 then null else ${monthOf('a.entered_at')} end`;
    out.push(`create temp table st_app on commit drop as
      select a.id, a.county_id, a.department_id, a.emergency, a.approved_in_time,
             a.kind in (${ASSISTANCE_KINDS.map((k) => `'${k}'`).join(', ')}) as assistance,
             ${monthOf('a.entered_at')} as entered_m,
             ${monthOf('coalesce(a.completed_at, a.revoked_at)')} as left_m,
             ${monthOf('a.decided_at')} as decided_m,
             exists (select 1 from approval_document d where d.application_id = a.id and not d.provisional) as approved,
             coalesce((a.burden->>'hoursPerCommunity')::float8, 0) as hours_pc,
             ${funded} as funded_m,
             a.community_ids
        from admission_application a
       where (a.entered_at is not null or a.decided_at is not null) and ${cf('a.county_id')}`);
    out.push(`create temp table st_app_comm on commit drop as
      select a.id as app_id, c.id as community_id, c.township_id
        from st_app a cross join lateral jsonb_array_elements_text(a.community_ids) e(v) join community c on c.id = e.v::int`);
    out.push(`create temp table st_app_n on commit drop as select app_id, count(*)::int as n from st_app_comm group by app_id`);
    // One row per application and event month: +1/−1 for stocks, counts for flows.
    out.push(`create temp table st_app_ev on commit drop as
      with x as (
        select a.*, case when a.funded_m is null then a.left_m when a.left_m is null then a.funded_m else least(a.left_m, a.funded_m) end as unf_end
          from st_app a
      ), y as (
        select x.*, (x.assistance and x.entered_m is not null and (x.unf_end is null or x.unf_end > x.entered_m)) as unfunded from x
      )
      select y.id, y.county_id, y.department_id, y.hours_pc, v.m,
             sum(v.items) as items, sum(v.assist) as assist, sum(v.unf) as unf, sum(v.em_e) as em_e, sum(v.em_t) as em_t,
             sum(v.em_r) as em_r, sum(v.appr) as appr, sum(v.rej) as rej
        from y cross join lateral (values
          (y.entered_m, 1, y.assistance::int, y.unfunded::int, y.emergency::int, (y.emergency and y.approved_in_time is true)::int, (y.emergency and y.approved_in_time is not null)::int, 0, 0),
          (case when y.entered_m is not null then y.left_m end, -1, -(y.assistance::int), 0, 0, 0, 0, 0, 0),
          (case when y.unfunded then y.unf_end end, 0, 0, -1, 0, 0, 0, 0, 0),
          (y.decided_m, 0, 0, 0, 0, 0, 0, y.approved::int, (not y.approved)::int)
        ) v(m, items, assist, unf, em_e, em_t, em_r, appr, rej)
       where v.m is not null
       group by y.id, y.county_id, y.department_id, y.hours_pc, v.m`);
    const appCols = [
      'items_in_effect',
      'assistance_items',
      'unfunded_assistance_items',
      'emergency_entries',
      'emergency_in_time',
      'emergency_resolved',
      'applications_approved',
      'applications_rejected',
    ];
    const appSums = 'sum(e.items), sum(e.assist), sum(e.unf), sum(e.em_e), sum(e.em_t), sum(e.em_r), sum(e.appr), sum(e.rej)';
    out.push(
      ins(
        [...appCols, 'item_placements', 'approved_hours', 'rejected_hours'],
        `select 'C', ac.community_id, e.m, ${appSums}, sum(e.items), sum(e.appr * e.hours_pc), sum(e.rej * e.hours_pc)
           from st_app_ev e join st_app_comm ac on ac.app_id = e.id group by ac.community_id, e.m`,
      ),
    );
    out.push(
      ins(
        appCols,
        `select 'T', t.township_id, e.m, ${appSums} from st_app_ev e join (select distinct app_id, township_id from st_app_comm) t on t.app_id = e.id group by t.township_id, e.m`,
      ),
    );
    out.push(ins(appCols, `select 'K', e.county_id, e.m, ${appSums} from st_app_ev e group by e.county_id, e.m`));
    out.push(
      ins(
        [...appCols, 'item_placements', 'approved_hours', 'rejected_hours'],
        `select 'D', e.department_id, e.m, ${appSums}, sum(e.items * coalesce(n.n, 0)), sum(e.appr * e.hours_pc * coalesce(n.n, 0)), sum(e.rej * e.hours_pc * coalesce(n.n, 0))
           from st_app_ev e left join st_app_n n on n.app_id = e.id group by e.department_id, e.m`,
      ),
    );
  }

  if (avail.has('ledgers')) {
    out.push(`create temp table st_led on commit drop as
      select l.id, l.county_id, l.department_id, l.application_id, l.status,
             ${monthOf('l.created_at')} as start_m,
             case when l.status <> 'KEPT' then ${monthOfDate("coalesce(l.status_changed_on, (l.updated_at at time zone 'Asia/Shanghai')::date)")} end as end_m,
             ${filingsPerYearSql('l')} * l.minutes_per_filing / 60.0 as hours_pc
        from ledger_requirement l where ${cf('l.county_id')}`);
    // The communities a requirement applies to: those of the application that introduced it, else every community of its county.
    out.push(`create temp table st_led_comm on commit drop as
      select l.id as led_id, c.id as community_id, c.township_id
        from st_led l join admission_application a on a.id = l.application_id
             cross join lateral jsonb_array_elements_text(a.community_ids) e(v) join community c on c.id = e.v::int
      union all
      select l.id, c.id, c.township_id from st_led l join community c on c.county_id = l.county_id
       where l.application_id is null or not exists (select 1 from admission_application a where a.id = l.application_id)`);
    out.push(`create temp table st_led_ev on commit drop as
      select l.id, l.county_id, l.department_id, l.hours_pc, v.m, sum(v.n) as n, sum(v.ab) as ab, sum(v.mg) as mg
        from st_led l cross join lateral (values
          (l.start_m, 1, 0, 0),
          (l.end_m, -1, (l.status = 'ABOLISHED')::int, (l.status = 'MERGED')::int)
        ) v(m, n, ab, mg)
       where v.m is not null
       group by l.id, l.county_id, l.department_id, l.hours_pc, v.m`);
    const cols = ['ledgers_in_force', 'ledgers_abolished', 'ledgers_merged'];
    out.push(
      ins(
        [...cols, 'ledger_hours'],
        `select 'C', lc.community_id, e.m, sum(e.n), sum(e.ab), sum(e.mg), sum(e.n * e.hours_pc)
           from st_led_ev e join st_led_comm lc on lc.led_id = e.id group by lc.community_id, e.m`,
      ),
    );
    out.push(
      ins(
        cols,
        `select 'T', t.township_id, e.m, sum(e.n), sum(e.ab), sum(e.mg) from st_led_ev e join (select distinct led_id, township_id from st_led_comm) t on t.led_id = e.id group by t.township_id, e.m`,
      ),
    );
    out.push(ins(cols, `select 'K', e.county_id, e.m, sum(e.n), sum(e.ab), sum(e.mg) from st_led_ev e group by e.county_id, e.m`));
    out.push(
      ins(
        [...cols, 'ledger_hours'],
        `select 'D', e.department_id, e.m, sum(e.n), sum(e.ab), sum(e.mg), sum(e.n * e.hours_pc * coalesce(k.n, 0))
           from st_led_ev e left join (select led_id, count(*) as n from st_led_comm group by led_id) k on k.led_id = e.id
          group by e.department_id, e.m`,
      ),
    );
  }

  if (avail.has('filings')) {
    const sel = (lvl: string, idCol: string) => `select '${lvl}', ${idCol}, ${monthOf('f.filed_at')} as m,
        count(*) filter (where f.method = 'MANUAL'), count(*) filter (where f.method = 'GENERATED'),
        coalesce(sum(r.minutes_per_filing) filter (where f.method = 'GENERATED'), 0) / 60.0
      from ledger_filing f join ledger_requirement r on r.id = f.requirement_id where ${cf('f.county_id')} group by 2, 3`;
    out.push(ins(['filings_manual', 'filings_generated', 'one_form_hours_saved'], sel('C', 'f.community_id')));
    out.push(ins(['filings_manual', 'filings_generated', 'one_form_hours_saved'], sel('D', 'r.department_id')));
  }

  if (avail.has('terminals')) {
    const left = `case t.status when 'CONSOLIDATED' then coalesce(t.consolidated_at, t.platform_updated_at)
                                when 'DECOMMISSIONED' then coalesce(t.deleted_at, t.platform_updated_at) else t.deleted_at end`;
    out.push(`create temp table st_term on commit drop as
      select t.id, t.community_id, ${monthOf('t.created_at')} as start_m, ${monthOf(left)} as end_m,
             case when t.status = 'PLANNED_FOR_CONSOLIDATION' and t.deleted_at is null then ${monthOf('t.updated_at')} end as planned_m,
             ${monthOf('t.consolidated_at')} as consolidated_m
        from terminal t join community c on c.id = t.community_id where ${cf('c.county_id')}`);
    out.push(`create temp table st_term_ev on commit drop as
      select t.id, t.community_id, v.m, sum(v.u) as u, sum(v.p) as p, sum(v.k) as k
        from st_term t cross join lateral (values (t.start_m, 1, 0, 0), (t.end_m, -1, 0, 0), (t.planned_m, 0, 1, 0), (t.consolidated_m, 0, 0, 1)) v(m, u, p, k)
       where v.m is not null group by t.id, t.community_id, v.m`);
    out.push(
      ins(
        ['terminals_in_use', 'terminals_planned', 'terminals_consolidated'],
        `select 'C', e.community_id, e.m, sum(e.u), sum(e.p), sum(e.k) from st_term_ev e group by e.community_id, e.m`,
      ),
    );
    out.push(
      ins(
        ['terminals_in_use', 'terminals_planned', 'terminals_consolidated'],
        `select 'D', d.department_id, e.m, sum(e.u), sum(e.p), sum(e.k)
           from st_term_ev e join (select distinct ta.terminal_id, b.department_id from terminal_app ta join business_app b on b.id = ta.business_app_id where b.department_id is not null) d
             on d.terminal_id = e.id group by d.department_id, e.m`,
      ),
    );
    // Apps a community must operate: while some terminal in use there serves the app (and the app still exists).
    out.push(`create temp table st_obl on commit drop as
      select t.community_id, b.id as app_id, b.department_id, min(t.start_m) as s,
             case when bool_or(t.end_m is null) then ${monthOf('b.deleted_at')}
                  else least(max(t.end_m), coalesce(${monthOf('b.deleted_at')}, max(t.end_m))) end as e
        from st_term t join terminal_app ta on ta.terminal_id = t.id join business_app b on b.id = ta.business_app_id and b.used_by_communities
       group by t.community_id, b.id, b.department_id`);
    const obl = (lvl: string, idCol: string) =>
      ins(
        ['app_obligations'],
        `select '${lvl}', ${idCol}, v.m, sum(v.n) from st_obl o cross join lateral (values (o.s, 1), (o.e, -1)) v(m, n) where v.m is not null and ${idCol} is not null group by 2, 3`,
      );
    out.push(obl('C', 'o.community_id'), obl('D', 'o.department_id'));
  }

  if (avail.has('plaques')) {
    out.push(`create temp table st_plq on commit drop as
      select p.community_id, p.department_id, ${monthOfDate("coalesce(p.installed_on, (p.created_at at time zone 'Asia/Shanghai')::date)")} as start_m,
             ${monthOfDate('p.removed_on')} as removed_m,
             case when p.status in ('TO_REMOVE', 'REMOVED') then ${monthOfDate('p.removal_ordered_on')} end as ordered_m
        from plaque p where ${cf('p.county_id')}`);
    const plq = (lvl: string, idCol: string) =>
      ins(
        ['plaques_kept', 'plaques_to_remove', 'plaques_removed'],
        `select '${lvl}', ${idCol}, v.m, sum(v.k), sum(v.t), sum(v.r) from st_plq p cross join lateral (values
            (p.start_m, 1, 0, 0), (p.removed_m, -1, 0, 1), (p.ordered_m, 0, 1, 0), (case when p.ordered_m is not null then p.removed_m end, 0, -1, 0)
          ) v(m, k, t, r) where v.m is not null group by 2, 3`,
      );
    out.push(plq('C', 'p.community_id'), plq('D', 'p.department_id'));
  }

  if (avail.has('certificates')) {
    const cert = (lvl: string, idCol: string) =>
      ins(
        ['certificates_issued', 'certificates_refused_abolished'],
        `select '${lvl}', ${idCol}, ${monthOf('i.handled_at')}, count(*) filter (where i.outcome = 'ISSUED'), count(*) filter (where i.outcome = 'REFUSED' and i.refusal_reason = 'ABOLISHED')
           from certificate_issuance i where ${cf('i.county_id')} and ${idCol} is not null group by 2, 3`,
      );
    out.push(cert('C', 'i.community_id'), cert('D', 'i.requiring_department_id'));
  }

  if (avail.has('refusals')) {
    const ref = (lvl: string, idCol: string) =>
      ins(
        ['refusals', 'reports'],
        `select '${lvl}', ${idCol}, ${monthOf('r.created_at')}, count(*) filter (where r.kind = 'REFUSAL'), count(*) filter (where r.kind = 'REPORT')
           from refusal r where ${cf('r.county_id')} and ${idCol} is not null group by 2, 3`,
      );
    out.push(ref('C', 'r.community_id'), ref('D', 'r.department_id'));
  }

  if (avail.has('dataRequirements')) {
    // Counted where the requirement's scope lies: a township (and its county), a county, or a city / province ('R').
    const base = `from data_requirement q join region g on g.id = q.region_id where q.collect_once and q.collect_once_at is not null`;
    const m = monthOf('q.collect_once_at');
    out.push(ins(['collections_avoided'], `select 'T', g.id, ${m}, count(*) ${base} and g.level = 'TOWNSHIP' and ${cf('g.parent_id')} group by 2, 3`));
    out.push(
      ins(
        ['collections_avoided'],
        `select 'K', case when g.level = 'TOWNSHIP' then g.parent_id else g.id end, ${m}, count(*) ${base}
            and g.level in ('TOWNSHIP', 'COUNTY') and ${cf("case when g.level = 'TOWNSHIP' then g.parent_id else g.id end")} group by 2, 3`,
      ),
    );
    out.push(ins(['collections_avoided'], `select 'R', g.id, ${m}, count(*) ${base} and g.level in ('CITY', 'PROVINCE') group by 2, 3`)); // always all: cities and provinces are re-summed on every refresh
    out.push(
      ins(
        ['collections_avoided'],
        `select 'D', q.department_id, ${m}, count(*) ${base} and ${cf("case when g.level = 'TOWNSHIP' then g.parent_id else g.id end")} group by 2, 3`,
      ),
    );
  }
  // Temporary tables have no statistics until analysed; the joins above need them.
  return out.flatMap((sql) => {
    const created = /^create temp table (\w+)/.exec(sql);
    return created ? [sql, `analyze ${created[1]}`] : [sql];
  });
}

/** The per-(id, month) sums of events at level `lvl` (stocks clamped to `from`, earlier flows dropped). */
function eventSums(lvl: string, from: string, to: string, measures: Measure[]): string {
  const sums = measures.map((mm) =>
    mm.kind === MeasureKind.STOCK ? `sum(${mm.column}) as ${mm.column}` : `sum(${mm.column}) filter (where m >= ${dateLit(from)}) as ${mm.column}`,
  );
  return `(select id, greatest(m, ${dateLit(from)}) as mm, ${sums.join(', ')} from st_ev where lvl = '${lvl}' and m <= ${dateLit(to)} group by id, mm)`;
}
/** A measure's value in the dense grid: running sum for stocks, the month's sum for flows. */
const gridValue = (mm: Measure, alias: string, window: string) =>
  mm.kind === MeasureKind.STOCK ? `coalesce(sum(${alias}.${mm.column}) over ${window}, 0)` : `coalesce(${alias}.${mm.column}, 0)`;

async function availableSources(exec: Exec): Promise<Set<Source>> {
  const tables = [...new Set(Object.values(SOURCE_TABLES).flat())];
  const rows = await exec(`select t, to_regclass('public.' || t) is not null as ok from unnest(array[${tables.map((t) => `'${t}'`).join(', ')}]) t`);
  const present = new Set(rows.filter((r) => r.ok).map((r) => r.t as string));
  return new Set((Object.keys(SOURCE_TABLES) as Source[]).filter((s) => SOURCE_TABLES[s].every((t) => present.has(t))));
}

/**
 * Recomputes the summary tables (all, or some counties). Runs in its own transaction on
 * `em`'s connection pool; returns what it did.
 */
export async function refreshStatistics(em: EntityManager, opts: RefreshOptions = {}): Promise<RefreshResult> {
  const started = Date.now();
  const countyIds = [...new Set(opts.countyIds ?? [])];
  try {
    return await refreshInTransaction(em, opts, countyIds, started);
  } finally {
    forgetLastRefresh(); // answers in memory are keyed by the refresh: look again at once
  }
}

async function refreshInTransaction(em: EntityManager, opts: RefreshOptions, countyIds: number[], started: number): Promise<RefreshResult> {
  return em.fork().transactional(async (tx) => {
    const conn = tx.getConnection();
    const debug = !!process.env.STATS_DEBUG; // STATS_DEBUG=1 prints each statement's time
    const exec: Exec = async (sql) => {
      const t0 = Date.now();
      const rows = await conn.execute(sql, [], 'all', tx.getTransactionContext());
      if (debug) console.log(`${String(Date.now() - t0).padStart(6)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 110)}`);
      return rows;
    };
    await exec(`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await exec(`set local work_mem = '128MB'`);
    // The statements are few and large: compiling them (JIT) costs more than it saves.
    await exec(`set local jit = off`);
    let to = opts.toMonth ? `${opts.toMonth.slice(0, 7)}-01` : currentMonth();
    let partial = countyIds.length > 0;
    let from: string | null = null;
    if (partial) {
      // Some counties: within the months of the last full refresh (the scheduled full refresh moves them on).
      const last = await exec(
        `select month_from::text as f, month_to::text as t from stat_refresh where scope = 'FULL' and finished_at is not null order by id desc limit 1`,
      );
      if (last[0]) [from, to] = [last[0].f, last[0].t];
      else partial = false; // never refreshed in full: do that first
    }
    const cf = (col: string) => (partial ? `${col} = any(${intArray(countyIds)})` : 'true');
    const avail = await availableSources(exec);

    await exec(`create temp table st_ev (lvl "char" not null, id int not null, m date not null, ${COLS.map((c) => `${c} float8`).join(', ')}) on commit drop`);
    for (const sql of sourceStatements(avail, cf)) await exec(sql);
    if (!from) {
      const min = await exec(`select min(m)::text as m from st_ev`);
      const earliest = addMonths(to, -(MAX_MONTHS - 1));
      from = opts.fromMonth ? `${opts.fromMonth.slice(0, 7)}-01` : min[0]?.m && min[0].m > earliest ? min[0].m : min[0]?.m ? earliest : to;
      if (from! > to) from = to;
    }
    const f = from!;
    await exec(`analyze st_ev`);
    await exec(`create temp table st_months on commit drop as select generate_series(${dateLit(f)}, ${dateLit(to)}, interval '1 month')::date as m`);
    await exec(`analyze st_months`);
    const run = await exec(
      `insert into stat_refresh (started_at, scope, month_from, month_to, unavailable) values (to_timestamp(${started / 1000}), '${partial ? `COUNTIES:${countyIds.join(',')}` : 'FULL'}', ${dateLit(f)}, ${dateLit(to)}, '${JSON.stringify((Object.keys(SOURCE_TABLES) as Source[]).filter((s) => !avail.has(s)))}'::jsonb) returning id`,
    );

    // Communities.
    await exec(partial ? `delete from stat_community_month where ${cf('county_id')}` : `delete from stat_community_month`);
    await exec(`insert into stat_community_month (month, community_id, township_id, county_id, ${COLS.join(', ')})
      select g.m, c.id, c.township_id, c.county_id, ${MEASURES.map((mm) => gridValue(mm, 'e', 'w')).join(', ')}
        from community c cross join st_months g left join ${eventSums('C', f, to, MEASURES)} e on e.id = c.id and e.mm = g.m
       where ${cf('c.county_id')}
      window w as (partition by c.id order by g.m rows unbounded preceding)`);

    // Townships and counties: additive measures from their communities, distinct ones from their own events.
    await exec(
      partial
        ? `delete from stat_region_month where region_id in (select id from region where ${cf('id')} or (level = 'TOWNSHIP' and ${cf('parent_id')})) or level in ('CITY', 'PROVINCE')`
        : `delete from stat_region_month`,
    );
    for (const [level, lvl, key, filter] of [
      ['TOWNSHIP', 'T', 'township_id', cf('r.parent_id')],
      ['COUNTY', 'K', 'county_id', cf('r.id')],
    ] as const) {
      await exec(`insert into stat_region_month (month, region_id, level, ${COLS.join(', ')})
        select g.m, r.id, '${level}', ${MEASURES.map((mm) => (mm.rollup === 'SUM' ? `coalesce(s.${mm.column}, 0)` : gridValue(mm, 'e', 'w'))).join(', ')}
          from region r cross join st_months g
          left join (select ${key} as id, month, ${sumMeasures.map((mm) => `sum(${mm.column}) as ${mm.column}`).join(', ')}
                       from stat_community_month where ${cf('county_id')} group by ${key}, month) s on s.id = r.id and s.month = g.m
          left join ${eventSums(lvl, f, to, distinctMeasures)} e on e.id = r.id and e.mm = g.m
         where r.level = '${level}' and ${filter}
        window w as (partition by r.id order by g.m rows unbounded preceding)`);
    }
    // Cities and provinces: the sum of their counties (and collect-once requirements scoped to them).
    await exec(`insert into stat_region_month (month, region_id, level, ${COLS.join(', ')})
      select x.month, a.id, a.level, ${COLS.map((c) => `sum(x.${c})`).join(', ')}
        from (
          select k.month, k.region_id as rid, ${COLS.map((c) => `k.${c}`).join(', ')} from stat_region_month k where k.level = 'COUNTY'
          union all
          select e.mm, e.id, ${COLS.map((c) => (c === 'collections_avoided' ? `e.${c}` : '0')).join(', ')} from ${eventSums(
            'R',
            f,
            to,
            MEASURES.filter((mm) => mm.column === 'collections_avoided'),
          )} e
        ) x
        join region r on r.id = x.rid
        left join region p1 on p1.id = r.parent_id
        left join region p2 on p2.id = p1.parent_id
        cross join lateral (values (case when r.level in ('CITY', 'PROVINCE') then r.id end, r.level::text), (p1.id, p1.level::text), (p2.id, p2.level::text)) a(id, level)
       where a.id is not null and a.level in ('CITY', 'PROVINCE')
       group by x.month, a.id, a.level`);

    // Departments (of the refreshed counties, or all).
    await exec(partial ? `delete from stat_department_month where ${cf('region_id')}` : `delete from stat_department_month`);
    await exec(`insert into stat_department_month (month, department_id, region_id, ${COLS.join(', ')})
      select g.m, d.id, d.region_id, ${MEASURES.map((mm) => gridValue(mm, 'e', 'w')).join(', ')}
        from department d cross join st_months g left join ${eventSums('D', f, to, MEASURES)} e on e.id = d.id and e.mm = g.m
       where ${cf('d.region_id')}
      window w as (partition by d.id order by g.m rows unbounded preceding)`);

    const counts = await exec(`select
        (select count(*) from stat_community_month where ${cf('county_id')})::int as c,
        (select count(*) from stat_region_month)::int as r,
        (select count(*) from stat_department_month where ${cf('region_id')})::int as d`);
    const durationMs = Date.now() - started;
    await exec(`update stat_refresh set finished_at = now(), duration_ms = ${durationMs}, community_rows = ${counts[0].c} where id = ${run[0].id}`);
    return {
      scope: partial ? 'COUNTIES' : 'FULL',
      countyIds: partial ? countyIds : [],
      from: f.slice(0, 7),
      to: to.slice(0, 7),
      communityRows: counts[0].c,
      regionRows: counts[0].r,
      departmentRows: counts[0].d,
      unavailable: (Object.keys(SOURCE_TABLES) as Source[]).filter((s) => !avail.has(s)),
      durationMs,
    };
  });
}
