/**
 * The structure of an application's prose: normalised text, sentences, clauses and word
 * boundaries (from the segmenter). Positions are offsets into the normalised text, which
 * has the same length as the original (normalisation maps character to character).
 */
import { cut } from './segmenter';

/** Full-width ASCII (digits, letters) to half-width; quotes unified. One character for one. */
export function normalise(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xfee0);
    else if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) out += String.fromCharCode(c - 0xfee0);
    else if (ch === '\u00a0' || ch === '\u3000') out += ' ';
    else if (ch === '「' || ch === '『') out += '“';
    else if (ch === '」' || ch === '』') out += '”';
    else out += ch;
  }
  return out;
}

export interface Clause {
  /** Index in the document's clause list. */
  index: number;
  sentence: number;
  start: number;
  end: number;
  text: string;
  /** Which part of the application it comes from. */
  part: TextPart;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  part: TextPart;
  clauses: Clause[];
}

export type TextPart = 'title' | 'description' | 'evaluation' | 'other';

export interface Doc {
  text: string;
  sentences: Sentence[];
  clauses: Clause[];
  /** Words in order, with their offsets. */
  words: Array<{ word: string; start: number; end: number }>;
  /** Offsets where a word starts or ends (word boundaries). */
  boundaries: Set<number>;
  /** Spans of protected names (招商银行, 安全生产月, 城管局…): nothing inside them is a topic or an object. */
  protectedSpans: Array<[number, number]>;
  /** Short quoted names (“执法进社区”, “城管进社区”): an action word inside one names a campaign, it is not a task. */
  quoteSpans: Array<[number, number]>;
}

const SENTENCE_END = /[。！？!?；;\n]/;
const CLAUSE_END = /[，,：:]/;

/**
 * Builds the document from its parts (title, description, evaluation …), each starting
 * a new sentence. Parts are joined with a newline.
 */
export function buildDoc(parts: Array<{ part: TextPart; text: string | null | undefined }>, protectedNames: readonly string[] = []): Doc {
  let text = '';
  const ranges: Array<{ part: TextPart; start: number; end: number }> = [];
  for (const p of parts) {
    const t = normalise((p.text ?? '').trim());
    if (!t) continue;
    if (text) text += '\n';
    ranges.push({ part: p.part, start: text.length, end: text.length + t.length });
    text += t;
  }
  const sentences: Sentence[] = [];
  const clauses: Clause[] = [];
  for (const r of ranges) {
    let s = r.start;
    for (let i = r.start; i <= r.end; i++) {
      const ch = text[i];
      if (i === r.end || SENTENCE_END.test(ch)) {
        if (i > s) {
          const sentence: Sentence = { index: sentences.length, start: s, end: i, text: text.slice(s, i), part: r.part, clauses: [] };
          let c = s;
          // Quotation and brackets keep a clause together: “…，…” is one clause.
          let depth = 0;
          for (let j = s; j <= i; j++) {
            const cj = text[j];
            if (cj === '“' || cj === '《' || cj === '（' || cj === '(') depth++;
            else if ((cj === '”' || cj === '》' || cj === '）' || cj === ')') && depth > 0) depth--;
            if (j === i || (depth === 0 && CLAUSE_END.test(cj))) {
              if (j > c) {
                const clause: Clause = { index: clauses.length, sentence: sentence.index, start: c, end: j, text: text.slice(c, j), part: r.part };
                clauses.push(clause);
                sentence.clauses.push(clause);
              }
              c = j + 1;
            }
          }
          sentences.push(sentence);
        }
        s = i + 1;
      }
    }
  }
  const words: Doc['words'] = [];
  const boundaries = new Set<number>();
  let pos = 0;
  for (const w of cut(text)) {
    const start = text.startsWith(w, pos) ? pos : Math.max(pos, text.indexOf(w, pos));
    const end = start + w.length;
    boundaries.add(start);
    boundaries.add(end);
    if (w.trim()) words.push({ word: w, start, end });
    pos = end;
  }
  boundaries.add(0);
  boundaries.add(text.length);
  const protectedSpans: Array<[number, number]> = [];
  for (const name of protectedNames) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) protectedSpans.push([i, i + name.length]);
  }
  // a short quoted name (“执法进社区”) — not an act put in quotes for emphasis (实施“拆旧”, 做到“清零”)
  const quoteSpans: Array<[number, number]> = [];
  for (const m of text.matchAll(/“([^”]{1,12})”/g)) {
    if (m[1].length <= 4 && /(实施|做到|进行|推进|负责|开展|落实|抓好)$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    quoteSpans.push([m.index + 1, m.index + 1 + m[1].length]);
  }
  return { text, sentences, clauses, words, boundaries, protectedSpans, quoteSpans };
}

/** Whether [start, end) lies inside a short quoted name. */
export function inQuote(doc: Doc, start: number, end: number): boolean {
  return doc.quoteSpans.some(([s, e]) => start >= s && end <= e);
}

/**
 * Every occurrence of `term` in [from, to) that is not inside a protected name — for
 * objects and topics, which may be parts of longer words (秸秆 in 秸秆禁烧).
 */
export function findLoose(doc: Doc, term: string, from = 0, to = doc.text.length): number[] {
  const out: number[] = [];
  if (!term) return out;
  for (const i of indexesIn(doc.text, term, from, to)) {
    if (!doc.protectedSpans.some(([s, e]) => i >= s && i + term.length <= e)) out.push(i);
  }
  return out;
}

/** Offsets of `term` wholly inside [from, to) — searching a short range does not scan the rest of the text. */
export function indexesIn(text: string, term: string, from = 0, to = text.length): number[] {
  const out: number[] = [];
  if (!term || to - from < term.length) return out;
  if (from === 0 && to === text.length) {
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) out.push(i);
    return out;
  }
  const part = text.slice(from, to);
  for (let i = part.indexOf(term); i >= 0; i = part.indexOf(term, i + 1)) out.push(from + i);
  return out;
}

/** The clause holding offset `pos`. */
export function clauseAt(doc: Doc, pos: number): Clause | undefined {
  // clauses are ordered; binary search
  let lo = 0;
  let hi = doc.clauses.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = doc.clauses[mid];
    if (pos < c.start) hi = mid - 1;
    else if (pos >= c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}

/**
 * Every occurrence of `term` in `text` that starts and ends on word boundaries: 招商 is
 * not found inside 招商银行, 执法 not inside 执法局, 检查 not inside 体检.
 */
export function findTerm(doc: Doc, term: string, from = 0, to = doc.text.length): number[] {
  return indexesIn(doc.text, term, from, to).filter((i) => doc.boundaries.has(i) && doc.boundaries.has(i + term.length));
}

/**
 * Occurrences of an action word: on a word boundary at either end (so it is found inside
 * compounds the dictionary keeps whole, 拆除 in 自行拆除), never inside a protected name
 * (招商 in 招商银行, 执法 in 执法局); one-character words need both boundaries.
 */
export function findWord(doc: Doc, term: string, from = 0, to = doc.text.length): number[] {
  const out: number[] = [];
  if (!term) return out;
  for (const i of indexesIn(doc.text, term, from, to)) {
    const left = doc.boundaries.has(i);
    const right = doc.boundaries.has(i + term.length);
    if (term.length === 1 ? !(left && right) : !(left || right)) continue;
    if (doc.protectedSpans.some(([s, e]) => i >= s && i + term.length <= e && e - s > term.length)) continue;
    if (inQuote(doc, i, i + term.length)) continue;
    out.push(i);
  }
  return out;
}

/** Content words of the document between two offsets (its own segmentation, no new cut). */
export function contentWordsIn(doc: Doc, from = 0, to = doc.text.length): string[] {
  return doc.words.filter((w) => w.start >= from && w.end <= to && isContentWord(w.word)).map((w) => w.word);
}

/** Content words of a short text (for similarity and trigger phrases). */
export function contentWords(text: string): string[] {
  return cut(normalise(text)).filter((w) => isContentWord(w));
}

const STOP = new Set([
  '的',
  '了',
  '和',
  '与',
  '及',
  '或',
  '等',
  '在',
  '对',
  '为',
  '由',
  '将',
  '把',
  '被',
  '并',
  '其',
  '之',
  '以',
  '于',
  '从',
  '向',
  '按',
  '请',
  '拟',
  '各',
  '每',
  '该',
  '本',
  '是',
  '有',
  '要',
  '可',
  '应',
  '须',
  '也',
  '都',
  '中',
  '内',
  '上',
  '下',
  '后',
  '前',
  '时',
  '个',
  '一',
  '不',
  '村',
  '社区',
  '村（社区）',
  '工作',
  '开展',
  '做好',
  '进行',
  '相关',
  '有关',
  '情况',
  '问题',
  '县',
  '乡镇',
  '街道',
  '部门',
  '负责',
  '协助',
  '配合',
  '组织',
  '实施',
  '落实',
  '加强',
  '推进',
  '确保',
]);

export function isContentWord(w: string): boolean {
  if (!w.trim()) return false;
  if (/^[\p{P}\p{S}\s\d.%]+$/u.test(w)) return false;
  if (STOP.has(w)) return false;
  return true;
}
