/**
 * Does an application push negative-list work down, and onto which of the county's
 * negative items? Every action pattern of the shipped model (lexicon/negative.ts) and
 * every trigger phrase and example the county's reviewers gave their negative items is
 * looked for in the application's clauses; a match counts only where the community is
 * asked to do it, not negated, not the content of publicity or a report. Each counted
 * match is assigned to a negative item (by what the text is about and by similarity to
 * the item's own text), and the items are scored. The result explains itself: for every
 * item the phrases that matched and why, and the look-alike phrases that did not count.
 */
import { NEGATIVE_CATEGORIES, WorkCategory } from '../../catalogue';
import { labelOf } from '../../kernel/enums';
import { actorAt, clauseActors, frameAt, negatedAt, type Actor } from './context';
import {
  ACTION_PATTERNS,
  DEPARTMENT_TOPICS,
  NEGATIVE_CATEGORY_LIST,
  PROTECTED_NAMES,
  TOPICS,
  type ActionPattern,
  type NegativeCategory,
} from './lexicon/negative';
import { ASSISTANCE_ACTIONS, PUBLICITY_TOPICS } from './lexicon/assistance';
import { Corpus, cosine, sharedWords, type Vector } from './similarity';
import { buildDoc, clauseAt, contentWords, contentWordsIn, findLoose, findTerm, findWord, inQuote, type Clause, type Doc } from './text';

/** A negative item of the county as the analysis sees it. */
export interface NegativeItem {
  id: number;
  itemKey: string;
  title: string;
  description: string;
  category: WorkCategory;
  triggerPhrases: string[];
  examples: string[];
  counterExamples: string[];
}

export interface Hit {
  source: 'PATTERN' | 'TRIGGER' | 'EXAMPLE';
  /** Pattern id, the trigger phrase, or the example. */
  ref: string;
  weight: number;
  /** The words that matched. */
  phrase: string;
  /** The clause they matched in. */
  clause: string;
  why: string;
}

export interface ItemMatch {
  item: NegativeItem | null;
  category: NegativeCategory;
  score: number;
  hits: Hit[];
  /** Cosine similarity of the application with the item's title, description and examples. */
  similarity: number;
  sharedWords: string[];
}

/** A prohibited word found where it does not count, and why (the look-alike). */
export interface Neutralised {
  phrase: string;
  clause: string;
  reason: string;
}

export interface NegativeAssessment {
  blocked: boolean;
  matches: ItemMatch[];
  neutralised: Neutralised[];
  /** Assistance actions the text asks for (联系群众、宣传教育劝阻…), by label. */
  assistance: string[];
  /** Negative categories the text is about (topics), strongest first. */
  topics: NegativeCategory[];
  /** The declared category is a negative one but the text asks for no negative-list action. */
  declaredOnly: boolean;
}

export interface NegativeInput {
  title: string;
  description: string;
  evaluation?: string | null;
  category: WorkCategory;
  /** Filed as a purchase of services (undefined: not known). */
  purchase?: boolean;
}

/** Analysis state shared by every application checked against one county's lists. */
export interface NegativeModel {
  items: NegativeItem[];
  corpus: Corpus;
  itemVectors: Map<number, Vector>;
  exampleVectors: Map<number, Array<{ text: string; v: Vector }>>;
  counterVectors: Map<number, Array<{ text: string; v: Vector }>>;
  triggerWords: Map<number, Array<{ phrase: string; words: string[] }>>;
}

const models = new Map<string, NegativeModel>();

/** The model for a set of negative items (cached by their content). */
export function negativeModel(items: NegativeItem[], background: string[] = []): NegativeModel {
  const key = JSON.stringify(items.map((i) => [i.id, i.title, i.description, i.category, i.triggerPhrases, i.examples, i.counterExamples])) + background.length;
  const known = models.get(key);
  if (known) return known;
  const corpus = new Corpus([...items.flatMap((i) => [`${i.title}。${i.description}`, ...i.examples, ...i.counterExamples]), ...background]);
  const model: NegativeModel = {
    items,
    corpus,
    itemVectors: new Map(items.map((i) => [i.id, corpus.vector([i.title, i.description, ...i.triggerPhrases, ...i.examples].join('。'))])),
    exampleVectors: new Map(items.map((i) => [i.id, i.examples.map((text) => ({ text, v: corpus.vector(text) }))])),
    counterVectors: new Map(items.map((i) => [i.id, i.counterExamples.map((text) => ({ text, v: corpus.vector(text) }))])),
    triggerWords: new Map(
      items.map((i) => [i.id, i.triggerPhrases.map((phrase) => ({ phrase, words: contentWords(phrase) })).filter((t) => t.words.length > 0)]),
    ),
  };
  if (models.size > 50) models.clear();
  models.set(key, model);
  return model;
}

interface RawHit extends Hit {
  clauseIndex: number;
  /** The span of the matched act in the text (its own words name its object: 《限期参保缴费通知书》). */
  start?: number;
  end?: number;
  categories: NegativeCategory[];
  itemId?: number;
}

/** Weight of a hit by where it is: titles summarise, evaluation texts judge. */
const PART_WEIGHT = { title: 1, description: 1, evaluation: 0.9, other: 0.8 } as const;

export function objectFound(doc: Doc, p: Pick<ActionPattern, 'objects' | 'objectPattern' | 'objectScope'>, clause: Clause): string | null {
  if (!p.objects && !p.objectPattern) return '';
  const scope = p.objectScope ?? 'clause';
  const [from, to] =
    scope === 'clause'
      ? [clause.start, clause.end]
      : scope === 'sentence'
        ? [doc.sentences[clause.sentence].start, doc.sentences[clause.sentence].end]
        : [0, doc.text.length];
  for (const o of p.objects ?? []) if (findLoose(doc, o, from, to).length) return o;
  if (p.objectPattern) {
    const re = new RegExp(p.objectPattern.source, 'g');
    const text = doc.text.slice(from, to);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = from + m.index;
      if (!doc.protectedSpans.some(([s, e]) => at >= s && at + m[0].length <= e)) return m[0];
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return null;
}

export interface Occurrence {
  clause: Clause;
  start: number;
  end: number;
  phrase: string;
}

export function occurrences(doc: Doc, p: Pick<ActionPattern, 'verbs' | 'regex' | 'regexScope' | 'notBefore' | 'quota'>): Occurrence[] {
  const out: Occurrence[] = [];
  if (p.verbs) {
    for (const v of p.verbs) {
      if (!doc.text.includes(v)) continue;
      for (const at of findWord(doc, v)) {
        if (p.notBefore && p.notBefore.test(doc.text.slice(at + v.length, at + v.length + 8))) continue;
        const clause = clauseAt(doc, at);
        if (clause) out.push({ clause, start: at, end: at + v.length, phrase: v });
      }
    }
  }
  if (p.regex && p.regexScope === 'sentence') {
    // a target may span clauses: 经营性收入“破零”，确保达到3万元以上
    const re = new RegExp(p.regex.source, p.regex.flags.includes('g') ? p.regex.flags : `${p.regex.flags}g`);
    for (const sentence of doc.sentences) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(sentence.text))) {
        const start = sentence.start + m.index;
        const clause = clauseAt(doc, start) ?? sentence.clauses[0];
        if (clause) out.push({ clause, start, end: start + m[0].length, phrase: m[0] });
        if (m[0].length === 0) re.lastIndex++;
      }
    }
  } else if (p.regex) {
    const re = new RegExp(p.regex.source, p.regex.flags.includes('g') ? p.regex.flags : `${p.regex.flags}g`);
    for (const clause of doc.clauses) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(clause.text))) {
        const last = clause.start + m.index + m[0].length;
        // an action word ending inside a quoted name (开展“执法进社区”活动) names a campaign
        if (!p.quota && m[0].length && inQuote(doc, last - 1, last)) {
          if (m[0].length === 0) re.lastIndex++;
          continue;
        }
        out.push({ clause, start: clause.start + m.index, end: clause.start + m.index + m[0].length, phrase: m[0] });
        if (m[0].length === 0) re.lastIndex++;
      }
    }
  }
  // one occurrence per clause and position
  const seen = new Set<string>();
  return out.filter((o) => {
    const k = `${o.clause.index}:${o.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Whether an occurrence counts (the community does it, not negated, not a frame), or why not. */
export function judge(doc: Doc, actors: Actor[], o: Occurrence, frameProof: boolean, quota = false): string | null {
  const { clause } = o;
  if (negatedAt(doc, clause, o.start)) return '否定表述（村（社区）不承担）';
  if (quota) return null;
  // what the villagers' (residents') meeting decides for itself is self-governance, not a task
  if (
    /(村民会议|村民代表会议|居民会议|居民代表会议|议事会|村民小组会议)[^，。；]{0,12}(决定|讨论|议定|表决|通过|协商)|^(议定|讨论决定|表决|协商确定|组织村民议定|组织居民议定)/.test(
      clause.text,
    ) ||
    /(议定|讨论|表决)[^，。；]{0,16}$/.test(doc.text.slice(clause.start, o.start))
  ) {
    return '村（居）民会议自主议定的事项（依法自治）';
  }
  const who = actorAt(doc, clause, o.start, o.end, actors[clause.index] ?? 'community');
  if (who.actor === 'other') return `实施主体不是村（社区）：${who.why ?? '部门'}`;
  if (!frameProof) {
    const frame = frameAt(doc, clause, o.start);
    if (frame) return `属“${frame}”的内容，不是交办的任务`;
  }
  return null;
}

/** Where each category's topics occur in the text, outside negated clauses (computed once per document). */
const topicPositions = new WeakMap<Doc, Array<{ at: number; category: NegativeCategory }>>();
function topicsOf(doc: Doc): Array<{ at: number; category: NegativeCategory }> {
  let known = topicPositions.get(doc);
  if (!known) {
    known = [];
    // the longest topic wins: 搭建 inside 违规搭建 counts once, 建房 inside 自建房 is not demolition
    const found: Array<{ at: number; end: number; category: NegativeCategory }> = [];
    for (const c of NEGATIVE_CATEGORY_LIST) {
      for (const t of TOPICS[c]) {
        if (!doc.text.includes(t)) continue;
        for (const at of findLoose(doc, t)) found.push({ at, end: at + t.length, category: c });
      }
    }
    found.sort((a, b) => b.end - b.at - (a.end - a.at));
    const kept: typeof found = [];
    for (const f of found) {
      if (kept.some((k) => f.at >= k.at && f.end <= k.end && (k.end - k.at > f.end - f.at || k.category === f.category))) continue;
      kept.push(f);
      const clause = clauseAt(doc, f.at);
      if (clause && !negatedAt(doc, clause, f.at)) known.push({ at: f.at, category: f.category });
    }
    topicPositions.set(doc, known);
  }
  return known;
}

/** Topic counts per category in [from, to). */
function topicCounts(doc: Doc, from = 0, to = doc.text.length): Map<NegativeCategory, number> {
  const out = new Map<NegativeCategory, number>();
  for (const t of topicsOf(doc)) if (t.at >= from && t.at < to) out.set(t.category, (out.get(t.category) ?? 0) + 1);
  // departments named hint at the subject (only for the whole text)
  if (from === 0 && to === doc.text.length) {
    for (const [re, c] of DEPARTMENT_TOPICS) if (re.test(doc.text)) out.set(c, (out.get(c) ?? 0) + 1);
  }
  return out;
}

function pickCategory(
  doc: Doc,
  hit: RawHit,
  docTopics: Map<NegativeCategory, number>,
  declared: WorkCategory,
  votes: Map<NegativeCategory, number> = new Map(),
): NegativeCategory {
  if (hit.categories.length === 1) return hit.categories[0];
  const clause = doc.clauses[hit.clauseIndex];
  const sentence = doc.sentences[clause.sentence];
  const inClause = topicCounts(doc, clause.start, clause.end);
  const inSentence = topicCounts(doc, sentence.start, sentence.end);
  const inPhrase = hit.start != null && hit.end != null ? topicCounts(doc, hit.start, hit.end) : new Map<NegativeCategory, number>();
  let best = hit.categories[0];
  let bestScore = 0;
  for (const [k, c] of hit.categories.entries()) {
    // the pattern's first category is what it proves when the text says little else; the act's own words name its object
    const s =
      5 * (inPhrase.get(c) ?? 0) +
      3 * (inClause.get(c) ?? 0) +
      2 * (inSentence.get(c) ?? 0) +
      Math.min(6, docTopics.get(c) ?? 0) +
      (declared === c ? 4 : 0) +
      (k === 0 ? 1.5 : 0) +
      3 * (votes.get(c) ?? 0);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

/**
 * What the application as a whole is about, among the categories its counted acts can
 * prove. Candidates are the categories that can explain at least half of the evidence the
 * best one explains; the subject is the candidate with the most support — what the title
 * (double) and the text are about, the declared category, the share of the evidence it
 * explains, what the acts prove by default. A 清四乱 campaign's 制止、收缴 and 清除 are all
 * river rectification; a 督察 case's 核实 and 督促整改 environmental work. A reviewer names one
 * item for the application; the acts are its evidence. Null when the text is about none.
 */
export function subjectOf(
  doc: Doc,
  raw: Array<Pick<RawHit, 'categories' | 'weight' | 'itemId' | 'ref' | 'clauseIndex'>>,
  model: NegativeModel,
  docTopics: Map<NegativeCategory, number>,
  declared: WorkCategory,
): NegativeCategory | null {
  const coverage = new Map<NegativeCategory, number>();
  /** How many hits name the category first (what the act proves when the text says little else). */
  const first = new Map<NegativeCategory, number>();
  const seen = new Set<string>();
  for (const h of raw) {
    const once = `${h.ref}:${h.clauseIndex}`;
    if (seen.has(once)) continue;
    seen.add(once);
    const cats =
      h.itemId != null
        ? [model.items.find((i) => i.id === h.itemId)?.category as NegativeCategory].filter((c) => c && NEGATIVE_CATEGORIES.has(c))
        : h.categories;
    for (const c of cats) coverage.set(c, (coverage.get(c) ?? 0) + h.weight);
    if (cats.length) first.set(cats[0], (first.get(cats[0]) ?? 0) + 1);
  }
  if (!coverage.size) return null;
  const most = Math.max(...coverage.values());
  const title = doc.sentences.filter((x) => x.part === 'title');
  const titleTopics = title.length ? topicCounts(doc, title[0].start, title[title.length - 1].end) : new Map<NegativeCategory, number>();
  let best: NegativeCategory | null = null;
  let key = [0, 0, 0];
  for (const [c, w] of coverage) {
    if (w < most * 0.5) continue;
    // what the text is about (its title most), what share of the evidence the category explains, what the acts prove by default
    const support = Math.min(6, docTopics.get(c) ?? 0) + 2 * (titleTopics.get(c) ?? 0) + (declared === c ? 2 : 0);
    const k = [support + 3 * (w / most) + (first.get(c) ?? 0), w, support];
    if (k[0] > key[0] + 1e-9 || (Math.abs(k[0] - key[0]) < 1e-9 && (k[1] > key[1] || (k[1] === key[1] && k[2] > key[2])))) {
      best = c;
      key = k;
    }
  }
  // a text about none of the candidates names no subject
  return best && key[2] > 0 ? best : null;
}

/**
 * Whether a hit that could be several categories belongs to the application's subject:
 * it can, and its sentence is about the subject or about none of the hit's categories.
 * A sentence plainly about something else (食品 in a tax text) keeps its own category.
 */
function joinsSubject(doc: Doc, hit: RawHit, subject: NegativeCategory): boolean {
  if (!hit.categories.includes(subject)) return false;
  if (hit.categories.length === 1) return true;
  // the act's own words name another object (《限期参保缴费通知书》 in a construction-safety text)
  if (hit.start != null && hit.end != null) {
    const inPhrase = topicCounts(doc, hit.start, hit.end);
    if (!(inPhrase.get(subject) ?? 0) && hit.categories.some((c) => (inPhrase.get(c) ?? 0) > 0)) return false;
  }
  const sentence = doc.sentences[doc.clauses[hit.clauseIndex].sentence];
  const inSentence = topicCounts(doc, sentence.start, sentence.end);
  if ((inSentence.get(subject) ?? 0) > 0) return true;
  return !hit.categories.some((c) => (inSentence.get(c) ?? 0) > 0);
}

/** Trigger phrase: all its content words in one clause, in order, counted. */
function triggerOccurrences(doc: Doc, words: string[]): Occurrence[] {
  const out: Occurrence[] = [];
  if (!words.every((w) => doc.text.includes(w))) return out;
  for (const clause of doc.clauses) {
    if (!clause.text.includes(words[0])) continue;
    let from = clause.start;
    let first = -1;
    let last = -1;
    let ok = true;
    for (const w of words) {
      const at = findTerm(doc, w, from, clause.end)[0] ?? -1;
      const raw = at >= 0 ? at : doc.text.indexOf(w, from);
      if (raw < 0 || raw + w.length > clause.end) {
        ok = false;
        break;
      }
      if (first < 0) first = raw;
      last = raw + w.length;
      from = last;
    }
    if (ok && first >= 0) out.push({ clause, start: first, end: last, phrase: doc.text.slice(first, last) });
  }
  return out;
}

/** Sentences of the application as vectors (for example similarity), from the document's own words. */
function sentenceVectors(doc: Doc, corpus: Corpus): Array<{ clause: Clause; text: string; v: Vector }> {
  const out: Array<{ clause: Clause; text: string; v: Vector }> = [];
  for (const s of doc.sentences) {
    if (!s.clauses.length) continue;
    out.push({ clause: s.clauses[0], text: s.text, v: corpus.vector(contentWordsIn(doc, s.start, s.end)) });
  }
  return out;
}

/** The application's text as the negative analysis reads it. */
export function negativeDoc(input: NegativeInput): Doc {
  return buildDoc(
    [
      { part: 'title', text: input.title },
      { part: 'description', text: input.description },
      { part: 'evaluation', text: input.evaluation },
    ],
    PROTECTED_NAMES,
  );
}

export const EXAMPLE_THRESHOLD = 0.6;
export const COUNTER_THRESHOLD = 0.7;

export function assessNegative(input: NegativeInput, model: NegativeModel, doc: Doc = negativeDoc(input)): NegativeAssessment {
  const actors = clauseActors(doc);
  const raw: RawHit[] = [];
  const neutralised: Neutralised[] = [];

  for (const p of ACTION_PATTERNS) {
    for (const o of occurrences(doc, p)) {
      if (p.unless && (p.unless.test(o.clause.text) || (o.end > o.clause.end && p.unless.test(o.phrase)))) {
        neutralised.push({ phrase: o.phrase, clause: o.clause.text, reason: '语境表明不属此类（如宣传、他方实施或对象不符）' });
        continue;
      }
      const object = objectFound(doc, p, o.clause);
      if (object === null) continue;
      const why = judge(doc, actors, o, !!p.frameProof, !!p.quota);
      if (why) {
        neutralised.push({ phrase: o.phrase, clause: o.clause.text, reason: why });
        continue;
      }
      raw.push({
        source: 'PATTERN',
        ref: p.id,
        weight: p.weight * PART_WEIGHT[o.clause.part],
        phrase: object ? `${o.phrase}（${object}）` : o.phrase,
        clause: o.clause.text,
        why: p.why,
        clauseIndex: o.clause.index,
        start: o.start,
        end: o.end,
        categories: p.categories,
      });
    }
  }

  // The county's own vocabulary: trigger phrases and examples of its negative items.
  const sentences = sentenceVectors(doc, model.corpus);
  for (const item of model.items) {
    if (!NEGATIVE_CATEGORIES.has(item.category) && !item.triggerPhrases.length && !item.examples.length) continue;
    for (const t of model.triggerWords.get(item.id) ?? []) {
      for (const o of triggerOccurrences(doc, t.words)) {
        // the act is usually the phrase's last word (秸秆禁烧值守): judged where it stands, so 不设值守 and 宣传…值守 count
        const last = t.words.length > 1 ? doc.text.lastIndexOf(t.words[t.words.length - 1], o.end) : -1;
        const at = last >= o.start ? { ...o, start: last } : o;
        const why = negatedAt(doc, o.clause, at.start) ? '否定表述（村（社区）不承担）' : judge(doc, actors, at, false);
        if (why) {
          neutralised.push({ phrase: o.phrase, clause: o.clause.text, reason: why });
          continue;
        }
        raw.push({
          source: 'TRIGGER',
          ref: t.phrase,
          weight: 1,
          phrase: o.phrase,
          clause: o.clause.text,
          why: `本县负面清单 ${item.itemKey} 的审核触发词“${t.phrase}”`,
          clauseIndex: o.clause.index,
          categories: [],
          itemId: item.id,
        });
      }
    }
    for (const ex of model.exampleVectors.get(item.id) ?? []) {
      let best: { s: (typeof sentences)[number]; sim: number } | null = null;
      for (const s of sentences) {
        // cheap gate: a sentence sharing fewer than two words cannot reach the threshold
        let shared = 0;
        for (const w of ex.v.keys()) if (s.v.has(w) && ++shared >= 2) break;
        if (shared < 2) continue;
        const sim = cosine(s.v, ex.v);
        if (!best || sim > best.sim) best = { s, sim };
      }
      if (best && best.sim >= EXAMPLE_THRESHOLD) {
        const o = { clause: best.s.clause, start: best.s.clause.start, end: best.s.clause.end, phrase: best.s.text };
        if (negatedAt(doc, best.s.clause, best.s.clause.start)) continue;
        raw.push({
          source: 'EXAMPLE',
          ref: ex.text,
          weight: Math.min(1, 0.6 + (best.sim - EXAMPLE_THRESHOLD) * 2.5),
          phrase: o.phrase,
          clause: o.phrase,
          why: `与本县负面清单 ${item.itemKey} 的审核例句相似（${best.sim.toFixed(2)}）：“${ex.text}”`,
          clauseIndex: o.clause.index,
          categories: [],
          itemId: item.id,
        });
      }
    }
  }

  const docTopics = topicCounts(doc);
  const appVector = model.corpus.vector(contentWordsIn(doc));
  const matches = new Map<string, ItemMatch>();
  const itemsByCategory = new Map<WorkCategory, NegativeItem[]>();
  for (const i of model.items) itemsByCategory.set(i.category, [...(itemsByCategory.get(i.category) ?? []), i]);
  const simOf = (i: NegativeItem) => cosine(appVector, model.itemVectors.get(i.id)!);

  // Hits that prove one category vote for it; hits that could be several join the one the text supports.
  const votes = new Map<NegativeCategory, number>();
  for (const h of raw) if (h.categories.length === 1) votes.set(h.categories[0], (votes.get(h.categories[0]) ?? 0) + h.weight);
  const subject = subjectOf(doc, raw, model, docTopics, input.category);
  const seenInClause = new Set<string>();
  for (const h of raw) {
    // one pattern counts once per clause
    const once = `${h.ref}:${h.clauseIndex}`;
    if (seenInClause.has(once)) continue;
    seenInClause.add(once);
    let item: NegativeItem | null = null;
    let category: NegativeCategory;
    if (h.itemId != null) {
      item = model.items.find((i) => i.id === h.itemId)!;
      category = (
        NEGATIVE_CATEGORIES.has(item.category) ? item.category : pickCategory(doc, { ...h, categories: NEGATIVE_CATEGORY_LIST }, docTopics, input.category)
      ) as NegativeCategory;
    } else {
      category = subject && joinsSubject(doc, h, subject) ? subject : pickCategory(doc, h, docTopics, input.category, votes);
      // an item about purchases of service (FM-002) is the one named only when the application is a purchase
      const candidates = (itemsByCategory.get(category) ?? []).filter(
        (i, _, all) => input.purchase !== false || !/购买服务/.test(i.title) || all.every((x) => /购买服务/.test(x.title)),
      );
      item = candidates.length
        ? candidates
            .map((i) => ({ i, s: simOf(i) + (input.category === i.category ? 0.01 : 0) + (input.purchase && /购买服务/.test(i.title) ? 0.05 : 0) }))
            .sort((a, b) => b.s - a.s)[0].i
        : null;
    }
    // A reviewer's counter-example (an admissible phrasing) close to this sentence undoes the hit —
    // and a title's hit too, once a sentence of the text is such a look-alike (the title sums it up).
    if (item) {
      const sentence = doc.sentences[doc.clauses[h.clauseIndex].sentence];
      const sv = model.corpus.vector(contentWordsIn(doc, sentence.start, sentence.end));
      const counters = model.counterVectors.get(item.id) ?? [];
      let counter = counters.find((c) => cosine(sv, c.v) >= COUNTER_THRESHOLD);
      if (!counter && sentence.part === 'title' && counters.length) {
        counter = counters.find((c) => sentences.some((x) => x.clause.part === 'description' && cosine(x.v, c.v) >= COUNTER_THRESHOLD));
      }
      if (counter) {
        neutralised.push({ phrase: h.phrase, clause: h.clause, reason: `与审核人员认定可准入的表述相似：“${counter.text}”` });
        continue;
      }
    }
    const key = item ? `i${item.id}` : `c${category}`;
    let m = matches.get(key);
    if (!m) {
      const similarity = item ? simOf(item) : 0;
      m = { item, category, score: 0, hits: [], similarity, sharedWords: item ? sharedWords(appVector, model.itemVectors.get(item.id)!) : [] };
      matches.set(key, m);
    }
    // the same pattern in several clauses adds up, but less
    const already = m.hits.filter((x) => x.ref === h.ref).length;
    m.hits.push({ source: h.source, ref: h.ref, weight: h.weight, phrase: h.phrase, clause: h.clause, why: h.why });
    m.score += already ? h.weight * 0.3 : h.weight;
  }

  const declaredNegative = NEGATIVE_CATEGORIES.has(input.category);
  for (const m of matches.values()) {
    if (declaredNegative && m.category === input.category) m.score += 0.3;
    m.score = Math.round(m.score * 100) / 100;
  }
  // the department's own category breaks near-ties: it knows what the work is about
  // … and so does what the application as a whole is about
  const rank = (m: ItemMatch) => m.score + (m.category === input.category ? 0.5 : 0) + (m.category === subject ? 0.05 : 0);
  const list = [...matches.values()].sort((a, b) => rank(b) - rank(a) || b.similarity - a.similarity);
  const total = list.reduce((s, m) => s + m.score, 0);
  let blocked = (list[0]?.score ?? 0) >= 1 || total >= 1.5;

  const assistance = ASSISTANCE_ACTIONS.filter((a) => a.words.some((w) => doc.text.includes(w) && findTerm(doc, w).length)).map((a) => a.label);
  const topics = [...docTopics.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);

  // Declared as negative-list work: it is, unless the text shows only assistance on the topic.
  let declaredOnly = false;
  if (declaredNegative && !blocked) {
    const topicWords = [...TOPICS[input.category as NegativeCategory], ...(PUBLICITY_TOPICS[input.category] ?? [])];
    const onTopic = topicWords.some((w) => doc.text.includes(w));
    if (assistance.length && onTopic) {
      declaredOnly = true;
    } else {
      blocked = true;
      const candidates = itemsByCategory.get(input.category) ?? [];
      const item = candidates.length ? candidates.map((i) => ({ i, s: simOf(i) })).sort((a, b) => b.s - a.s)[0].i : null;
      list.unshift({
        item,
        category: input.category as NegativeCategory,
        score: 1,
        similarity: item ? simOf(item) : 0,
        sharedWords: item ? sharedWords(appVector, model.itemVectors.get(item.id)!) : [],
        hits: [
          {
            source: 'PATTERN',
            ref: 'DECLARED_CATEGORY',
            weight: 1,
            phrase: labelOf(WorkCategory, input.category).zh,
            clause: '',
            why: `申请所选工作类别“${labelOf(WorkCategory, input.category).zh}”属于负面清单类别，内容也未表明仅为宣传、发现报告等协助工作`,
          },
        ],
      });
    }
  }
  return { blocked, matches: list, neutralised, assistance, topics, declaredOnly };
}
