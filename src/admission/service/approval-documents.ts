/** Approval documents as the workflow issues them: numbered per county and year, validity from the period, signed when the configuration is known. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { badInput } from '../../kernel/errors';
import { chinaYear } from '../../kernel/dates';
import { nextSequenceValue } from '../../kernel/document-sequence.entity';
import { Region, countyPrefix } from '../../geography';
import type { AdmissionApplication } from '../entity/application.entity';
import { ApprovalDocument } from '../entity/approval-document.entity';
import { signDocument, snapshotFor, validityFor } from '../documents/document-signing';

export async function issueDocument(em: EntityManager, app: AdmissionApplication, provisional: boolean, config?: Config): Promise<ApprovalDocument> {
  const county = await em.findOneOrFail(Region, app.county.id);
  const now = new Date();
  const { validFrom, validUntil } = validityFor(app, now);
  // Never an inverted or past window (the PERIOD_INVALID rule refuses such applications first).
  if (validUntil && validUntil < validFrom) {
    throw badInput(`实施期限已于 ${validUntil} 结束，不能签发批准文书`, `The period ended on ${validUntil}: no document can be issued`, [
      { field: 'periodEnd', message: '实施期限已结束', messageEn: 'the period is over' },
    ]);
  }
  const year = chinaYear(now);
  const serial = await nextSequenceValue(em, county.id, 'approval', year);
  const doc = em.create(ApprovalDocument, {
    number: `${countyPrefix(county)}社工准〔${year}〕${serial}号`,
    application: app,
    county,
    year,
    serial,
    issuedAt: now,
    validFrom,
    validUntil,
    communityIds: app.communityIds,
    provisional,
    ...(await snapshotFor(em, app)),
  });
  if (!provisional) doc.provisionalUntil = null;
  // Signed at once when the caller knows the configuration (the key folder); otherwise on first use.
  if (config) await signDocument(em, config, doc);
  return doc;
}

export async function documentOf(em: EntityManager, app: AdmissionApplication): Promise<ApprovalDocument | null> {
  return em.findOne(ApprovalDocument, { application: app.id });
}
