/** Purchase of services (政府购买服务): contracts with their guards, evaluations against the terms. */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../kernel/roles';
import { User } from '../../auth';
import { audit, changeRecord, snapshot } from '../../kernel/mutation';
import { CONTRACT_LIFECYCLE } from './contract.lifecycle';
import { Community } from '../../geography';
import { Region } from '../../geography';
import { AdmissionApplication } from '../../admission';
import { ApplicationKind } from '../../admission';
import { currentListItems } from '../../catalogue';
import type { ListItemFacts } from '../../admission';
import type { Context } from '../../kernel/context';
import { badInput, conflict } from '../../kernel/errors';
import { chinaDate, chinaYear } from '../../kernel/dates';
import { nextSequenceValue } from '../../kernel/document-sequence.entity';
import { actorScope, type ActorScope } from '../../kernel/context';
import { assertDepartmentOrCounty } from '../../kernel/jurisdiction';
import { countyPrefix } from '../../geography';
import { decodeId, loadTarget, money, Problems } from '../../kernel/input';
import { resolveDepartment } from '../../organisation';
import { ServiceContract, ServiceContractEvaluation } from './service-contract.entity';
import { ServiceContractStatus } from './contract.enums';
import { checkContract, evaluationProblems, type ContractProblem } from './contract.rules';
import type { ContractEvaluationInput, ServiceContractInput } from './contract.inputs';
import type { NoteInput } from '../../kernel/note.input';

interface Prepared {
  countyId: number;
  departmentId: number;
  community: Community | null;
  application: AdmissionApplication | null;
  listItemId: number | null;
  problems: Problems;
  guards: ContractProblem[];
}

/** Resolves and checks a contract input; guard problems are returned, not thrown. */
async function prepare(em: EntityManager, scope: ActorScope, input: ServiceContractInput): Promise<Prepared> {
  const { department, countyId } = await resolveDepartment(em, scope, input.departmentId);
  const problems = new Problems();
  const communityId = decodeId(problems, input.communityId, 'Community', 'communityId');
  const community = communityId > 0 ? await em.findOne(Community, { id: communityId }) : null;
  if (communityId > 0 && !community) problems.add('communityId', '未找到该村（社区）', 'Community not found');
  else if (community && community.county.id !== countyId)
    problems.add('communityId', '村（社区）与部门不在同一县', 'The community is not in the department’s county');
  if (input.periodEnd < input.periodStart) problems.add('periodEnd', '服务期止不能早于服务期起', 'periodEnd is before periodStart');
  const keys = input.terms.map((t) => t.key);
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i) problems.add(`terms.${i}.key`, `条款编号 ${k} 重复`, `Duplicate term key ${k}`);
  });
  let application: AdmissionApplication | null = null;
  if (input.applicationId) {
    const id = decodeId(problems, input.applicationId, 'AdmissionApplication', 'applicationId');
    application = id > 0 ? await em.findOne(AdmissionApplication, { id }) : null;
    if (id > 0 && !application) problems.add('applicationId', '未找到该准入申请', 'Application not found');
    else if (application && (application.kind !== ApplicationKind.PURCHASE_OF_SERVICE || application.department.id !== department.id)) {
      problems.add('applicationId', '须为本部门的购买服务申请', 'Must be a purchase-of-service application of this department');
    }
  }
  const items = await currentListItems(em, countyId);
  const listItems: ListItemFacts[] = items.map((i) => ({
    id: i.id,
    itemKey: i.itemKey,
    listType: i.listType,
    title: i.title,
    category: i.category,
    description: i.description,
    legalBasis: i.legalBasis,
    triggerPhrases: i.triggerPhrases,
    examples: i.examples,
    counterExamples: i.counterExamples,
  }));
  let listItemId: number | null = null;
  if (input.listItemId) {
    listItemId = decodeId(problems, input.listItemId, 'ListItem', 'listItemId');
    if (listItemId > 0 && !listItems.some((i) => i.id === listItemId))
      problems.add('listItemId', '不是本县现行清单中的事项', 'Not an item of the county’s current lists');
  }
  const guards = checkContract(
    {
      title: input.title,
      scope: input.scope,
      category: input.category,
      listItemId,
      evaluationMethod: input.evaluationMethod,
      requiresQualification: input.requiresQualification,
      requiresEnforcementPower: input.requiresEnforcementPower,
      departmentId: department.id,
      communityId,
    },
    listItems,
  );
  return { countyId, departmentId: department.id, community, application, listItemId, problems, guards };
}

/** The guards' verdict on a draft contract, without writing anything (for forms). */
export async function checkServiceContract(ctx: Context, input: ServiceContractInput): Promise<ContractProblem[]> {
  const scope = actorScope(ctx);
  const p = await prepare(ctx.em, scope, input);
  p.problems.throwIfAny('合同内容有误', 'Invalid contract');
  return p.guards;
}

/** Signs a contract — refused (BAD_USER_INPUT, each guard a field problem with its code) when a guard fails. */
export async function createServiceContract(ctx: Context, input: ServiceContractInput): Promise<ServiceContract> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const p = await prepare(em, scope, input);
    assertDepartmentOrCounty(scope, p.departmentId, p.countyId, []);
    for (const g of p.guards) p.problems.add(g.field, g.message, g.messageEn, g.code);
    p.problems.throwIfAny(
      p.guards.length ? `不得签订：${p.guards.map((g) => g.code).join('、')}` : '合同内容有误',
      p.guards.length ? `The contract may not be signed: ${p.guards.map((g) => g.code).join(', ')}` : 'Invalid contract',
    );
    const county = await em.findOneOrFail(Region, { id: p.countyId });
    let number = input.number?.trim();
    if (number) {
      if (await em.count(ServiceContract, { number })) throw conflict(`合同编号 ${number} 已存在`, 'The contract number exists');
    } else {
      const year = chinaYear();
      number = `${countyPrefix(county)}购服〔${year}〕${await nextSequenceValue(em, county.id, 'contract', year)}号`;
    }
    const contract = em.create(ServiceContract, {
      number,
      county,
      department: p.departmentId,
      community: p.community!,
      application: p.application,
      title: input.title.trim(),
      scope: input.scope.trim(),
      category: input.category,
      amount: money(input.amount),
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      deliverables: input.deliverables.map((d) => ({ name: d.name.trim(), dueOn: d.dueOn ?? null })),
      terms: input.terms.map((t) => ({ key: t.key, description: t.description.trim() })),
      evaluationMethod: input.evaluationMethod.trim(),
      signedAt: new Date(),
      signedBy: em.getReference(User, scope.userId),
    });
    await em.flush();
    await audit(em, ctx, { action: 'serviceContract.create', entity: contract, after: snapshot(contract), countyId: county.id });
    await em.flush();
    return contract;
  });
}

/**
 * Satisfaction against the contract terms only: one result per term, every term, no
 * other criterion; satisfaction is the share of terms met. No target-assessment scoring
 * or one-vote veto in the comments.
 */
export async function evaluateServiceContract(ctx: Context, id: string, input: ContractEvaluationInput): Promise<ServiceContractEvaluation> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const c = await loadTarget(em, ServiceContract, id, 'ServiceContract', ['该合同', 'Contract'], { lockMode: LockMode.PESSIMISTIC_WRITE });
    assertDepartmentOrCounty(scope, c.department.id, c.county.id, []);
    CONTRACT_LIFECYCLE.checkActor(c, 'evaluate', undefined);
    const problems = new Problems();
    const terms = new Set(c.terms.map((t) => t.key));
    const seen = new Set<string>();
    input.termResults.forEach((r, i) => {
      if (!terms.has(r.termKey))
        problems.add(`termResults.${i}.termKey`, `合同没有条款 ${r.termKey}：满意度只能依据合同条款评定`, `The contract has no term ${r.termKey}`);
      else if (seen.has(r.termKey)) problems.add(`termResults.${i}.termKey`, `条款 ${r.termKey} 重复评定`, `Term ${r.termKey} judged twice`);
      seen.add(r.termKey);
      for (const g of evaluationProblems(r.comment ?? '', `termResults.${i}.comment`)) problems.add(g.field, g.message, g.messageEn, g.code);
    });
    const missing = [...terms].filter((k) => !seen.has(k));
    if (missing.length) problems.add('termResults', `以下条款未评定：${missing.join('、')}`, `Terms not judged: ${missing.join(', ')}`);
    for (const g of evaluationProblems(input.comment ?? '', 'comment')) problems.add(g.field, g.message, g.messageEn, g.code);
    problems.throwIfAny('评定内容有误', 'Invalid evaluation');
    const met = input.termResults.filter((r) => r.met).length;
    const evaluation = em.create(ServiceContractEvaluation, {
      contract: c,
      evaluatedOn: input.evaluatedOn ?? chinaDate(),
      evaluatedBy: em.getReference(User, scope.userId),
      termResults: input.termResults.map((r) => ({ termKey: r.termKey, met: r.met, comment: r.comment?.trim() || null })),
      termsMet: met,
      satisfaction: Math.round((met / terms.size) * 1000) / 1000,
      comment: input.comment?.trim() || null,
    });
    await em.flush();
    await audit(em, ctx, { action: 'serviceContract.evaluate', entity: evaluation, after: snapshot(evaluation), countyId: c.county.id });
    await em.flush();
    return evaluation;
  });
}

/** Completes or terminates an active contract. */
export async function closeServiceContract(ctx: Context, id: string, status: ServiceContractStatus, input: NoteInput): Promise<ServiceContract> {
  if (status === ServiceContractStatus.ACTIVE) {
    throw badInput('只能改为已完成或已终止', 'Only COMPLETED or TERMINATED', [
      { field: 'status', message: '不能改回履行中', messageEn: 'cannot go back to ACTIVE' },
    ]);
  }
  const scope = actorScope(ctx);
  const action = status === ServiceContractStatus.COMPLETED ? 'complete' : 'terminate';
  return changeRecord(ctx, ServiceContract, id, {
    what: ['该合同', 'Contract'],
    action: `serviceContract.${action}`,
    access: (c) => assertDepartmentOrCounty(scope, c.department.id, c.county.id, [Role.REVIEWER]),
    lifecycle: { machine: CONTRACT_LIFECYCLE, action },
    apply: () => undefined,
    comment: input.note,
    county: (c) => c.county.id,
  });
}
