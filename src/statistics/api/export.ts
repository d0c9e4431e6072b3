/**
 * The statistics as spreadsheets: CSV (UTF-8 with BOM, CRLF, so Excel opens Chinese
 * correctly) and XLSX (exceljs), with Chinese headers. The figures are those of
 * `burdenStatistics` — the region's total first, then one row per group.
 */
import ExcelJS from 'exceljs';
import type { StatisticsAnswer, StatisticsRow } from '../service/statistics.service';
import { StatisticsGroupBy } from '../service/statistics.service';

const GROUP_LABELS: Record<StatisticsGroupBy, string> = {
  CITY: '市（州）',
  COUNTY: '县（市、区）',
  TOWNSHIP: '乡镇（街道）',
  COMMUNITY: '村（社区）',
  DEPARTMENT: '部门',
  MONTH: '月份',
};

export interface SheetTable {
  headers: string[];
  rows: Array<Array<string | number | null>>;
  /** Which columns hold numbers, and with how many decimals. */
  decimals: Array<number | null>;
}

/** The table: key columns, then per indicator its value and (with `compare`) baseline and change in percent. */
export function statisticsTable(a: StatisticsAnswer, compare: boolean): SheetTable {
  const keyHeaders =
    a.groupBy === StatisticsGroupBy.MONTH ? ['月份'] : a.groupBy === StatisticsGroupBy.DEPARTMENT ? ['部门'] : ['区划代码', GROUP_LABELS[a.groupBy]];
  if (a.monthly && a.groupBy !== StatisticsGroupBy.MONTH) keyHeaders.push('月份');
  const headers = [...keyHeaders];
  const decimals: Array<number | null> = keyHeaders.map(() => null);
  for (const d of a.indicators) {
    headers.push(`${d.zh}（${d.unit}）`);
    decimals.push(d.decimals);
    if (compare) {
      headers.push(`${d.zh}·基期值`, `${d.zh}·较基期变化（%）`);
      decimals.push(d.decimals, 1);
    }
  }
  const line = (r: StatisticsRow, total: boolean): Array<string | number | null> => {
    const keys: Array<string | number | null> =
      a.groupBy === StatisticsGroupBy.MONTH
        ? [total ? `合计（${a.from}至${a.to}）` : r.month]
        : a.groupBy === StatisticsGroupBy.DEPARTMENT
          ? [total ? `合计：${a.regionName}` : r.label]
          : [total ? a.regionCode : r.code, total ? `合计：${a.regionName}` : r.label];
    if (a.monthly && a.groupBy !== StatisticsGroupBy.MONTH) keys.push(total ? `${a.from}至${a.to}` : r.month);
    return [...keys, ...r.values.flatMap((v) => (compare ? [v.value, v.baseline, v.changePercent] : [v.value]))];
  };
  return { headers, decimals, rows: [line(a.total, true), ...a.rows.map((r) => line(r, false))] };
}

const csvCell = (v: string | number | null): string => {
  if (v == null) return '';
  const s = String(v);
  // Quote what needs it; neutralise formula injection for text cells (=, +, -, @ at the start).
  const safe = typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(t: SheetTable): Buffer {
  const lines = [t.headers, ...t.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

export async function toXlsx(a: StatisticsAnswer, t: SheetTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhunru 准入';
  wb.created = new Date();
  const ws = wb.addWorksheet('负担统计', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: a.groupBy === StatisticsGroupBy.MONTH || a.groupBy === StatisticsGroupBy.DEPARTMENT ? 1 : 2 }],
  });
  ws.addRow(t.headers);
  for (const row of t.rows) ws.addRow(row.map((v) => (v == null ? null : v)));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  ws.getRow(2).font = { bold: true };
  t.headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.min(28, Math.max(10, h.length * 1.6));
    const d = t.decimals[i];
    if (d != null) col.numFmt = d === 0 ? '#,##0' : '#,##0.0';
  });
  const about = wb.addWorksheet('说明');
  about.addRows([
    ['行政区划', `${a.regionName}（${a.regionCode}）`],
    ['统计期间', `${a.from} 至 ${a.to}`],
    ['分组', GROUP_LABELS[a.groupBy] + (a.monthly ? '（逐月）' : '')],
    ['基期月份', a.baselineMonth ?? '未设定'],
    ['汇总刷新时间', a.refreshedAt ? a.refreshedAt.toISOString() : '尚未刷新'],
    ['口径', '存量指标取期末月末值；发生量指标为期间合计；比率为期间（或期末）比率。基期值：存量取基期月末值，发生量取基期月数值乘以期间月数。'],
    [],
    ['指标', '单位', '类别', 'Indicator'],
    ...a.indicators.map((d) => [d.zh, d.unit, d.kind === 'STOCK' ? '存量（期末值）' : d.kind === 'FLOW' ? '发生量（期间合计）' : '比率', d.en]),
  ]);
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 40;
  about.getColumn(3).width = 18;
  about.getColumn(4).width = 48;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `负担统计_511828_TOWNSHIP_2026-01_2026-11.csv` */
export function exportFileName(a: StatisticsAnswer, ext: 'csv' | 'xlsx'): string {
  return `负担统计_${a.regionCode}_${a.groupBy}_${a.from}_${a.to}.${ext}`;
}
