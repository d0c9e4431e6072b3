/**
 * The context that flips the meaning of an action word in a clause:
 *
 *  - negation: 社区不参与认定、制止和拆除 (but not conditions: 对拒不整改的…, 逾期不改的…);
 *  - the actor: 由县林业局执法人员负责查处 (the department), 由社区组织拆除 (the community),
 *    在燃气企业开展入户安检前 (someone else, as a time), 报派出所作出处罚 (the police);
 *  - frames: 宣传禁止露天焚烧的规定, 提醒依法纳税, 发现违建线索及时报告 — the words are the
 *    content of publicity or a report, not a task; purpose clauses (为推进综合执法改革…).
 */
import { COMMUNITY_ACTORS, COMMUNITY_TARGET, OTHER_ACTORS } from './lexicon/actors';
import { FRAME_VERBS, PURPOSE_OPENING } from './lexicon/assistance';
import { findTerm, type Clause, type Doc } from './text';

export type Actor = 'community' | 'other';

/** What kind of party a word names, if any. */
const COMMUNITY_SET = new Set(COMMUNITY_ACTORS);
const OTHER_SET = new Set(OTHER_ACTORS);
const NOT_ACTORS = /场所|住所|处所|厕所|诊所|加油站|加气站|车站|公交站|站点|中心城区|中心户|单位面积|所在|所有|所需|所得|所属|场所|办理|办事|机构改革/;
const OTHER_SUFFIX = /(局|所|站|队|中心|公司|企业|单位|部门|机关|机构|医院|卫生院|厅|委员会|办公室|办|执法人员|民警|医生|兽医|律师)$/;

export function actorOfWord(w: string): Actor | null {
  if (COMMUNITY_SET.has(w)) return 'community';
  if (OTHER_SET.has(w)) return 'other';
  if (w.length >= 2 && OTHER_SUFFIX.test(w) && !NOT_ACTORS.test(w) && !/服务站|村|社区|居委|两委|网格/.test(w)) return 'other';
  return null;
}

/** Index of the first word starting at or after `pos` (words are ordered). */
function wordIndexAt(doc: Doc, pos: number): number {
  let lo = 0;
  let hi = doc.words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.words[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first party named in `text` (a word sequence starting inside it). */
function firstActor(doc: Doc, from: number, to: number): { actor: Actor; word: string; at: number } | null {
  for (let i = wordIndexAt(doc, from); i < doc.words.length; i++) {
    const w = doc.words[i];
    if (w.start >= to) break;
    // 村（社区） is three words for jieba at times; look at the raw text too
    if (doc.text.startsWith('村（社区）', w.start) || doc.text.startsWith('村(社区)', w.start)) return { actor: 'community', word: '村（社区）', at: w.start };
    const a = actorOfWord(w.word);
    if (a) return { actor: a, word: w.word, at: w.start };
  }
  return null;
}

/** After 由 / 须由: a body the segmenter cut apart (农机/监理/站) still names an agent by its ending. */
const BODY_NAME = /^[\u4e00-\u9fa5]{1,10}?(局|所|站|队|中心|公司|部门|机关|机构|医院|卫生院|办公室|大队|中队)/;
function agentAfterBy(doc: Doc, at: number, to: number): { actor: Actor; word: string; at: number } | null {
  const who = firstActor(doc, at, to);
  if (who) return who;
  const body = BODY_NAME.exec(doc.text.slice(at, Math.min(to, at + 14)));
  if (body && !/村|社区|服务站|居委|场所|加油站|车站/.test(body[0])) return { actor: 'other', word: body[0], at };
  return null;
}

/** Words in [from, to), in order. */
function wordsIn(doc: Doc, from: number, to: number) {
  const out: Doc['words'] = [];
  for (let i = wordIndexAt(doc, from); i < doc.words.length && doc.words[i].end <= to; i++) out.push(doc.words[i]);
  return out;
}

/**
 * Negators and what they negate: 不 negates a task only before a verb of doing (不参与,
 * 不承担, 不代收, 不拦截…); 不低于, 不定期, 不漏户, 不合格 are no negation.
 */
const NEGATORS = ['不得', '不再', '无需', '无须', '不必', '严禁', '不予', '不会', '并不', '不'];
const NEGATED_AFTER_BU = new RegExp(
  '^(得|再|承担|参与|负责|开展|组织|要求|下达|下发|设|涉及|包括|包含|代|经手|作|做|纳入|实行|实施|签订|签|收取|收|拦|暂扣|扣|为|直接|另设|另行|单独|额外|搞|进行|安排|对|向|从事|介入|采取|上门|入户|出具|开具|核|查|检|拆|处|罚|与|以|允许|准|让|需|用|予|将|把|强制|强求|动用|占用|替代|代替|代为|挂钩|排名|考核|计入|作为|列入|派|增加|承接|履行|具有|具备|属于|是|能|可)',
);

/**
 * Whether the action at `pos` is negated within its clause: a negator before it that
 * negates a task (not a comparison or a manner), not part of a condition (…不整改的),
 * not cancelled by 但/只/须.
 */
export function negatedAt(doc: Doc, clause: Clause, pos: number): boolean {
  const pre = doc.text.slice(clause.start, pos);
  for (let i = pre.length - 1; i >= 0; i--) {
    const neg = NEGATORS.find((n) => pre.startsWith(n, i));
    if (!neg) continue;
    const before = pre[i - 1] ?? '';
    if (neg === '不' && (before === '拒' || before === '屡' || (before === '决' && pre[i + 1] === '不'))) continue;
    const after = pre.slice(i + neg.length);
    if (neg === '不' && !NEGATED_AFTER_BU.test(after) && after.length > 0) continue;
    // a condition: 对不签订协议的住户由社区…拆除 (but 不纳入对村的目标考核 stays negated)
    const de = after.indexOf('的');
    if (de >= 0 && /由|将|要|须|予以|进行|一律|统一|组织/.test(after.slice(de))) continue;
    // cancelled: 不代收，但须督促…
    if (/但|而是|只|仅|却|须|需要|必须|并由/.test(after)) continue;
    return true;
  }
  return false;
}

/** 在燃气企业开展入户安检前 / 期间 / 时: the action is a point in time, someone else's. */
function temporalAt(doc: Doc, clause: Clause, pos: number, end: number): boolean {
  const pre = doc.text.slice(clause.start, pos);
  const post = doc.text.slice(end, clause.end);
  // done already, or a point in time: 已依法拆除…, 拆除后的空地, 拆除完成后…
  // …but 已建成的 describes the object of a new act (对已建成的组织拆除)
  if (/(已|已经|已被)[^，。；由请的]{0,6}$/.test(pre)) return true;
  // 拆除后的空地 (after it was done) — but 收取后统一交、拆除后复垦 are steps of the same task
  if (
    /^(到位|完成|结束)?(后|之后|以后)/.test(post) &&
    !/^(到位|完成|结束)?(后|之后|以后)(统一|再|即|立即|及时|交|上交|上缴|缴入|存入|解缴|转交|复垦|复绿|恢复|清运|平整|拍照|报送|上报|向|一并|按)/.test(post)
  )
    return true;
  const at = pre.lastIndexOf('在');
  if (at < 0) return false;
  return /^[^，。；]{0,12}?(前|之前|以前|期间|时|之际|过程中)/.test(post) && !/由|请/.test(pre.slice(at));
}

/** Words that hand a matter to another party: what follows is that party's doing. */
const HAND_OVER = new Set(['报', '报送', '报告', '上报', '移交', '移送', '提交', '交由', '交给', '转交', '报请', '通知']);

/** Prepositions that make the next party the object, not the subject: 对企业开展检查, 督促经营户. */
const OBJECT_MARKER = /(对|向|督促|要求|与|帮助|协助|配合|协同|陪同|会同|为|给|和|及|同|组织|安排|调动|发动|带领|联系|委托)[^，。；]{0,8}$/;
const AGENTIVE_AFTER = /^(依法|统一|会同|负责|实施|承担|组织实施|执行|派员|进行|开展|核查|查处|处置|处理|办理|作出|选派|持证|上门|入户|现场|按|另行)/;

/**
 * Who does the action at [pos, end): 'community' (the default — an application is about
 * what communities are asked to do) or 'other'. `inherited` is the actor of the previous
 * clause of the sentence.
 */
export function actorAt(doc: Doc, clause: Clause, pos: number, end: number, inherited: Actor): { actor: Actor; why: string | null } {
  const pre = doc.text.slice(clause.start, pos);
  if (temporalAt(doc, clause, pos, end)) return { actor: 'other', why: '作为时间状语或已完成的事出现，不是交办的任务' };
  // 由 X …: before the action (由社区组织拆除) or after it (查处由执法人员负责)
  const byBefore = pre.lastIndexOf('由');
  if (byBefore >= 0) {
    const who = agentAfterBy(doc, clause.start + byBefore + 1, pos);
    if (who) return { actor: who.actor, why: who.actor === 'other' ? `由${who.word}实施` : null };
    // 由负有安全生产监督管理职责的部门…: the word describes the party that acts
    const after = firstActor(doc, end, Math.min(clause.end, end + 16));
    if (after && after.actor === 'other' && /^[^，。；]{0,10}的/.test(doc.text.slice(end, after.at + 1))) return { actor: 'other', why: `由${after.word}实施` };
  }
  const post = doc.text.slice(end, clause.end);
  const byAfter = post.search(/(交由|由|须由|应由|均由)/);
  if (byAfter >= 0) {
    const start = end + byAfter + (post[byAfter] === '由' ? 1 : 2);
    const who = agentAfterBy(doc, start, clause.end);
    if (
      who &&
      who.actor === 'other' &&
      /(负责|实施|承担|处理|处置|执行|办理|开展|进行|依法|查处|核查|组织|统一|另行|提供|出具|运营)/.test(doc.text.slice(who.at, clause.end))
    ) {
      return { actor: 'other', why: `由${who.word}负责` };
    }
  }
  // 报 / 移交 / 移送 X (处理、处罚): X acts
  const inClause = wordsIn(doc, clause.start, pos);
  for (let i = inClause.length - 1; i >= 0 && i >= inClause.length - 8; i--) {
    if (!HAND_OVER.has(inClause[i].word)) continue;
    const who = firstActor(doc, inClause[i].end, pos);
    if (who && who.actor === 'other') return { actor: 'other', why: `报${who.word}处理` };
    break;
  }
  // X 负责 / 依法 / 实施 … — a party acting in its own name, not as the object of a preposition
  const words = wordsIn(doc, clause.start, pos);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    const a = actorOfWord(w.word) ?? (doc.text.startsWith('村（社区）', w.start) ? 'community' : null);
    if (!a) continue;
    const before = doc.text.slice(clause.start, w.start);
    if (OBJECT_MARKER.test(before)) {
      // 协助/配合 X …: the community takes part in X's action; 组织/安排 X: the community has X do it
      if (/(协助|配合|协同|陪同|会同|组织|安排|调动|发动|带领|联系)[^，。；]{0,8}$/.test(before)) return { actor: 'community', why: null };
      continue;
    }
    if (a === 'community') return { actor: 'community', why: null };
    const after = doc.text.slice(w.end, pos);
    if (AGENTIVE_AFTER.test(after) && !COMMUNITY_TARGET.test(doc.text.slice(w.start, pos))) return { actor: 'other', why: `${w.word}自行实施` };
    break;
  }
  if (COMMUNITY_TARGET.test(pre)) return { actor: 'community', why: null };
  return { actor: inherited, why: inherited === 'other' ? '承接上文，由部门实施' : null };
}

/**
 * The actor of each clause as a whole (for inheritance): community unless the clause is
 * a department's own doing (县税务局拟对…开展清欠) with no community in it as target.
 */
export function clauseActors(doc: Doc): Actor[] {
  const out: Actor[] = [];
  for (const c of doc.clauses) {
    const prev = out.length && doc.clauses[out.length - 1].sentence === c.sentence ? out[out.length - 1] : 'community';
    let actor: Actor = prev;
    const first = firstActor(doc, c.start, Math.min(c.end, c.start + 16));
    // a party opening the clause is its subject: 县税务局拟对…, 社区负责…
    const opens = first && /^(县|市|省|乡|镇|各|每|每个|各个|并|同时|另外|该|上述|其中)?$/.test(doc.text.slice(c.start, first.at));
    if (COMMUNITY_TARGET.test(c.text)) actor = 'community';
    else if (first && opens && first.actor === 'community') actor = 'community';
    else if (first && opens && first.actor === 'other') actor = 'other';
    out.push(actor);
  }
  return out;
}

/** A publicity, reminder or report frame before `pos` in the clause, or a purpose clause. */
export function frameAt(doc: Doc, clause: Clause, pos: number): string | null {
  const pre = doc.text.slice(clause.start, pos);
  if (PURPOSE_OPENING.test(clause.text)) return `目的状语“${clause.text.slice(0, Math.min(12, clause.text.length))}”`;
  for (const v of FRAME_VERBS) {
    if (!pre.includes(v)) continue;
    const hits = findTerm(doc, v, clause.start, pos);
    if (hits.length) {
      if (v === '通知' && /通知书/.test(doc.text.slice(hits[0], hits[0] + 3))) continue;
      return v;
    }
  }
  // 指导居民自行检查…: residents check their own homes; the community shows them how
  if (/(指导|引导|帮助|教育|提醒|鼓励|动员|教会)(辖区)?(居民|群众|村民|住户|家庭|老人|业主|家长)[^，。；]{0,6}(自行|自主|自己|开展自查|自查|自检)/.test(pre))
    return '指导居民自查';
  // 发现…的，…报告: what is found is reported, not handled — unless the act is done on the spot (对发现的…当场制止)
  if (/发现/.test(pre) && !/(当场|立即|即行|马上|第一时间|予以|进行|负责)[^，。；]{0,2}$/.test(pre)) {
    const sentence = doc.sentences[clause.sentence];
    if (/报告|上报|报送|反映|举报|告知|拍照上传|报/.test(doc.text.slice(pos, sentence.end))) return '发现报告';
  }
  return null;
}
