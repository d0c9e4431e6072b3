import type { EntityManager } from '@mikro-orm/postgresql';
import { discardListChange, stageListChange, type CatalogueWho } from '../../catalogue';
import { ListChange, ListChangeKind, ListChangeStatus } from '../../catalogue';
import { ListItem, ListItemStatus, ListType } from '../../catalogue';
import type { AdmissionApplication } from '../entity/application.entity';
import { ApplicationKind } from '../enums';
import { AppError } from '../../kernel/errors';
import { audit } from '../../kernel/mutation';

/**
 * List maintenance follows admissions (该进则进、该退则退): an approved new regular item is
 * staged as an ADD to the county's assistance list, so the next published version has it;
 * when the item leaves (revoked, expired, rejected emergency), a pending ADD is discarded
 * and a published item is staged for CANCEL.
 */
export async function addToLists(em: EntityManager, who: CatalogueWho, app: AdmissionApplication): Promise<void> {
  if (app.kind !== ApplicationKind.NEW_REGULAR) return;
  try {
    await stageChange(em, who, app);
  } catch (err) {
    // The lists refuse the addition (e.g. an item with that title is already listed): the
    // approval stands, and the audit trail says why the lists were not changed.
    if (!(err instanceof AppError) || err.code !== 'BAD_USER_INPUT') throw err;
    await audit(em, 'actor' in who ? who : { actor: who }, {
      action: 'application.listNotChanged',
      entity: app,
      comment: `未自动加入清单：${err.message}`,
      countyId: app.county.id,
    });
  }
}

function stageChange(em: EntityManager, who: CatalogueWho, app: AdmissionApplication) {
  return stageListChange(em, who, {
    countyId: app.county.id,
    kind: ListChangeKind.ADD,
    proposed: {
      listType: ListType.ASSISTANCE,
      title: app.title,
      description: app.description,
      category: app.category,
      legalBasis: app.legalBasis,
      departmentId: app.department.id,
    },
    reason: `准入申请 ${app.number} 经批准，新增为协助办理事项`,
    sourceApplicationId: app.id,
  });
}

export async function removeFromLists(em: EntityManager, who: CatalogueWho, app: AdmissionApplication, reason: string): Promise<void> {
  if (app.kind !== ApplicationKind.NEW_REGULAR) return;
  const pending = await em.find(ListChange, { sourceApplicationId: app.id, status: ListChangeStatus.PENDING });
  for (const change of pending) await discardListChange(em, who, { changeId: change.id, reason });
  const items = await em.find(ListItem, { sourceApplicationId: app.id, status: ListItemStatus.ACTIVE });
  for (const item of items) {
    // One pending change per item: a pending CANCEL already does it; a pending ADJUST gives way.
    const itemPending = await em.find(ListChange, { item: item.id, status: ListChangeStatus.PENDING });
    if (itemPending.some((c) => c.kind === ListChangeKind.CANCEL)) continue;
    for (const change of itemPending) await discardListChange(em, who, { changeId: change.id, reason });
    await stageListChange(em, who, { countyId: app.county.id, kind: ListChangeKind.CANCEL, itemId: item.id, reason: `准入事项 ${app.number} 退出：${reason}` });
  }
}
