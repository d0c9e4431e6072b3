/**
 * Legal basis that is a basis. Each citation is parsed — titles 《…》, article numbers
 * 第…条, document numbers 川民发〔2021〕12号 / 国务院令第394号, list item keys XZ-015 —
 * and judged:
 *
 *  - BASIS: a law, regulation or policy document of the shipped catalogue, or an item of
 *    the county's lists (whose own basis then counts);
 *  - UNVERIFIED: a real-looking title or a complete document number the catalogue does not
 *    know — a basis for now, for the reviewer to confirm;
 *  - DEFECTIVE: a document number without its serial (青乡振办〔2026〕号), a list key the
 *    county's lists do not have;
 *  - NOT_A_BASIS: "无", "领导要求", "会议精神", "上级通知", "工作需要" and the like.
 */
import { findLaw, lawsIn, type LawEntry } from './law-catalogue';

export type CitationVerdict = 'BASIS' | 'UNVERIFIED' | 'DEFECTIVE' | 'NOT_A_BASIS';

export interface Citation {
  raw: string;
  titles: string[];
  articles: string[];
  documentNumbers: string[];
  listKeys: string[];
  law: LawEntry | null;
  verdict: CitationVerdict;
  reason: string;
}

const EMPTY = /^(无|暂无|没有|无依据|空|—+|-+|\/|n\/?a|null|none|待补充|待定|略|见附件|详见|同上|\.+|…+)$/i;
/** Words that make a citation a directive or a habit, not law: 领导要求, 会议精神, 上级通知… */
const NOT_LAW =
  /领导(?!小组)|会议(精神|要求|部署|安排|决定)|工作会(议)?(精神|要求)|推进会|调度会|座谈会|专题会|常务会|党组会|讲话|指示|批示|上级(通知|要求|部署|文件|精神|安排|指示)|通知精神|文件精神|电话通知|口头|微信|工作群|短信|惯例|往年|以往|参照|工作需要|实际需要|工作安排|工作部署|自行|本部门|内部/;
const TITLE = /《([^》]{2,80})》/g;
const DOC_NUMBER = /([\u4e00-\u9fa5A-Za-z]{1,12})[〔［[【(（](\d{4})[〕］\]】)）](\d*)\s*号/g;
const ORDER_NUMBER = /([\u4e00-\u9fa5]{2,12}令)第?(\d+)号/g;
const ARTICLE = /第[一二三四五六七八九十百零〇两\d]+条(第[一二三四五六七八九十\d]+款)?/g;
const LIST_KEY = /\b(XZ|LZ|FM)-?(\d{1,3})\b/gi;

/** Keys of list items cited (XZ-015, FM-3 → FM-003). */
export function citedListKeys(text: string): string[] {
  return [...text.matchAll(LIST_KEY)].map((m) => `${m[1].toUpperCase()}-${m[2].padStart(3, '0')}`);
}

/**
 * Parses one citation. `listKeys` are the keys of the county's list items (to tell a
 * resolvable XZ-015 from a made-up one).
 */
export function parseCitation(raw: string, listKeys: ReadonlySet<string> = new Set()): Citation {
  const text = raw.trim();
  const titles = [...text.matchAll(TITLE)].map((m) => m[1].trim());
  const articles = [...text.matchAll(ARTICLE)].map((m) => m[0]);
  const documentNumbers: string[] = [];
  let incompleteNumber: string | null = null;
  for (const m of text.matchAll(DOC_NUMBER)) {
    if (m[3]) documentNumbers.push(m[0]);
    else incompleteNumber = m[0];
  }
  for (const m of text.matchAll(ORDER_NUMBER)) documentNumbers.push(m[0]);
  const keys = citedListKeys(text);
  const base = { raw: text, titles, articles, documentNumbers, listKeys: keys };

  if (!text || EMPTY.test(text.replace(/[。.，,\s]/g, ''))) {
    return { ...base, law: null, verdict: 'NOT_A_BASIS', reason: '未填写依据' };
  }
  if (keys.length) {
    const known = keys.filter((k) => listKeys.has(k));
    if (known.length) return { ...base, law: null, verdict: 'BASIS', reason: `本县清单事项 ${known.join('、')}` };
    return { ...base, law: null, verdict: 'DEFECTIVE', reason: `本县清单中没有事项 ${keys.join('、')}` };
  }
  const named = titles.map((t) => findLaw(t)).find((e): e is LawEntry => !!e) ?? lawsIn(text)[0] ?? null;
  const directive = NOT_LAW.test(titles.join('') || text) && !named;
  if (directive) return { ...base, law: null, verdict: 'NOT_A_BASIS', reason: '领导要求、会议精神、上级通知等不是法律法规政策依据' };
  if (named) return { ...base, law: named, verdict: 'BASIS', reason: `${named.title}（${LAW_KIND_LABEL[named.kind]}）` };
  if (incompleteNumber && !documentNumbers.length) {
    return { ...base, law: null, verdict: 'DEFECTIVE', reason: `文号“${incompleteNumber}”不完整，无法核验` };
  }
  if (titles.length || documentNumbers.length) {
    return { ...base, law: null, verdict: 'UNVERIFIED', reason: `《${titles[0] ?? documentNumbers[0]}》未收录于常用法律法规目录，请审核人员核实` };
  }
  return { ...base, law: null, verdict: 'NOT_A_BASIS', reason: '未写明法律法规、政策文件的名称或文号' };
}

export const LAW_KIND_LABEL: Record<LawEntry['kind'], string> = {
  LAW: '法律',
  REGULATION: '行政法规',
  RULE: '部门规章',
  LOCAL: '地方性法规',
  POLICY: '政策文件',
};

export interface BasisAssessment {
  citations: Citation[];
  /** At least one citation is a basis (catalogued or unverified) — or the linked list item has one. */
  hasBasis: boolean;
  unverified: Citation[];
  rejected: Citation[];
}

export function assessLegalBasis(citations: string[], listKeys: ReadonlySet<string>, inherited: string[] = []): BasisAssessment {
  const parsed = citations.filter((c) => c.trim()).map((c) => parseCitation(c, listKeys));
  const fromItem = inherited.filter((c) => c.trim()).map((c) => parseCitation(c, listKeys));
  const all = [...parsed, ...fromItem];
  return {
    citations: parsed,
    hasBasis: all.some((c) => c.verdict === 'BASIS' || c.verdict === 'UNVERIFIED'),
    unverified: parsed.filter((c) => c.verdict === 'UNVERIFIED'),
    rejected: parsed.filter((c) => c.verdict === 'NOT_A_BASIS' || c.verdict === 'DEFECTIVE'),
  };
}
