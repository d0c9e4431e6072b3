import { defineEnum } from '../../kernel/enums';

/**
 * The burden indicators analysts query, and the summary-table columns (measures) they
 * are computed from.
 *
 * A measure is a column of the summary tables (`stat_community_month`,
 * `stat_region_month`, `stat_department_month`), one value per month:
 *   - STOCK: the state at the end of the month (items in effect, ledger hours a year…);
 *     over a period, its value is the one at the period's last month;
 *   - FLOW: what happened during the month (filings, removals, approvals…); over a
 *     period, the sum of its months.
 * How a measure goes up the region tree:
 *   - SUM: additive over communities (a county's value is the sum of its communities');
 *   - DISTINCT: a count of things (applications, ledger requirements) that each belong to
 *     one county but may touch many communities — a community or township counts the
 *     things touching it, a county counts its own, a city or province sums its counties.
 * Every indicator is a measure, or a percentage of two measures (RATIO).
 */
export enum MeasureKind {
  STOCK = 'STOCK',
  FLOW = 'FLOW',
}
defineEnum(
  MeasureKind,
  'MeasureKind',
  '统计量类别。Kind of measure.',
  { STOCK: ['月末存量', 'End-of-month stock'], FLOW: ['当月发生量', 'Monthly flow'] },
  { graphql: false },
);

export type Rollup = 'SUM' | 'DISTINCT';

/** Source tables a measure needs; a measure whose source is missing is reported as unavailable (null). */
export type Source = 'admission' | 'funding' | 'ledgers' | 'filings' | 'terminals' | 'plaques' | 'certificates' | 'refusals' | 'dataRequirements';

export const SOURCE_TABLES: Record<Source, string[]> = {
  admission: ['admission_application', 'approval_document'],
  funding: ['admission_application', 'funding_allocation'],
  ledgers: ['ledger_requirement'],
  filings: ['ledger_filing', 'ledger_requirement'],
  terminals: ['terminal', 'terminal_app', 'business_app'],
  plaques: ['plaque'],
  certificates: ['certificate_issuance'],
  refusals: ['refusal'],
  dataRequirements: ['data_requirement'],
};

export interface Measure {
  /** snake_case column name in the summary tables. */
  column: string;
  kind: MeasureKind;
  rollup: Rollup;
  /** Whole numbers (integer column) or hours (double precision). */
  type: 'int' | 'hours';
  source: Source;
}

const m = (column: string, kind: MeasureKind, rollup: Rollup, type: 'int' | 'hours', source: Source): Measure => ({ column, kind, rollup, type, source });
const { STOCK, FLOW } = MeasureKind;

/** Every measure, in column order. */
export const MEASURES: Measure[] = [
  m('items_in_effect', STOCK, 'DISTINCT', 'int', 'admission'),
  m('item_placements', STOCK, 'SUM', 'int', 'admission'),
  m('assistance_items', STOCK, 'DISTINCT', 'int', 'admission'),
  m('unfunded_assistance_items', STOCK, 'DISTINCT', 'int', 'funding'),
  m('ledgers_in_force', STOCK, 'DISTINCT', 'int', 'ledgers'),
  m('ledger_hours', STOCK, 'SUM', 'hours', 'ledgers'),
  m('ledgers_abolished', FLOW, 'DISTINCT', 'int', 'ledgers'),
  m('ledgers_merged', FLOW, 'DISTINCT', 'int', 'ledgers'),
  m('filings_manual', FLOW, 'SUM', 'int', 'filings'),
  m('filings_generated', FLOW, 'SUM', 'int', 'filings'),
  m('one_form_hours_saved', FLOW, 'SUM', 'hours', 'filings'),
  m('terminals_in_use', STOCK, 'SUM', 'int', 'terminals'),
  m('terminals_planned', STOCK, 'SUM', 'int', 'terminals'),
  m('terminals_consolidated', FLOW, 'SUM', 'int', 'terminals'),
  m('app_obligations', STOCK, 'SUM', 'int', 'terminals'),
  m('plaques_kept', STOCK, 'SUM', 'int', 'plaques'),
  m('plaques_to_remove', STOCK, 'SUM', 'int', 'plaques'),
  m('plaques_removed', FLOW, 'SUM', 'int', 'plaques'),
  m('certificates_issued', FLOW, 'SUM', 'int', 'certificates'),
  m('certificates_refused_abolished', FLOW, 'SUM', 'int', 'certificates'),
  m('refusals', FLOW, 'SUM', 'int', 'refusals'),
  m('reports', FLOW, 'SUM', 'int', 'refusals'),
  m('emergency_entries', FLOW, 'DISTINCT', 'int', 'admission'),
  m('emergency_in_time', FLOW, 'DISTINCT', 'int', 'admission'),
  m('emergency_resolved', FLOW, 'DISTINCT', 'int', 'admission'),
  m('applications_approved', FLOW, 'DISTINCT', 'int', 'admission'),
  m('applications_rejected', FLOW, 'DISTINCT', 'int', 'admission'),
  m('approved_hours', FLOW, 'SUM', 'hours', 'admission'),
  m('rejected_hours', FLOW, 'SUM', 'hours', 'admission'),
  m('collections_avoided', FLOW, 'DISTINCT', 'int', 'dataRequirements'),
];
export const MEASURE_BY_COLUMN = new Map(MEASURES.map((x) => [x.column, x]));

/** What analysts ask for. */
export enum BurdenIndicator {
  ITEMS_IN_EFFECT = 'ITEMS_IN_EFFECT',
  ITEM_PLACEMENTS = 'ITEM_PLACEMENTS',
  LEDGER_HOURS = 'LEDGER_HOURS',
  LEDGERS_IN_FORCE = 'LEDGERS_IN_FORCE',
  LEDGERS_ABOLISHED = 'LEDGERS_ABOLISHED',
  LEDGERS_MERGED = 'LEDGERS_MERGED',
  FILINGS_MANUAL = 'FILINGS_MANUAL',
  FILINGS_GENERATED = 'FILINGS_GENERATED',
  GENERATED_FILINGS_PERCENT = 'GENERATED_FILINGS_PERCENT',
  ONE_FORM_HOURS_SAVED = 'ONE_FORM_HOURS_SAVED',
  TERMINALS_IN_USE = 'TERMINALS_IN_USE',
  TERMINALS_PLANNED = 'TERMINALS_PLANNED',
  TERMINALS_CONSOLIDATED = 'TERMINALS_CONSOLIDATED',
  APP_OBLIGATIONS = 'APP_OBLIGATIONS',
  PLAQUES_KEPT = 'PLAQUES_KEPT',
  PLAQUES_TO_REMOVE = 'PLAQUES_TO_REMOVE',
  PLAQUES_REMOVED = 'PLAQUES_REMOVED',
  CERTIFICATES_ISSUED = 'CERTIFICATES_ISSUED',
  CERTIFICATES_REFUSED_ABOLISHED = 'CERTIFICATES_REFUSED_ABOLISHED',
  ASSISTANCE_ITEMS = 'ASSISTANCE_ITEMS',
  UNFUNDED_ASSISTANCE_ITEMS = 'UNFUNDED_ASSISTANCE_ITEMS',
  FUNDING_COMPLIANCE_PERCENT = 'FUNDING_COMPLIANCE_PERCENT',
  EMERGENCY_ENTRIES = 'EMERGENCY_ENTRIES',
  EMERGENCY_IN_TIME = 'EMERGENCY_IN_TIME',
  EMERGENCY_IN_TIME_PERCENT = 'EMERGENCY_IN_TIME_PERCENT',
  REFUSALS = 'REFUSALS',
  REPORTS = 'REPORTS',
  COLLECTIONS_AVOIDED = 'COLLECTIONS_AVOIDED',
  APPLICATIONS_APPROVED = 'APPLICATIONS_APPROVED',
  APPLICATIONS_REJECTED = 'APPLICATIONS_REJECTED',
  APPROVED_HOURS = 'APPROVED_HOURS',
  REJECTED_HOURS = 'REJECTED_HOURS',
}

export type IndicatorKind = 'STOCK' | 'FLOW' | 'RATIO';

export interface IndicatorDef {
  key: BurdenIndicator;
  zh: string;
  en: string;
  unit: string;
  kind: IndicatorKind;
  /** The measure it reads (STOCK/FLOW). */
  column?: string;
  /** RATIO: 100 × Σ coef·column ÷ Σ coef·column (numerator, denominator). */
  ratio?: { numerator: Record<string, number>; denominator: Record<string, number> };
  /** One decimal (hours, percentages) or whole numbers. */
  decimals: 0 | 1;
  /** Higher is better (so a fall is bad); most burden indicators are the other way round. */
  higherIsBetter?: boolean;
}

const ind = (key: BurdenIndicator, column: string, unit: string, zh: string, en: string, higherIsBetter = false): IndicatorDef => {
  const measure = MEASURE_BY_COLUMN.get(column)!;
  return { key, zh, en, unit, kind: measure.kind, column, decimals: measure.type === 'hours' ? 1 : 0, higherIsBetter };
};
type Combo = Record<string, number>;
const ratio = (key: BurdenIndicator, zh: string, en: string, numerator: Combo, denominator: Combo, higherIsBetter = true): IndicatorDef => ({
  key,
  zh,
  en,
  unit: '%',
  kind: 'RATIO',
  ratio: { numerator, denominator },
  decimals: 1,
  higherIsBetter,
});

/** Every indicator with its label, unit and how it is computed, in display order. */
export const INDICATORS: IndicatorDef[] = [
  ind(BurdenIndicator.ITEMS_IN_EFFECT, 'items_in_effect', '项', '在施准入事项', 'Admitted items in effect'),
  ind(BurdenIndicator.ITEM_PLACEMENTS, 'item_placements', '项·村', '在施事项村次（事项×所涉村社区）', 'Item placements (items × communities)'),
  ind(BurdenIndicator.LEDGER_HOURS, 'ledger_hours', '小时/年', '台账报表负担（标准成本法）', 'Ledger burden, hours a year (Standard Cost Model)'),
  ind(BurdenIndicator.LEDGERS_IN_FORCE, 'ledgers_in_force', '项', '保留的台账报表', 'Ledger requirements in force'),
  ind(BurdenIndicator.LEDGERS_ABOLISHED, 'ledgers_abolished', '项', '取消的台账报表', 'Ledger requirements abolished', true),
  ind(BurdenIndicator.LEDGERS_MERGED, 'ledgers_merged', '项', '合并的台账报表', 'Ledger requirements merged', true),
  ind(BurdenIndicator.FILINGS_MANUAL, 'filings_manual', '次', '手工填报次数', 'Filings typed in by communities'),
  ind(BurdenIndicator.FILINGS_GENERATED, 'filings_generated', '次', '一表通自动生成次数', 'Filings generated from stored data (一表通)', true),
  ratio(
    BurdenIndicator.GENERATED_FILINGS_PERCENT,
    '自动生成填报占比',
    'Share of filings generated from stored data',
    { filings_generated: 1 },
    { filings_generated: 1, filings_manual: 1 },
  ),
  ind(BurdenIndicator.ONE_FORM_HOURS_SAVED, 'one_form_hours_saved', '小时', '一表通节省工时', 'Hours saved by generated filings', true),
  ind(BurdenIndicator.TERMINALS_IN_USE, 'terminals_in_use', '台', '在用终端', 'Terminals in use'),
  ind(BurdenIndicator.TERMINALS_PLANNED, 'terminals_planned', '台', '计划整合终端', 'Terminals planned for consolidation'),
  ind(BurdenIndicator.TERMINALS_CONSOLIDATED, 'terminals_consolidated', '台', '已整合终端', 'Terminals consolidated', true),
  ind(BurdenIndicator.APP_OBLIGATIONS, 'app_obligations', '个·村', '村（社区）须操作的应用', 'Apps communities must operate (apps × communities)'),
  ind(BurdenIndicator.PLAQUES_KEPT, 'plaques_kept', '块', '在挂牌子', 'Plaques on the wall'),
  ind(BurdenIndicator.PLAQUES_TO_REMOVE, 'plaques_to_remove', '块', '待摘除牌子', 'Plaques ordered removed, still up'),
  ind(BurdenIndicator.PLAQUES_REMOVED, 'plaques_removed', '块', '已摘除牌子', 'Plaques removed', true),
  ind(BurdenIndicator.CERTIFICATES_ISSUED, 'certificates_issued', '件', '出具证明', 'Certificates issued'),
  ind(
    BurdenIndicator.CERTIFICATES_REFUSED_ABOLISHED,
    'certificates_refused_abolished',
    '件',
    '因已取消而拒开证明',
    'Certificate requests refused as abolished',
  ),
  ind(BurdenIndicator.ASSISTANCE_ITEMS, 'assistance_items', '项', '在施协助类事项', 'Admitted assistance items in effect'),
  ind(BurdenIndicator.UNFUNDED_ASSISTANCE_ITEMS, 'unfunded_assistance_items', '项', '无经费的协助类事项', 'Admitted assistance items without funding'),
  ratio(
    BurdenIndicator.FUNDING_COMPLIANCE_PERCENT,
    '费随事转落实率',
    'Funding-follows-task compliance',
    { assistance_items: 1, unfunded_assistance_items: -1 },
    { assistance_items: 1 },
  ),
  ind(BurdenIndicator.EMERGENCY_ENTRIES, 'emergency_entries', '项', '紧急事项先进后批', 'Emergency entries'),
  ind(BurdenIndicator.EMERGENCY_IN_TIME, 'emergency_in_time', '项', '紧急事项按期补批', 'Emergency entries approved before the deadline', true),
  ratio(
    BurdenIndicator.EMERGENCY_IN_TIME_PERCENT,
    '紧急事项按期补批率',
    'Share of emergency entries approved in time',
    { emergency_in_time: 1 },
    { emergency_resolved: 1 },
  ),
  ind(BurdenIndicator.REFUSALS, 'refusals', '件', '村（社区）拒绝执行', 'Refusals by communities'),
  ind(BurdenIndicator.REPORTS, 'reports', '件', '举报未经准入事项', 'Reports of unapproved tasks'),
  ind(BurdenIndicator.COLLECTIONS_AVOIDED, 'collections_avoided', '项', '避免重复采集的数据需求', 'Duplicate data collections avoided', true),
  ind(BurdenIndicator.APPLICATIONS_APPROVED, 'applications_approved', '项', '批准的准入申请', 'Applications approved'),
  ind(BurdenIndicator.APPLICATIONS_REJECTED, 'applications_rejected', '项', '不予准入的申请', 'Applications rejected'),
  ind(BurdenIndicator.APPROVED_HOURS, 'approved_hours', '小时/年', '批准事项的测算负担', 'Burden estimate of approved applications, hours a year'),
  ind(
    BurdenIndicator.REJECTED_HOURS,
    'rejected_hours',
    '小时/年',
    '被拒事项的测算负担（挡住的负担）',
    'Burden estimate of rejected applications (kept out), hours a year',
    true,
  ),
];
export const INDICATOR_BY_KEY = new Map(INDICATORS.map((i) => [i.key, i]));

const KIND_TEXT = {
  STOCK: ['月末存量，期间取期末值', 'end-of-month stock; period value at its last month'],
  FLOW: ['当月发生量，期间求和', 'monthly flow; summed over the period'],
  RATIO: ['比率', 'percentage'],
} as const;
defineEnum(
  BurdenIndicator,
  'BurdenIndicator',
  '村（社区）负担统计指标。A burden statistics indicator.',
  Object.fromEntries(
    INDICATORS.map((i) => {
      const [kindZh, kindEn] = KIND_TEXT[i.kind === 'STOCK' || i.kind === 'FLOW' ? i.kind : 'RATIO'];
      return [i.key, [i.zh, i.en, `${i.zh}（${i.unit}；${kindZh}）。${i.en} (${kindEn}).`]];
    }),
  ) as unknown as Record<BurdenIndicator, readonly [string, string, string]>,
);

/** The measure columns an indicator reads. */
export function columnsOf(def: IndicatorDef): string[] {
  return def.ratio ? [...new Set([...Object.keys(def.ratio.numerator), ...Object.keys(def.ratio.denominator)])] : [def.column!];
}

const combine = (combo: Record<string, number>, v: Record<string, number | null>): number | null => {
  let total = 0;
  for (const [col, coef] of Object.entries(combo)) {
    const x = v[col];
    if (x == null) return null;
    total += coef * x;
  }
  return total;
};

/** An indicator's value from its measures' values (null when a measure is unavailable or a ratio has no denominator). */
export function indicatorValue(def: IndicatorDef, v: Record<string, number | null>): number | null {
  if (!def.ratio) return v[def.column!] ?? null;
  const num = combine(def.ratio.numerator, v);
  const den = combine(def.ratio.denominator, v);
  return num == null || den == null || den === 0 ? null : (100 * num) / den;
}

/** The same as SQL over aggregated column expressions (`agg(col)` gives the SQL of one column). */
export function indicatorSql(def: IndicatorDef, agg: (col: string) => string): string {
  if (!def.ratio) return agg(def.column!);
  const lin = (combo: Record<string, number>) =>
    Object.entries(combo)
      .map(([c, k]) => `${k === 1 ? '' : `${k} * `}${agg(c)}`)
      .join(' + ');
  return `(100.0 * (${lin(def.ratio.numerator)}) / nullif(${lin(def.ratio.denominator)}, 0))`;
}

/** The default selection (what a dashboard shows). */
export const DEFAULT_INDICATORS: BurdenIndicator[] = [
  BurdenIndicator.ITEMS_IN_EFFECT,
  BurdenIndicator.LEDGER_HOURS,
  BurdenIndicator.LEDGERS_ABOLISHED,
  BurdenIndicator.TERMINALS_IN_USE,
  BurdenIndicator.TERMINALS_CONSOLIDATED,
  BurdenIndicator.PLAQUES_KEPT,
  BurdenIndicator.FUNDING_COMPLIANCE_PERCENT,
  BurdenIndicator.EMERGENCY_IN_TIME_PERCENT,
  BurdenIndicator.REFUSALS,
  BurdenIndicator.APPROVED_HOURS,
];
