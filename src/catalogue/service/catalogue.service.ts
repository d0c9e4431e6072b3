/**
 * The three lists (三项清单): staging changes, publishing numbered versions, deriving a
 * county's lists from the province's guidance lists, and comparing versions.
 *
 * Every function works on the `em` it is given and, when that `em` is already inside a
 * transaction (e.g. an admission transition), joins it; otherwise it opens its own. All
 * writes of one county's lists are serialised by a row lock on the county's region row:
 * staging and discarding wait for it, publishing takes it with NOWAIT, so a second
 * concurrent publish of the same county fails at once with CONFLICT.
 */
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Department } from '../../organisation';
import { Region, RegionLevel } from '../../geography';
import { Role } from '../../kernel/roles';
import type { Actor } from '../../kernel/context';
import { badInput, conflict, notFound, type FieldProblem } from '../../kernel/errors';
import { audit } from '../../kernel/mutation';
import { NEGATIVE_CATEGORIES, WorkCategory } from '../entity/work-category';
import { LIST_KEY_PREFIX, ListItem, ListItemStatus, ListType } from '../entity/list-item.entity';
import { ListChange, ListChangeKind, ListChangeStatus, type ListItemProposal } from '../entity/list-change.entity';
import { ListVersion, ListVersionItem } from '../entity/list-version.entity';
import { labelOf } from '../../kernel/enums';

// ---------------------------------------------------------------------------------------
// Inputs and outputs

/**
 * Who is acting: an actor, or a context-like `{ actor, requestId }` (the request id goes to
 * the audit trail). `actor: null` means a scheduled job: it may stage and discard changes
 * (stagedBy stays empty) but not publish.
 */
export type CatalogueWho = Actor | { actor: Actor | null; requestId?: string };

/** Content proposed for an ADD (all fields) or an ADJUST (only the fields that change). */
export interface ListItemProposalInput {
  listType?: ListType | null;
  title?: string | null;
  description?: string | null;
  category?: WorkCategory | null;
  legalBasis?: string[] | null;
  /** Responsible department; on ADJUST, `null` clears it and `undefined` keeps it. */
  departmentId?: number | null;
  /** Reviewers' vocabulary (negative items): trigger phrases, examples, admissible look-alikes. */
  triggerPhrases?: string[] | null;
  examples?: string[] | null;
  counterExamples?: string[] | null;
}

export interface StageListChangeInput {
  /** The county whose lists change (or the province, for its guidance lists). */
  countyId: number;
  kind: ListChangeKind;
  /** ADJUST / CANCEL: the item. */
  itemId?: number | null;
  /** ADD / ADJUST: the content. */
  proposed?: ListItemProposalInput | null;
  /** ADD only: the province guidance item the new county item derives from. */
  templateItemId?: number | null;
  reason: string;
  sourceApplicationId?: number | null;
}

export interface PublishListVersionInput {
  countyId: number;
  /** e.g. 青社工发〔2026〕3号; unique per county. */
  documentNumber: string;
  /** YYYY-MM-DD, not before the previous version's date. */
  publishedAt: string;
  note?: string | null;
}

export interface ListItemAdjustment {
  itemKey: string;
  before: ListVersionItem;
  after: ListVersionItem;
  /** Names of the fields that differ: title, description, category, legalBasis, department, listType, triggerPhrases, examples, counterExamples. */
  changedFields: string[];
}

export interface ListVersionDiff {
  from: ListVersion;
  to: ListVersion;
  added: ListVersionItem[];
  adjusted: ListItemAdjustment[];
  cancelled: ListVersionItem[];
}

export const LIMITS = {
  title: 200,
  description: 4000,
  citation: 500,
  citations: 20,
  reason: 1000,
  documentNumber: 64,
  note: 2000,
  phrase: 40,
  phrases: 100,
  example: 500,
  examples: 200,
};

// ---------------------------------------------------------------------------------------
// Helpers

/** `actor` is null for scheduled jobs (system changes). */
function whoOf(who: CatalogueWho): { actor: Actor | null; requestId?: string } {
  if ('userId' in who) return { actor: who };
  return { actor: who.actor, requestId: who.requestId };
}

async function inTransaction<T>(em: EntityManager, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return em.isInTransaction() ? fn(em) : em.transactional((tx) => fn(tx));
}

/** Locks the region row that guards a county's lists; NOWAIT turns contention into CONFLICT. */
async function lockLists(em: EntityManager, regionId: number, nowait: boolean): Promise<void> {
  try {
    await em.execute(`select id from region where id = ? for update${nowait ? ' nowait' : ''}`, [regionId]);
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') {
      throw conflict('该县清单正在由他人变更或发布，请稍后重试', 'The lists of this county are being changed or published by someone else; try again');
    }
    throw err;
  }
}

/** The list-owning region: a county, or a province (guidance lists). */
async function getListRegion(em: EntityManager, regionId: number, field = 'countyId'): Promise<Region> {
  const region = await em.findOne(Region, { id: regionId });
  if (!region) throw notFound('该县（市、区）', 'County');
  if (region.level !== RegionLevel.COUNTY && region.level !== RegionLevel.PROVINCE) {
    throw badInput('清单只能由县（市、区）制定，或为省级指导清单', 'Lists belong to a county (or the province, for guidance lists)', [
      { field, message: `${region.name}不是县级或省级行政区划`, messageEn: 'not a county or province' },
    ]);
  }
  return region;
}

/** The region and its ancestors, nearest first. */
async function withAncestors(em: EntityManager, region: Region): Promise<Region[]> {
  const chain = [region];
  let current = region;
  while (current.parent) {
    const parent = await em.findOne(Region, { id: current.parent.id });
    if (!parent) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

/** Who may maintain a region's lists: admins, and the reviewers (县委社会工作部) of that county. */
export function canMaintainLists(actor: Actor | null, region: Region): boolean {
  if (!actor) return false;
  if (actor.role === Role.ADMIN) return true;
  return actor.role === Role.REVIEWER && region.level === RegionLevel.COUNTY && actor.regionId === region.id;
}

const normalise = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** What the audit trail keeps of an item. */
export function itemSummary(item: ListItem) {
  return {
    itemKey: item.itemKey,
    listType: item.listType,
    title: item.title,
    description: item.description,
    category: item.category,
    legalBasis: [...item.legalBasis],
    triggerPhrases: [...(item.triggerPhrases ?? [])],
    examples: [...(item.examples ?? [])],
    counterExamples: [...(item.counterExamples ?? [])],
    departmentId: item.department?.id ?? null,
    status: item.status,
    templateItemId: item.templateItem?.id ?? null,
    sourceApplicationId: item.sourceApplicationId ?? null,
    cancelledAt: item.cancelledAt ?? null,
  };
}

function changeSummary(change: ListChange) {
  return {
    kind: change.kind,
    itemId: change.item?.id ?? null,
    proposed: change.proposed ?? null,
    templateItemId: change.templateItem?.id ?? null,
    reason: change.reason,
    sourceApplicationId: change.sourceApplicationId ?? null,
    status: change.status,
    publishedInId: change.publishedIn?.id ?? null,
    discardedAt: change.discardedAt ?? null,
  };
}

function versionSummary(version: ListVersion) {
  return {
    number: version.number,
    documentNumber: version.documentNumber,
    publishedAt: version.publishedAt,
    note: version.note ?? null,
    dutyCount: version.dutyCount,
    assistanceCount: version.assistanceCount,
    negativeCount: version.negativeCount,
  };
}

function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// ---------------------------------------------------------------------------------------
// Staging

/** What staging checks a change against, loaded once per call (after the lock). */
interface CountyState {
  region: Region;
  /** The region and its ancestors (departments of any of them may be responsible). */
  chain: Region[];
  items: ListItem[];
  pending: ListChange[];
  departments: Map<number, Department>;
}

async function loadState(em: EntityManager, region: Region): Promise<CountyState> {
  const chain = await withAncestors(em, region);
  // One after the other: inside a transaction they share one connection.
  const items = await em.find(ListItem, { region: region.id }, { refresh: true });
  const pending = await em.find(ListChange, { county: region.id, status: ListChangeStatus.PENDING }, { refresh: true, orderBy: { id: 'asc' } });
  const departments = await em.find(Department, { region: { $in: chain.map((r) => r.id) } });
  return { region, chain, items, pending, departments: new Map(departments.map((d) => [d.id, d])) };
}

/** The province guidance item a county item may derive from, if `templateItemId` names one. */
async function checkTemplate(
  em: EntityManager,
  state: CountyState,
  templateItemId: number,
  listType: ListType | null,
  problems: FieldProblem[],
): Promise<ListItem | null> {
  const template = await em.findOne(ListItem, { id: templateItemId });
  const province = state.chain.find((r) => r.level === RegionLevel.PROVINCE);
  if (!template || !province || template.region.id !== province.id || state.region.level !== RegionLevel.COUNTY) {
    problems.push({ field: 'templateItemId', message: '不是本省指导清单中的事项', messageEn: 'not an item of this province’s guidance lists' });
    return null;
  }
  if (template.status !== ListItemStatus.ACTIVE) {
    problems.push({ field: 'templateItemId', message: `指导清单事项 ${template.itemKey} 已取消`, messageEn: `guidance item ${template.itemKey} is cancelled` });
  }
  if (listType && template.listType !== listType) {
    problems.push({
      field: 'proposed.listType',
      message: `指导清单事项 ${template.itemKey} 属于${labelOf(ListType, template.listType).zh}清单`,
      messageEn: `guidance item ${template.itemKey} is on the ${template.listType} list`,
    });
  }
  const derived = state.items.some((i) => i.templateItem?.id === template.id) || state.pending.some((c) => c.templateItem?.id === template.id);
  if (derived) {
    problems.push({
      field: 'templateItemId',
      message: `指导清单事项 ${template.itemKey} 已导入本县清单`,
      messageEn: `guidance item ${template.itemKey} is already derived`,
    });
  }
  return template;
}

/**
 * Checks a complete proposal: lengths, legal basis, list type against category, the
 * department, duplicate titles. `selfItemId` / `selfChangeId` are excluded from the
 * duplicate check.
 */
function checkProposal(state: CountyState, p: ListItemProposal, problems: FieldProblem[], selfItemId: number | null) {
  const f = (name: string) => `proposed.${name}`;
  if (!p.title) problems.push({ field: f('title'), message: '事项名称不能为空', messageEn: 'title is required', constraint: 'isNotEmpty' });
  else if (p.title.length > LIMITS.title)
    problems.push({
      field: f('title'),
      message: `事项名称不能超过 ${LIMITS.title} 字`,
      messageEn: `title exceeds ${LIMITS.title} characters`,
      constraint: 'maxLength',
    });
  if (!p.description) problems.push({ field: f('description'), message: '事项内容不能为空', messageEn: 'description is required', constraint: 'isNotEmpty' });
  else if (p.description.length > LIMITS.description) {
    problems.push({
      field: f('description'),
      message: `事项内容不能超过 ${LIMITS.description} 字`,
      messageEn: `description exceeds ${LIMITS.description} characters`,
      constraint: 'maxLength',
    });
  }
  if (p.legalBasis.length > LIMITS.citations) {
    problems.push({
      field: f('legalBasis'),
      message: `依据最多 ${LIMITS.citations} 条`,
      messageEn: `at most ${LIMITS.citations} citations`,
      constraint: 'arrayMaxSize',
    });
  }
  p.legalBasis.forEach((c, i) => {
    if (c.length > LIMITS.citation)
      problems.push({
        field: f(`legalBasis.${i}`),
        message: `依据不能超过 ${LIMITS.citation} 字`,
        messageEn: `citation exceeds ${LIMITS.citation} characters`,
        constraint: 'maxLength',
      });
  });
  if (p.listType !== ListType.NEGATIVE && p.legalBasis.length === 0) {
    problems.push({
      field: f('legalBasis'),
      message: `${labelOf(ListType, p.listType).zh}须有至少一条法律法规政策依据`,
      messageEn: 'duty and assistance items need at least one legal basis',
      constraint: 'arrayMinSize',
    });
  }
  const label = labelOf(WorkCategory, p.category).zh;
  if (p.listType !== ListType.NEGATIVE && NEGATIVE_CATEGORIES.has(p.category)) {
    problems.push({
      field: f('category'),
      message: `“${label}”属于工作负面事项，不能列入${labelOf(ListType, p.listType).zh}清单`,
      messageEn: `${p.category} is negative-list work and cannot go on the ${p.listType} list`,
    });
  }
  if (p.listType === ListType.NEGATIVE && !NEGATIVE_CATEGORIES.has(p.category) && p.category !== WorkCategory.OTHER) {
    problems.push({
      field: f('category'),
      message: `“${label}”不是工作负面事项的类别（负面清单限行政执法、拆迁拆违等行政工作或“其他”）`,
      messageEn: `${p.category} is not a negative-list category (use one of the negative categories or OTHER)`,
    });
  }
  for (const [name, max, each] of [
    ['triggerPhrases', LIMITS.phrases, LIMITS.phrase],
    ['examples', LIMITS.examples, LIMITS.example],
    ['counterExamples', LIMITS.examples, LIMITS.example],
  ] as const) {
    const list = p[name] ?? [];
    if (list.length > max) problems.push({ field: f(name), message: `最多 ${max} 条`, messageEn: `at most ${max} entries`, constraint: 'arrayMaxSize' });
    list.forEach((t, i) => {
      if (t.length > each)
        problems.push({ field: f(`${name}.${i}`), message: `不能超过 ${each} 字`, messageEn: `longer than ${each} characters`, constraint: 'maxLength' });
      if (name === 'triggerPhrases' && t.length < 2)
        problems.push({
          field: f(`${name}.${i}`),
          message: '触发词至少 2 个字',
          messageEn: 'a trigger phrase needs at least 2 characters',
          constraint: 'minLength',
        });
    });
  }
  if (p.departmentId != null && !state.departments.has(p.departmentId)) {
    problems.push({
      field: f('departmentId'),
      message: '责任部门须为本县或上级的有关部门',
      messageEn: 'the department must belong to this county or a region above it',
    });
  }
  if (p.title) {
    const key = normalise(p.title);
    // An item being cancelled frees its title (cancel and re-add moves an item to another list).
    const cancelling = new Set(state.pending.filter((c) => c.kind === ListChangeKind.CANCEL).map((c) => c.item?.id));
    const clash =
      state.items.find((i) => i.status === ListItemStatus.ACTIVE && i.id !== selfItemId && !cancelling.has(i.id) && normalise(i.title) === key) ??
      state.pending.find((c) => c.proposed && c.item?.id !== selfItemId && normalise(c.proposed.title) === key);
    if (clash) {
      const where = clash instanceof ListItem ? `清单已有同名事项 ${clash.itemKey}` : '已有同名的待发布变更';
      problems.push({ field: f('title'), message: where, messageEn: 'an item (or a pending change) with this title already exists' });
    }
  }
}

function cleanProposal(input: ListItemProposalInput): ListItemProposalInput {
  const out: ListItemProposalInput = { ...input };
  if (typeof out.title === 'string') out.title = out.title.trim();
  if (typeof out.description === 'string') out.description = out.description.trim();
  if (Array.isArray(out.legalBasis)) out.legalBasis = [...new Set(out.legalBasis.map((c) => String(c).trim()).filter(Boolean))];
  for (const name of ['triggerPhrases', 'examples', 'counterExamples'] as const) {
    const list = out[name];
    if (Array.isArray(list)) out[name] = [...new Set(list.map((c) => String(c).trim()).filter(Boolean))];
  }
  return out;
}

/** Validates a change against the state and builds it (not yet persisted); throws BAD_USER_INPUT with every problem found. */
async function buildChange(
  em: EntityManager,
  state: CountyState,
  input: StageListChangeInput,
): Promise<{ proposed: ListItemProposal | null; item: ListItem | null; template: ListItem | null }> {
  const problems: FieldProblem[] = [];
  const reason = input.reason?.trim() ?? '';
  if (!reason) problems.push({ field: 'reason', message: '变更理由不能为空', messageEn: 'reason is required', constraint: 'isNotEmpty' });
  else if (reason.length > LIMITS.reason)
    problems.push({
      field: 'reason',
      message: `变更理由不能超过 ${LIMITS.reason} 字`,
      messageEn: `reason exceeds ${LIMITS.reason} characters`,
      constraint: 'maxLength',
    });
  if (input.sourceApplicationId != null && !(Number.isInteger(input.sourceApplicationId) && input.sourceApplicationId > 0)) {
    problems.push({ field: 'sourceApplicationId', message: '准入申请编号无效', messageEn: 'invalid application id' });
  }
  const raw = input.proposed ? cleanProposal(input.proposed) : null;
  let proposed: ListItemProposal | null = null;
  let item: ListItem | null = null;
  let template: ListItem | null = null;

  if (input.kind === ListChangeKind.ADD) {
    if (input.itemId != null) problems.push({ field: 'itemId', message: '新增事项不能指定已有事项', messageEn: 'an ADD does not name an existing item' });
    if (!raw) {
      problems.push({ field: 'proposed', message: '新增事项须提供完整内容', messageEn: 'an ADD needs a full proposal', constraint: 'isNotEmpty' });
    } else {
      for (const name of ['listType', 'category'] as const) {
        if (raw[name] == null)
          problems.push({ field: `proposed.${name}`, message: `proposed.${name}：不能为空`, messageEn: `${name} is required`, constraint: 'isNotEmpty' });
      }
      if (raw.listType != null && raw.category != null) {
        proposed = {
          listType: raw.listType,
          title: raw.title ?? '',
          description: raw.description ?? '',
          category: raw.category,
          legalBasis: raw.legalBasis ?? [],
          triggerPhrases: raw.triggerPhrases ?? [],
          examples: raw.examples ?? [],
          counterExamples: raw.counterExamples ?? [],
          departmentId: raw.departmentId ?? null,
        };
        checkProposal(state, proposed, problems, null);
      }
    }
    if (input.templateItemId != null) template = await checkTemplate(em, state, input.templateItemId, raw?.listType ?? null, problems);
  } else {
    if (input.templateItemId != null)
      problems.push({ field: 'templateItemId', message: '只有新增事项可以指定指导清单来源', messageEn: 'only an ADD may name a guidance item' });
    if (input.itemId == null) {
      problems.push({ field: 'itemId', message: '调整、取消须指定清单事项', messageEn: 'ADJUST and CANCEL need an item', constraint: 'isNotEmpty' });
    } else {
      item = state.items.find((i) => i.id === input.itemId) ?? null;
      if (!item) {
        problems.push({ field: 'itemId', message: '该事项不在本县清单中', messageEn: 'the item is not on this county’s lists' });
      } else if (item.status !== ListItemStatus.ACTIVE) {
        problems.push({ field: 'itemId', message: `事项 ${item.itemKey} 已取消`, messageEn: `item ${item.itemKey} is cancelled` });
      } else if (state.pending.some((c) => c.item?.id === item!.id)) {
        problems.push({
          field: 'itemId',
          message: `事项 ${item.itemKey} 已有待发布的变更，请先发布或放弃`,
          messageEn: `item ${item.itemKey} already has a pending change`,
        });
      }
    }
    if (input.kind === ListChangeKind.CANCEL && raw) {
      problems.push({ field: 'proposed', message: '取消事项不需要提供拟定内容', messageEn: 'a CANCEL takes no proposal' });
    }
    if (input.kind === ListChangeKind.ADJUST) {
      if (!raw) problems.push({ field: 'proposed', message: '调整事项须提供调整内容', messageEn: 'an ADJUST needs a proposal', constraint: 'isNotEmpty' });
      else if (item && item.status === ListItemStatus.ACTIVE) {
        const moves = raw.listType != null && raw.listType !== item.listType;
        if (moves) {
          problems.push({
            field: 'proposed.listType',
            message: '调整不能改变事项所属清单；请取消原事项并在目标清单新增',
            messageEn: 'an ADJUST cannot move an item to another list; cancel it and add it to the other list',
          });
        }
        proposed = {
          listType: item.listType,
          title: raw.title ?? item.title,
          description: raw.description ?? item.description,
          category: raw.category ?? item.category,
          legalBasis: raw.legalBasis ?? [...item.legalBasis],
          triggerPhrases: raw.triggerPhrases ?? [...(item.triggerPhrases ?? [])],
          examples: raw.examples ?? [...(item.examples ?? [])],
          counterExamples: raw.counterExamples ?? [...(item.counterExamples ?? [])],
          departmentId: raw.departmentId === undefined ? (item.department?.id ?? null) : raw.departmentId,
        };
        const same = (a: string[], b: string[] | undefined) => JSON.stringify(a) === JSON.stringify(b ?? []);
        const unchanged =
          proposed.title === item.title &&
          proposed.description === item.description &&
          proposed.category === item.category &&
          JSON.stringify(proposed.legalBasis) === JSON.stringify(item.legalBasis) &&
          same(proposed.triggerPhrases, item.triggerPhrases) &&
          same(proposed.examples, item.examples) &&
          same(proposed.counterExamples, item.counterExamples) &&
          proposed.departmentId === (item.department?.id ?? null);
        if (unchanged && !moves) problems.push({ field: 'proposed', message: '调整内容与现有事项相同', messageEn: 'the proposal changes nothing' });
        checkProposal(state, proposed, problems, item.id);
      }
    }
  }
  if (problems.length) throw badInput('清单变更有误，未作任何修改', 'The list change is invalid; nothing was changed', problems);
  return { proposed, item, template };
}

function createChange(
  em: EntityManager,
  who: { actor: Actor | null; requestId?: string },
  state: CountyState,
  input: StageListChangeInput,
  built: Awaited<ReturnType<typeof buildChange>>,
): ListChange {
  const change = em.create(ListChange, {
    county: state.region,
    kind: input.kind,
    item: built.item,
    proposed: built.proposed,
    templateItem: built.template,
    reason: input.reason.trim(),
    sourceApplicationId: input.sourceApplicationId ?? null,
    stagedBy: who.actor?.userId ?? null,
  });
  state.pending.push(change);
  return change;
}

/**
 * Stages a change of a county's lists (新增 / 调整 / 取消), to take effect when the next
 * version is published. ADJUST and CANCEL need an ACTIVE item of that county without
 * another pending change; ADD needs a complete proposal; categories must fit the list
 * (negative-list work never on the duty or assistance lists). BAD_USER_INPUT with field
 * details otherwise, and nothing is written.
 */
export async function stageListChange(em: EntityManager, actor: CatalogueWho, input: StageListChangeInput): Promise<ListChange> {
  const who = whoOf(actor);
  const region = await getListRegion(em, input.countyId);
  return inTransaction(em, async (tx) => {
    await lockLists(tx, region.id, false);
    const state = await loadState(tx, region);
    const built = await buildChange(tx, state, input);
    const change = createChange(tx, who, state, input, built);
    await tx.flush();
    await audit(tx, who, { action: 'listChange.stage', entity: change, after: changeSummary(change), comment: change.reason, countyId: region.id });
    await tx.flush();
    return change;
  });
}

/** Discards a pending change (CONFLICT if it was published or discarded meanwhile). */
export async function discardListChange(em: EntityManager, actor: CatalogueWho, input: { changeId: number; reason?: string | null }): Promise<ListChange> {
  const who = whoOf(actor);
  const found = await em.findOne(ListChange, { id: input.changeId });
  if (!found) throw notFound('该清单变更', 'List change');
  if (input.reason && input.reason.length > LIMITS.reason) {
    throw badInput('放弃理由过长', 'Reason too long', [
      { field: 'reason', message: `不能超过 ${LIMITS.reason} 字`, messageEn: `at most ${LIMITS.reason} characters`, constraint: 'maxLength' },
    ]);
  }
  return inTransaction(em, async (tx) => {
    await lockLists(tx, found.county.id, false);
    const change = (await tx.findOne(ListChange, { id: input.changeId }, { refresh: true }))!;
    if (change.status !== ListChangeStatus.PENDING) {
      throw conflict('该变更已发布或已放弃，不能再放弃', 'The change was already published or discarded');
    }
    const before = changeSummary(change);
    change.status = ListChangeStatus.DISCARDED;
    change.discardedAt = new Date();
    await audit(tx, who, {
      action: 'listChange.discard',
      entity: change,
      before,
      after: changeSummary(change),
      comment: input.reason?.trim() || null,
      countyId: change.county.id,
    });
    await tx.flush();
    return change;
  });
}

/** Vocabulary to add to a list item (reviewers' decisions on disputed findings). */
export interface VocabularyAddition {
  triggerPhrases?: string[];
  examples?: string[];
  counterExamples?: string[];
}

/**
 * Adds trigger phrases, examples or counter-examples to an ACTIVE item of a county's
 * lists, to take effect with the next published version: amends the item's pending
 * ADJUST when there is one (its other proposed changes stay), else stages a new ADJUST.
 * An item being cancelled takes no additions (BAD_USER_INPUT). Audited.
 */
export async function addListItemVocabulary(
  em: EntityManager,
  actor: CatalogueWho,
  input: { itemId: number; add: VocabularyAddition; reason: string },
): Promise<ListChange> {
  const who = whoOf(actor);
  const found = await em.findOne(ListItem, { id: input.itemId });
  if (!found) throw notFound('该清单事项', 'List item');
  return inTransaction(em, async (tx) => {
    await lockLists(tx, found.region.id, false);
    const item = (await tx.findOne(ListItem, { id: input.itemId }, { refresh: true }))!;
    const pending = await tx.findOne(ListChange, { item: item.id, status: ListChangeStatus.PENDING }, { refresh: true });
    const merge = (base: string[] | undefined, more: string[] | undefined) => [
      ...new Set([...(base ?? []), ...(more ?? []).map((t) => t.trim()).filter(Boolean)]),
    ];
    if (!pending) {
      return stageListChange(tx, actor, {
        countyId: item.region.id,
        kind: ListChangeKind.ADJUST,
        itemId: item.id,
        reason: input.reason,
        proposed: {
          triggerPhrases: merge(item.triggerPhrases, input.add.triggerPhrases),
          examples: merge(item.examples, input.add.examples),
          counterExamples: merge(item.counterExamples, input.add.counterExamples),
        },
      });
    }
    if (pending.kind !== ListChangeKind.ADJUST || !pending.proposed) {
      throw badInput(`事项 ${item.itemKey} 有待发布的取消变更，不能再增加例句`, `Item ${item.itemKey} is being cancelled`, [
        { field: 'listItemId', message: '该事项待取消', messageEn: 'the item is pending cancellation' },
      ]);
    }
    const before = changeSummary(pending);
    const proposed = {
      ...pending.proposed,
      triggerPhrases: merge(pending.proposed.triggerPhrases, input.add.triggerPhrases),
      examples: merge(pending.proposed.examples, input.add.examples),
      counterExamples: merge(pending.proposed.counterExamples, input.add.counterExamples),
    };
    const problems: FieldProblem[] = [];
    const state = await loadState(tx, (await tx.findOne(Region, { id: item.region.id }))!);
    checkProposal(state, proposed, problems, item.id);
    if (problems.length) throw badInput('清单变更有误，未作任何修改', 'The list change is invalid; nothing was changed', problems);
    pending.proposed = proposed;
    pending.reason = `${pending.reason}；${input.reason.trim()}`.slice(0, LIMITS.reason);
    await audit(tx, who, {
      action: 'listChange.amend',
      entity: pending,
      before,
      after: changeSummary(pending),
      comment: input.reason.trim(),
      countyId: item.region.id,
    });
    await tx.flush();
    return pending;
  });
}

/** The county department a guidance item's hint (e.g. “民政部门”) points at, if exactly one fits. */
export function matchDepartment(hint: string | null | undefined, departments: Department[]): Department | null {
  if (!hint) return null;
  const keyword = hint.trim().replace(/(部门|机关|机构)$/, '');
  // 司法行政部门 is 司法局: try the keyword, then without a trailing 行政.
  for (const k of [keyword, keyword.replace(/行政$/, '')]) {
    if (!k) continue;
    const hits = departments.filter((d) => d.name.includes(k) || d.shortName.includes(k));
    if (hits.length) return hits.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))[0];
  }
  return null;
}

/**
 * Stages an ADD for every ACTIVE province guidance item the county has not derived yet
 * (no county item, active or cancelled, and no pending change from it), with the
 * responsible department matched among the county's departments by the guidance item's
 * department hint. Items whose title the county already uses are left out. Returns the
 * staged changes (none when everything is derived already).
 */
export async function importGuidanceLists(em: EntityManager, actor: CatalogueWho, input: { countyId: number }): Promise<ListChange[]> {
  const who = whoOf(actor);
  const region = await getListRegion(em, input.countyId);
  if (region.level !== RegionLevel.COUNTY) {
    throw badInput('只有县（市、区）可以导入省指导清单', 'Only a county derives the guidance lists', [
      { field: 'countyId', message: `${region.name}不是县级行政区划`, messageEn: 'not a county' },
    ]);
  }
  return inTransaction(em, async (tx) => {
    await lockLists(tx, region.id, false);
    const state = await loadState(tx, region);
    const province = state.chain.find((r) => r.level === RegionLevel.PROVINCE);
    if (!province) return [];
    const guidance = await tx.find(ListItem, { region: province.id, status: ListItemStatus.ACTIVE }, { orderBy: { listType: 'asc', itemKey: 'asc' } });
    const own = [...state.departments.values()].filter((d) => d.region.id === region.id);
    const derived = new Set(
      [...state.items.map((i) => i.templateItem?.id), ...state.pending.map((c) => c.templateItem?.id)].filter((id): id is number => id != null),
    );
    const titles = new Set([
      ...state.items.filter((i) => i.status === ListItemStatus.ACTIVE).map((i) => normalise(i.title)),
      ...state.pending.flatMap((c) => (c.proposed ? [normalise(c.proposed.title)] : [])),
    ]);
    const staged: ListChange[] = [];
    for (const template of guidance) {
      if (derived.has(template.id) || titles.has(normalise(template.title))) continue;
      const input: StageListChangeInput = {
        countyId: region.id,
        kind: ListChangeKind.ADD,
        templateItemId: template.id,
        reason: `依据省指导清单事项 ${template.itemKey} 导入`,
        proposed: {
          listType: template.listType,
          title: template.title,
          description: template.description,
          category: template.category,
          legalBasis: [...template.legalBasis],
          triggerPhrases: [...(template.triggerPhrases ?? [])],
          examples: [...(template.examples ?? [])],
          counterExamples: [...(template.counterExamples ?? [])],
          departmentId: matchDepartment(template.departmentHint, own)?.id ?? null,
        },
      };
      const built = await buildChange(tx, state, input);
      staged.push(createChange(tx, who, state, input, built));
      titles.add(normalise(template.title));
    }
    await tx.flush();
    for (const change of staged) {
      await audit(tx, who, { action: 'listChange.stage', entity: change, after: changeSummary(change), comment: change.reason, countyId: region.id });
    }
    await tx.flush();
    return staged;
  });
}

// ---------------------------------------------------------------------------------------
// Publication

function nextKeys(items: ListItem[]): (listType: ListType) => string {
  const max = new Map<ListType, number>();
  for (const i of items) {
    const m = /^[A-Z]+-(\d+)$/.exec(i.itemKey);
    if (m && i.itemKey.startsWith(`${LIST_KEY_PREFIX[i.listType]}-`)) max.set(i.listType, Math.max(max.get(i.listType) ?? 0, Number(m[1])));
  }
  return (listType) => {
    const n = (max.get(listType) ?? 0) + 1;
    max.set(listType, n);
    return `${LIST_KEY_PREFIX[listType]}-${String(n).padStart(3, '0')}`;
  };
}

/**
 * Publishes the county's pending changes as its next version: applies them all (ADD
 * creates items with fresh keys, ADJUST updates, CANCEL cancels), numbers the version,
 * and snapshots every ACTIVE item. BAD_USER_INPUT when nothing is pending or the input
 * is malformed; CONFLICT when another publish of the county is under way or the
 * document number is already used.
 */
export async function publishListVersion(em: EntityManager, actor: CatalogueWho, input: PublishListVersionInput): Promise<ListVersion> {
  const who = whoOf(actor);
  if (!who.actor) throw new Error('publishListVersion: a person publishes a version; no actor was given');
  const publisher = who.actor;
  const documentNumber = input.documentNumber?.trim() ?? '';
  const note = input.note?.trim() || null;
  const problems: FieldProblem[] = [];
  if (!documentNumber)
    problems.push({ field: 'documentNumber', message: '发布文号不能为空', messageEn: 'documentNumber is required', constraint: 'isNotEmpty' });
  else if (documentNumber.length > LIMITS.documentNumber)
    problems.push({ field: 'documentNumber', message: '发布文号过长', messageEn: 'documentNumber too long', constraint: 'maxLength' });
  if (!isValidDate(input.publishedAt ?? ''))
    problems.push({
      field: 'publishedAt',
      message: '发布日期须为有效日期（YYYY-MM-DD）',
      messageEn: 'publishedAt must be a valid YYYY-MM-DD date',
      constraint: 'isDate',
    });
  if (note && note.length > LIMITS.note)
    problems.push({
      field: 'note',
      message: `发布说明不能超过 ${LIMITS.note} 字`,
      messageEn: `note exceeds ${LIMITS.note} characters`,
      constraint: 'maxLength',
    });
  if (problems.length) throw badInput('发布信息有误，未作任何修改', 'The publication is invalid; nothing was changed', problems);
  const region = await getListRegion(em, input.countyId);

  return inTransaction(em, async (tx) => {
    await lockLists(tx, region.id, true);
    const last = await tx.findOne(ListVersion, { county: region.id }, { orderBy: { number: 'desc' }, refresh: true });
    const used = await tx.findOne(ListVersion, { county: region.id, documentNumber }, { refresh: true });
    if (used)
      throw conflict(`文号 ${documentNumber} 已用于第 ${used.number} 版清单`, `Document number ${documentNumber} is already used by version ${used.number}`);
    if (last && input.publishedAt < last.publishedAt) {
      throw badInput('发布日期早于上一版', 'publishedAt is before the previous version', [
        {
          field: 'publishedAt',
          message: `不能早于第 ${last.number} 版的发布日期 ${last.publishedAt}`,
          messageEn: `must not be before ${last.publishedAt} (version ${last.number})`,
        },
      ]);
    }
    const pending = await tx.find(ListChange, { county: region.id, status: ListChangeStatus.PENDING }, { orderBy: { id: 'asc' }, refresh: true });
    if (!pending.length) {
      throw badInput('没有待发布的清单变更', 'There are no pending changes to publish', [
        { field: 'countyId', message: `${region.name}没有待发布的清单变更`, messageEn: 'no pending changes for this county' },
      ]);
    }
    const items = await tx.find(ListItem, { region: region.id }, { refresh: true });
    const byId = new Map(items.map((i) => [i.id, i]));
    const nextKey = nextKeys(items);
    const version = tx.create(ListVersion, {
      county: region,
      number: (last?.number ?? 0) + 1,
      documentNumber,
      publishedAt: input.publishedAt,
      publishedBy: publisher.userId,
      note,
      dutyCount: 0,
      assistanceCount: 0,
      negativeCount: 0,
    });
    const now = new Date();
    const itemEvents: Array<{ action: string; item: ListItem; before: unknown; change: ListChange }> = [];
    for (const change of pending) {
      if (change.kind === ListChangeKind.ADD) {
        const p = change.proposed!;
        const item = tx.create(ListItem, {
          region,
          listType: p.listType,
          itemKey: nextKey(p.listType),
          title: p.title,
          description: p.description,
          category: p.category,
          legalBasis: [...p.legalBasis],
          triggerPhrases: [...(p.triggerPhrases ?? [])],
          examples: [...(p.examples ?? [])],
          counterExamples: [...(p.counterExamples ?? [])],
          department: p.departmentId,
          templateItem: change.templateItem ?? null,
          sourceApplicationId: change.sourceApplicationId ?? null,
        });
        items.push(item);
        change.item = ref(item);
        itemEvents.push({ action: 'listItem.add', item, before: null, change });
      } else {
        const item = byId.get(change.item!.id);
        // Staging holds the same lock, so a pending change always names an active item.
        if (!item || item.status !== ListItemStatus.ACTIVE)
          throw conflict('待发布变更所指事项已不在清单中', 'A pending change names an item no longer on the list');
        const before = itemSummary(item);
        if (change.kind === ListChangeKind.ADJUST) {
          const p = change.proposed!;
          item.title = p.title;
          item.description = p.description;
          item.category = p.category;
          item.legalBasis = [...p.legalBasis];
          item.triggerPhrases = [...(p.triggerPhrases ?? [])];
          item.examples = [...(p.examples ?? [])];
          item.counterExamples = [...(p.counterExamples ?? [])];
          item.department = p.departmentId == null ? null : tx.getReference(Department, p.departmentId, { wrapped: true });
          itemEvents.push({ action: 'listItem.adjust', item, before, change });
        } else {
          item.status = ListItemStatus.CANCELLED;
          item.cancelledAt = now;
          itemEvents.push({ action: 'listItem.cancel', item, before, change });
        }
      }
      change.status = ListChangeStatus.PUBLISHED;
      change.publishedIn = ref(version);
    }

    // Snapshot of every active item, as published.
    const active = items.filter((i) => i.status === ListItemStatus.ACTIVE);
    // Staging keeps titles unique; a discarded CANCEL can still leave two items with one title.
    const titles = new Map<string, ListItem>();
    for (const i of active) {
      const other = titles.get(normalise(i.title));
      if (other) {
        throw badInput('发布后清单将有同名事项，请先调整或取消其一', 'Two items would share a title after publication; adjust or cancel one first', [
          { field: 'countyId', message: `同名事项：${i.title}`, messageEn: `duplicate title: ${i.title}` },
        ]);
      }
      titles.set(normalise(i.title), i);
    }
    const departmentIds = [...new Set(active.map((i) => i.department?.id).filter((id): id is number => id != null))];
    const departments = new Map((departmentIds.length ? await tx.find(Department, { id: { $in: departmentIds } }) : []).map((d) => [d.id, d]));
    const order = Object.values(ListType);
    active.sort((a, b) => order.indexOf(a.listType) - order.indexOf(b.listType) || a.itemKey.localeCompare(b.itemKey));
    for (const item of active) {
      const departmentId = item.department?.id ?? null;
      tx.create(ListVersionItem, {
        version,
        item,
        itemKey: item.itemKey,
        listType: item.listType,
        title: item.title,
        description: item.description,
        category: item.category,
        legalBasis: [...item.legalBasis],
        triggerPhrases: [...(item.triggerPhrases ?? [])],
        examples: [...(item.examples ?? [])],
        counterExamples: [...(item.counterExamples ?? [])],
        departmentId,
        departmentName: departmentId != null ? (departments.get(departmentId)?.name ?? null) : null,
      });
    }
    version.dutyCount = active.filter((i) => i.listType === ListType.DUTY).length;
    version.assistanceCount = active.filter((i) => i.listType === ListType.ASSISTANCE).length;
    version.negativeCount = active.filter((i) => i.listType === ListType.NEGATIVE).length;
    await tx.flush();

    for (const e of itemEvents) {
      await audit(tx, who, { action: e.action, entity: e.item, before: e.before, after: itemSummary(e.item), comment: e.change.reason, countyId: region.id });
    }
    for (const change of pending) {
      await audit(tx, who, {
        action: 'listChange.publish',
        entity: change,
        before: { ...changeSummary(change), status: ListChangeStatus.PENDING, publishedInId: null },
        after: changeSummary(change),
        countyId: region.id,
      });
    }
    await audit(tx, who, {
      action: 'listVersion.publish',
      entity: version,
      before: last ? versionSummary(last) : null,
      after: { ...versionSummary(version), changeIds: pending.map((c) => c.id) },
      comment: note,
      countyId: region.id,
    });
    await tx.flush();
    return version;
  });
}

// ---------------------------------------------------------------------------------------
// Reading

/** The ACTIVE items of a county's lists as last published (what communities and the rules engine see), by list and key. */
export async function currentListItems(em: EntityManager, countyId: number, listType?: ListType | null): Promise<ListItem[]> {
  return em.find(
    ListItem,
    { region: countyId, status: ListItemStatus.ACTIVE, ...(listType ? { listType } : {}) },
    { orderBy: { listType: 'asc', itemKey: 'asc' } },
  );
}

const DIFF_FIELDS: Array<[string, (i: ListVersionItem) => unknown]> = [
  ['listType', (i) => i.listType],
  ['title', (i) => i.title],
  ['description', (i) => i.description],
  ['category', (i) => i.category],
  ['legalBasis', (i) => JSON.stringify(i.legalBasis)],
  ['department', (i) => i.departmentId ?? null],
  ['triggerPhrases', (i) => JSON.stringify(i.triggerPhrases ?? [])],
  ['examples', (i) => JSON.stringify(i.examples ?? [])],
  ['counterExamples', (i) => JSON.stringify(i.counterExamples ?? [])],
];

/** Orders snapshot rows by list (DUTY, ASSISTANCE, NEGATIVE), then key. */
export function compareVersionItems(a: { listType: ListType; itemKey: string }, b: { listType: ListType; itemKey: string }): number {
  const order = Object.values(ListType);
  return order.indexOf(a.listType) - order.indexOf(b.listType) || a.itemKey.localeCompare(b.itemKey);
}

/**
 * Compares two versions of the same county item by item (by key): added (only in `to`),
 * adjusted (in both, with the fields that differ), cancelled (only in `from`).
 */
export async function diffListVersions(em: EntityManager, fromVersionId: number, toVersionId: number): Promise<ListVersionDiff> {
  const from = await em.findOne(ListVersion, { id: fromVersionId });
  const to = await em.findOne(ListVersion, { id: toVersionId });
  if (!from) throw notFound('起始清单版本', 'From version');
  if (!to) throw notFound('目标清单版本', 'To version');
  if (from.county.id !== to.county.id) {
    throw badInput('只能比较同一县的清单版本', 'Both versions must belong to the same county', [
      { field: 'toId', message: '与起始版本不属于同一县', messageEn: 'belongs to another county than fromId' },
    ]);
  }
  const rows = await em.find(ListVersionItem, { version: { $in: [from.id, to.id] } });
  const before = new Map(rows.filter((r) => r.version.id === from.id).map((r) => [r.itemKey, r]));
  const after = new Map(rows.filter((r) => r.version.id === to.id).map((r) => [r.itemKey, r]));
  const added = [...after.values()].filter((r) => !before.has(r.itemKey)).sort(compareVersionItems);
  const cancelled = [...before.values()].filter((r) => !after.has(r.itemKey)).sort(compareVersionItems);
  const adjusted: ListItemAdjustment[] = [];
  for (const a of [...after.values()].sort(compareVersionItems)) {
    const b = before.get(a.itemKey);
    if (!b) continue;
    const changedFields = DIFF_FIELDS.filter(([, get]) => get(a) !== get(b)).map(([name]) => name);
    if (changedFields.length) adjusted.push({ itemKey: a.itemKey, before: b, after: a, changedFields });
  }
  return { from, to, added, adjusted, cancelled };
}
