import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { chinaDate } from '../../kernel/dates';
import { Region, RegionLevel } from '../../geography';
import { DocumentRevocationList } from '../entity/signing-key.entity';
import { currentSigningKey } from './signing-keys';
import { sm2Sign } from '../../kernel/gm';
import { b64uEncode, type RevocationEntry, type RevocationList } from './verification-core';

/**
 * The signed revocation list (撤销清单) of a county: every document of the county not yet
 * past its validity that was revoked or completed, and every emergency entry approved after
 * the fact (CONFIRMED), signed with the county's current SM2 key. Offline checks use the
 * newest list they hold and say "valid as of the list dated …".
 *
 * Refreshed by the worker job `refresh-revocation-lists` (every REVOCATION_LIST_REFRESH_MINUTES),
 * and on demand when the latest list is older than a change of the county's documents.
 * Download: GET /approval-documents/revocations/<county code>.json.
 */

interface EntryRow {
  number: string;
  status: string;
  revoked_at: Date | null;
  completed_at: Date | null;
  decided_at: Date | null;
  revoke_reason: string | null;
  provisional_until: Date | null;
}

/** Builds, signs and stores a new list for the county. Inside or outside a transaction. */
export async function publishRevocationList(em0: EntityManager, config: Config, county: Region, now = new Date()): Promise<DocumentRevocationList> {
  return em0.transactional(async (em) => {
    const today = chinaDate(now);
    const conn = em.getConnection();
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- MikroORM types the transaction context as any
    const trx = em.getTransactionContext();
    const rows: EntryRow[] = await conn.execute(
      `select d.number, a.status::text as status, d.revoked_at, a.completed_at, a.decided_at, coalesce(d.revoke_reason, a.revoke_reason) as revoke_reason, d.provisional_until
         from approval_document d join admission_application a on a.id = d.application_id
        where d.county_id = ? and (d.valid_until is null or d.valid_until >= ?)
          and (d.revoked_at is not null or a.status in ('REVOKED', 'COMPLETED') or (d.provisional_until is not null and a.status = 'IN_EFFECT'))
        order by d.id`,
      [county.id, today],
      'all',
      trx,
    );
    const [{ since }] = await conn.execute<{ since: string | null }[]>(
      `select min(issued_at) as since from approval_document where county_id = ?`,
      [county.id],
      'all',
      trx,
    );
    const entries: RevocationEntry[] = rows.map((r) => {
      if (r.revoked_at || r.status === 'REVOKED')
        return { number: r.number, status: 'REVOKED', at: new Date(r.revoked_at ?? now).toISOString(), reason: r.revoke_reason ?? '' };
      if (r.status === 'COMPLETED') return { number: r.number, status: 'COMPLETED', at: new Date(r.completed_at ?? now).toISOString() };
      return { number: r.number, status: 'CONFIRMED', at: new Date(r.decided_at ?? now).toISOString() };
    });
    const { key, pair } = await currentSigningKey(em, config, county.id);
    const list: RevocationList = {
      format: 'ZHUNRU-REVOCATIONS/1',
      county: county.code,
      countyName: county.name,
      listDate: now.toISOString(),
      since: since ? chinaDate(new Date(since)) : today,
      keyId: key.keyId,
      entries,
    };
    const body = JSON.stringify(list);
    const row = em.create(DocumentRevocationList, {
      county,
      listDate: now,
      body,
      signature: b64uEncode(sm2Sign(body, pair)),
      keyId: key.keyId,
      entryCount: entries.length,
    });
    em.persist(row);
    await em.flush();
    // Older lists are superseded: keep the last few for reference.
    await conn.execute(
      `delete from document_revocation_list where county_id = ? and id not in (select id from document_revocation_list where county_id = ? order by list_date desc, id desc limit 5)`,
      [county.id, county.id],
      'run',
      trx,
    );
    return row;
  });
}

/**
 * The county's newest list; a new one is published when there is none, or when a document
 * or application of the county changed after it was made (so a revocation shows at once).
 */
export async function latestRevocationList(em: EntityManager, config: Config, county: Region): Promise<DocumentRevocationList> {
  const latest = await em.findOne(DocumentRevocationList, { county: county.id }, { orderBy: { listDate: 'desc', id: 'desc' }, filters: false });
  if (latest) {
    const [{ changed }] = await em
      .getConnection()
      .execute<{ changed: Date | null }[]>(
        `select greatest((select max(updated_at) from approval_document where county_id = ?), (select max(updated_at) from admission_application where county_id = ? and status in ('REVOKED', 'COMPLETED', 'IN_EFFECT'))) as changed`,
        [county.id, county.id],
      );
    if (!changed || new Date(changed) <= latest.listDate) return latest;
  }
  return publishRevocationList(em, config, county);
}

/** Refreshes the lists of every county that has documents (the worker job). */
export async function refreshRevocationLists(em: EntityManager, config: Config, now = new Date()): Promise<{ counties: number; entries: number }> {
  const counties = await em.find(Region, {
    level: RegionLevel.COUNTY,
    id: { $in: (await em.getConnection().execute<{ county_id: number }[]>(`select distinct county_id from approval_document`)).map((r) => r.county_id) },
  });
  let entries = 0;
  for (const county of counties) entries += (await publishRevocationList(em.fork(), config, county, now)).entryCount;
  return { counties: counties.length, entries };
}

/** The downloadable form: the exact signed text, its signature and key. */
export const signedListOf = (l: DocumentRevocationList) => ({ body: l.body, signature: l.signature, keyId: l.keyId });
