import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { audit, snapshot } from '../../kernel/mutation';
import { chinaDate } from '../../kernel/dates';
import { AdmissionApplication } from '../entity/application.entity';
import { ApprovalDocument } from '../entity/approval-document.entity';
import { ApplicationStatus } from '../enums';
import { transition } from './application.service';
import { events } from '../../kernel/events';
import { EmergencyEntryOverdue } from '../events';

/**
 * Emergency entries (先进后批) past their approval deadline: flagged once, escalated to
 * supervision (an audit event `application.escalate` that supervision picks up), and
 * counted. Returns the applications flagged by this run.
 */
export async function flagOverdueEmergencies(em: EntityManager, now = new Date()): Promise<AdmissionApplication[]> {
  return em.transactional(async (tx) => {
    const overdue = await tx.find(
      AdmissionApplication,
      { status: ApplicationStatus.EMERGENCY_IN_EFFECT, approvalDeadline: { $lt: now }, overdueFlaggedAt: null },
      { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    for (const app of overdue) {
      const before = snapshot(app);
      app.overdueFlaggedAt = now;
      app.approvedInTime = false;
      await audit(
        tx,
        { actor: null },
        {
          action: 'application.escalate',
          entity: app,
          before,
          after: snapshot(app),
          comment: `紧急事项“${app.title}”逾期未补批（截止 ${app.approvalDeadline?.toISOString()}），已提请督查。`,
          countyId: app.county.id,
        },
      );
      await events.publish(tx, new EmergencyEntryOverdue(app, now)); // supervision opens a case against the department (src/registry)
    }
    await tx.flush();
    return overdue;
  });
}

/**
 * Items whose approval document has expired leave communities: each moves to REVOKED
 * with the reason recorded, one transaction per item so one failure does not hold the rest.
 */
export async function expireAdmissions(em: EntityManager, today = chinaDate()): Promise<number> {
  const docs = await em.find(ApprovalDocument, { validUntil: { $lt: today }, revokedAt: null }, { fields: ['id', 'application', 'validUntil'] });
  let expired = 0;
  for (const doc of docs) {
    const app = await em.findOne(AdmissionApplication, { id: doc.application.id }, { fields: ['id', 'status'] });
    if (!app || ![ApplicationStatus.APPROVED, ApplicationStatus.IN_EFFECT].includes(app.status)) continue;
    await transition(em.fork(), 'system', app.id, 'expire', { reason: `批准文书有效期至 ${doc.validUntil}，已届满，事项退出村（社区）` });
    expired++;
  }
  return expired;
}
