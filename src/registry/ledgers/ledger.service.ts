/**
 * Ledgers and reports (台账报表): the requirements departments place on communities, the
 * filings communities make, the clean-up review (merge / electronic / abolish) and
 * 一表通 — filings generated from data the platform already collects.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../kernel/roles';
import { User } from '../../auth';
import { audit, changeLocked, snapshot } from '../../kernel/mutation';
import { LEDGER_LIFECYCLE } from './ledger.lifecycle';
import { Community } from '../../geography';
import { Region } from '../../geography';
import { AdmissionApplication } from '../../admission';
import { ADMITTED_STATUSES } from '../../admission';
import { filingsPerYear } from '../../admission';
import { LedgerFrequency } from '../../admission';
import { DataElement } from '../../platform';
import { CollectedValue } from '../../platform';
import type { Context } from '../../kernel/context';
import { conflict, forbidden } from '../../kernel/errors';
import { chinaDate } from '../../kernel/dates';
import { actorScope, type ActorScope } from '../../kernel/context';
import { assertDepartmentOrCounty, assertOwnCommunity } from '../../kernel/jurisdiction';
import { cleanList, decodeId, loadReferenced, loadTarget, Problems } from '../../kernel/input';
import { resolveDepartment } from '../../organisation';
import { LedgerFiling, LedgerRequirement } from './ledger.entity';
import { FilingMethod, LedgerStatus } from './ledger.enums';
import { oneFormEligible, reviewLedgers, type ElementFacts, type LedgerFacts, type LedgerProposal } from './ledger-cleanup.rules';
import type { AbolishLedgerInput, LedgerFilingInput, LedgerRequirementInput, MergeLedgerInput } from './ledger.inputs';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Hours a year one community spends on a requirement (Standard Cost Model). */
export const hoursPerCommunity = (l: Pick<LedgerRequirement, 'frequency' | 'expectedPerYear' | 'minutesPerFiling'>) =>
  (filingsPerYear({ frequency: l.frequency, expectedPerYear: l.expectedPerYear ?? null }) * l.minutesPerFiling) / 60;

/** The period format each frequency files under. */
const PERIOD_FORMATS: Record<LedgerFrequency, [RegExp, string]> = {
  DAILY: [/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '2026-03-02'],
  WEEKLY: [/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, '2026-W10'],
  MONTHLY: [/^\d{4}-(0[1-9]|1[0-2])$/, '2026-03'],
  QUARTERLY: [/^\d{4}Q[1-4]$/, '2026Q1'],
  HALF_YEARLY: [/^\d{4}H[12]$/, '2026H1'],
  YEARLY: [/^\d{4}$/, '2026'],
  AD_HOC: [/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '2026-03-02'],
};

/** Who may change a county's ledgers: the department that owns it, the county's reviewers, admins. */
function assertMayMaintain(scope: ActorScope, l: Pick<LedgerRequirement, 'department' | 'county'>): void {
  assertDepartmentOrCounty(scope, l.department.id, l.county.id, [Role.REVIEWER]);
}

/** Checks and writes the declared content of a requirement. */
async function applyInput(em: EntityManager, l: LedgerRequirement, input: LedgerRequirementInput): Promise<void> {
  const problems = new Problems();
  if (input.frequency === LedgerFrequency.AD_HOC && !input.expectedPerYear) {
    problems.add('expectedPerYear', '不定期台账须填写每年预计次数', 'Ad hoc ledgers need an expected count a year');
  }
  const codes = cleanList(input.dataElementCodes);
  if (codes.length) {
    const known = new Set((await em.find(DataElement, { code: { $in: codes } }, { fields: ['id', 'code'] })).map((e) => e.code));
    input.dataElementCodes.forEach((c, i) => {
      if (c.trim() && !known.has(c.trim())) problems.add(`dataElementCodes.${i}`, `数据元目录中没有编码 ${c}`, `No data element ${c}`);
    });
  }
  let applicationId: number | null = null;
  if (input.applicationId) {
    applicationId = decodeId(problems, input.applicationId, 'AdmissionApplication', 'applicationId');
    if (applicationId > 0) {
      const app = await em.findOne(AdmissionApplication, { id: applicationId }, { fields: ['id', 'county', 'department'] });
      if (!app) problems.add('applicationId', '未找到该准入申请', 'Application not found');
      else if (app.county.id !== l.county.id || app.department.id !== l.department.id) {
        problems.add('applicationId', '该申请不是本部门在本县的申请', 'Not an application of this department and county');
      }
    }
  }
  problems.throwIfAny('台账报表内容有误', 'The ledger requirement has invalid fields');
  Object.assign(l, {
    name: input.name.trim(),
    dataElementCodes: codes,
    frequency: input.frequency,
    expectedPerYear: input.frequency === LedgerFrequency.AD_HOC ? (input.expectedPerYear ?? null) : null,
    format: input.format,
    electronicChannel: input.electronicChannel?.trim() || null,
    minutesPerFiling: input.minutesPerFiling,
    legalBasis: cleanList(input.legalBasis),
    application: applicationId && applicationId > 0 ? em.getReference(AdmissionApplication, applicationId) : null,
  });
}

export async function createLedgerRequirement(ctx: Context, input: LedgerRequirementInput): Promise<LedgerRequirement> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const { department, countyId } = await resolveDepartment(em, scope, input.departmentId);
    assertDepartmentOrCounty(scope, department.id, countyId, [Role.REVIEWER]);
    const l = new LedgerRequirement();
    l.county = em.getReference(Region, countyId) as never;
    l.department = department as never;
    await applyInput(em, l, input);
    em.persist(l);
    await em.flush();
    await audit(em, ctx, { action: 'ledgerRequirement.create', entity: l, after: snapshot(l), countyId });
    await em.flush();
    return l;
  });
}

async function lockLedger(em: EntityManager, id: string | number): Promise<LedgerRequirement> {
  if (typeof id === 'number') return em.findOneOrFail(LedgerRequirement, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  return loadTarget(em, LedgerRequirement, id, 'LedgerRequirement', ['该台账报表', 'Ledger requirement'], { lockMode: LockMode.PESSIMISTIC_WRITE });
}

export async function updateLedgerRequirement(ctx: Context, id: string, input: LedgerRequirementInput): Promise<LedgerRequirement> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const l = await lockLedger(em, id);
    assertMayMaintain(scope, l);
    if (input.departmentId && decodeId(new Problems(), input.departmentId, 'Department', 'departmentId') !== l.department.id) {
      new Problems().add('departmentId', '不能更换部门', 'The department cannot change').throwIfAny('不能更换部门', 'The department cannot change');
    }
    await changeLocked(em, ctx, l, {
      action: 'ledgerRequirement.update',
      lifecycle: { machine: LEDGER_LIFECYCLE, action: 'update' },
      apply: async () => {
        await applyInput(em, l, input);
        if (l.oneForm && !oneFormEligible(l, await elementFacts(em, l.dataElementCodes))) l.oneForm = false;
      },
      county: () => l.county.id,
    });
    await em.flush();
    return l;
  });
}

export async function mergeLedgerRequirement(ctx: Context, id: string, input: MergeLedgerInput): Promise<LedgerRequirement> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const l = await lockLedger(em, id);
    assertMayMaintain(scope, l);
    const into = await loadReferenced(em, LedgerRequirement, input.intoId, 'LedgerRequirement', 'intoId', ['要并入的台账报表', 'Target ledger'], {
      lockMode: LockMode.PESSIMISTIC_WRITE,
    });
    const problems = new Problems();
    if (into.id === l.id) problems.add('intoId', '不能并入自身', 'Cannot merge a ledger into itself');
    else if (into.county.id !== l.county.id) problems.add('intoId', '只能并入本县的台账报表', 'Only into a ledger of the same county');
    else if (into.status !== LedgerStatus.KEPT) problems.add('intoId', '只能并入保留的台账报表', 'Only into a kept ledger');
    problems.throwIfAny('不能合并', 'Cannot merge');
    if (scope.role === Role.DEPARTMENT_USER && into.department.id !== scope.departmentId) {
      throw forbidden('JURISDICTION', '跨部门合并台账报表由县委社会工作部办理', 'Merging across departments is for the county reviewers');
    }
    await changeLocked(em, ctx, l, {
      action: 'ledgerRequirement.merge',
      lifecycle: { machine: LEDGER_LIFECYCLE, action: 'merge' },
      apply: () => void Object.assign(l, { mergedInto: into, statusChangedOn: input.on ?? chinaDate(), statusReason: input.reason.trim(), oneForm: false }),
      comment: input.reason,
      county: () => l.county.id,
    });
    await em.flush();
    return l;
  });
}

export async function abolishLedgerRequirement(ctx: Context, id: string, input: AbolishLedgerInput): Promise<LedgerRequirement> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const l = await lockLedger(em, id);
    assertMayMaintain(scope, l);
    await changeLocked(em, ctx, l, {
      action: 'ledgerRequirement.abolish',
      lifecycle: { machine: LEDGER_LIFECYCLE, action: 'abolish' },
      apply: () => void Object.assign(l, { statusChangedOn: input.on ?? chinaDate(), statusReason: input.reason.trim(), oneForm: false }),
      comment: input.reason,
      county: () => l.county.id,
    });
    await em.flush();
    return l;
  });
}

async function elementFacts(em: EntityManager, codes: string[]): Promise<ElementFacts[]> {
  if (!codes.length) return [];
  const rows = await em.find(DataElement, { code: { $in: codes } }, { fields: ['code', 'collectedOnPlatform', 'sourceSystem'] });
  return rows.map((e) => ({ code: e.code, collectedOnPlatform: e.collectedOnPlatform, sourceSystem: e.sourceSystem ?? null }));
}

/** Turns 一表通 on (only when every field is collected on the platform) or off. */
export async function setLedgerOneForm(ctx: Context, id: string, enabled: boolean): Promise<LedgerRequirement> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const l = await lockLedger(em, id);
    assertMayMaintain(scope, l);
    LEDGER_LIFECYCLE.checkActor(l, 'oneForm', undefined);
    if (enabled) {
      const elements = await elementFacts(em, l.dataElementCodes);
      if (!oneFormEligible(l, elements)) {
        const missing = l.dataElementCodes.filter((c) => !elements.some((e) => e.code === c && e.collectedOnPlatform));
        new Problems()
          .add(
            'enabled',
            l.dataElementCodes.length ? `以下字段平台尚未采集，不能由已有数据生成：${missing.join('、')}` : '台账报表没有标准化字段，不能由已有数据生成',
            'Not every field is collected on the platform',
          )
          .throwIfAny('不能启用一表通', 'Cannot generate this ledger from collected data');
      }
    }
    await changeLocked(em, ctx, l, {
      action: 'ledgerRequirement.oneForm',
      lifecycle: { machine: LEDGER_LIFECYCLE, action: 'oneForm' },
      apply: () => void (l.oneForm = enabled),
      county: () => l.county.id,
    });
    await em.flush();
    return l;
  });
}

/**
 * A community files a ledger for a period. With 一表通 on, the filing is generated from
 * the values the platform collected for the community (that period's, else the latest)
 * and typed values are ignored; otherwise the typed values are kept.
 */
export async function fileLedger(ctx: Context, input: LedgerFilingInput): Promise<LedgerFiling> {
  const scope = actorScope(ctx);
  if (scope.role !== Role.COMMUNITY_USER || !scope.communityId) throw forbidden('BINDING', '由村（社区）工作者填报', 'Community workers file ledgers');
  return ctx.em.transactional(async (em) => {
    const l = await loadReferenced(em, LedgerRequirement, input.requirementId, 'LedgerRequirement', 'requirementId', ['该台账报表', 'Ledger requirement']);
    const community = await em.findOneOrFail(Community, { id: scope.communityId! });
    assertOwnCommunity(scope, community.id);
    const problems = new Problems();
    if (l.county.id !== community.county.id) problems.add('requirementId', '不是本县的台账报表', 'Not a ledger of your county');
    if (l.status !== LedgerStatus.KEPT)
      problems.add('requirementId', '该台账报表已合并或取消，无需再填报', 'The ledger was merged or abolished: nothing to file');
    const [format, example] = PERIOD_FORMATS[l.frequency];
    if (!format.test(input.period)) problems.add('period', `所属期格式应如 ${example}`, `period must look like ${example}`);
    if (!l.oneForm) {
      const fields = new Set(l.dataElementCodes);
      input.values.forEach((v, i) => {
        if (fields.size && !fields.has(v.code)) problems.add(`values.${i}.code`, `该台账报表没有字段 ${v.code}`, `The ledger has no field ${v.code}`);
      });
    }
    problems.throwIfAny('填报内容有误', 'Invalid filing');
    if (await em.count(LedgerFiling, { requirement: l.id, community: community.id, period: input.period })) {
      throw conflict('本期已填报', 'Already filed for this period');
    }
    let values: Record<string, string | null>;
    if (l.oneForm) {
      const collected = await em.find(
        CollectedValue,
        { community: community.id, dataElement: { code: { $in: l.dataElementCodes } }, deletedAt: null },
        { populate: ['dataElement'], orderBy: { period: 'desc', id: 'desc' } },
      );
      values = Object.fromEntries(
        l.dataElementCodes.map((code) => {
          const mine = collected.filter((v) => v.dataElement.getEntity().code === code);
          return [code, (mine.find((v) => v.period === input.period) ?? mine[0])?.value ?? null];
        }),
      );
    } else {
      values = Object.fromEntries(input.values.map((v) => [v.code, v.value ?? null]));
    }
    const filing = em.create(LedgerFiling, {
      requirement: l,
      community,
      county: community.county,
      period: input.period,
      method: l.oneForm ? FilingMethod.GENERATED : FilingMethod.MANUAL,
      filedAt: new Date(),
      filedBy: em.getReference(User, scope.userId),
      minutesSpent: l.oneForm ? 0 : (input.minutesSpent ?? null),
      values,
    });
    await em.flush();
    await audit(em, ctx, { action: 'ledgerFiling.create', entity: filing, after: snapshot(filing), countyId: community.county.id });
    await em.flush();
    return filing;
  });
}

/** A proposal with its ledgers loaded, for the API. */
export interface LoadedLedgerProposal extends LedgerProposal {
  ledger: LedgerRequirement;
  target: LedgerRequirement | null;
}

/** The clean-up review of a county's kept ledgers (pure rules over the loaded facts). */
export async function ledgerCleanupReview(em: EntityManager, countyId: number, departmentId?: number | null): Promise<LoadedLedgerProposal[]> {
  const ledgers = await em.find(LedgerRequirement, { county: countyId, status: LedgerStatus.KEPT }, { orderBy: { id: 'asc' } });
  const appIds = [...new Set(ledgers.map((l) => l.application?.id).filter((x): x is number => x != null))];
  const admitted = new Set(
    appIds.length
      ? (await em.find(AdmissionApplication, { id: { $in: appIds }, status: { $in: ADMITTED_STATUSES } }, { fields: ['id'] })).map((a) => a.id)
      : [],
  );
  const facts: LedgerFacts[] = ledgers.map((l) => ({
    id: l.id,
    name: l.name,
    departmentId: l.department.id,
    dataElementCodes: l.dataElementCodes,
    format: l.format,
    electronicChannel: l.electronicChannel ?? null,
    legalBasis: l.legalBasis,
    admitted: l.application ? admitted.has(l.application.id) : false,
    status: l.status,
    frequency: l.frequency,
  }));
  const elements = await elementFacts(em, [...new Set(ledgers.flatMap((l) => l.dataElementCodes))]);
  const byId = new Map(ledgers.map((l) => [l.id, l]));
  return reviewLedgers(facts, elements)
    .filter((p) => departmentId == null || byId.get(p.ledgerId)!.department.id === departmentId)
    .map((p) => ({ ...p, ledger: byId.get(p.ledgerId)!, target: p.targetId ? (byId.get(p.targetId) ?? null) : null }));
}

export interface LedgerSummaryData {
  requirements: number;
  kept: number;
  merged: number;
  abolished: number;
  paperKept: number;
  oneFormKept: number;
  hoursPerCommunityRegistered: number;
  hoursPerCommunityNow: number;
  reductionPercent: number;
  filings: number;
  generatedFilings: number;
  hoursSaved: number;
}

/**
 * Ledger burden of a county (or one department) per community and year: as registered
 * (every requirement, before clean-up) and now (kept requirements that are still typed
 * in — 一表通 ones cost nothing), and the filings 一表通 saved.
 */
export async function ledgerSummary(em: EntityManager, countyId: number, departmentId?: number | null): Promise<LedgerSummaryData> {
  const where = { county: countyId, ...(departmentId ? { department: departmentId } : {}) };
  const ledgers = await em.find(LedgerRequirement, where, {
    fields: ['id', 'status', 'format', 'oneForm', 'frequency', 'expectedPerYear', 'minutesPerFiling'],
  });
  const filingRows: Array<{ method: FilingMethod; n: string; minutes: string | null }> = await em.getConnection().execute(
    `select f.method, count(*) as n, sum(case when f.method = 'GENERATED' then r.minutes_per_filing else 0 end) as minutes
       from ledger_filing f join ledger_requirement r on r.id = f.requirement_id
      where r.county_id = ? ${departmentId ? 'and r.department_id = ?' : ''} group by f.method`,
    departmentId ? [countyId, departmentId] : [countyId],
    'all',
    em.getTransactionContext(),
  );
  const kept = ledgers.filter((l) => l.status === LedgerStatus.KEPT);
  const registered = ledgers.reduce((h, l) => h + hoursPerCommunity(l), 0);
  const now = kept.filter((l) => !l.oneForm).reduce((h, l) => h + hoursPerCommunity(l), 0);
  const generated = filingRows.find((r) => r.method === FilingMethod.GENERATED);
  return {
    requirements: ledgers.length,
    kept: kept.length,
    merged: ledgers.filter((l) => l.status === LedgerStatus.MERGED).length,
    abolished: ledgers.filter((l) => l.status === LedgerStatus.ABOLISHED).length,
    paperKept: kept.filter((l) => l.format === 'PAPER').length,
    oneFormKept: kept.filter((l) => l.oneForm).length,
    hoursPerCommunityRegistered: round1(registered),
    hoursPerCommunityNow: round1(now),
    reductionPercent: registered > 0 ? round1(((registered - now) / registered) * 100) : 0,
    filings: filingRows.reduce((n, r) => n + Number(r.n), 0),
    generatedFilings: Number(generated?.n ?? 0),
    hoursSaved: round1(Number(generated?.minutes ?? 0) / 60),
  };
}
