import { LedgerFormat, type LedgerFrequency } from '../../admission';
import { LedgerCleanupKind, LedgerStatus } from './ledger.enums';

/** What the clean-up review sees of a ledger requirement. */
export interface LedgerFacts {
  id: number;
  name: string;
  departmentId: number;
  dataElementCodes: string[];
  format: LedgerFormat;
  electronicChannel: string | null;
  legalBasis: string[];
  /** Introduced by an application that is admitted (approved, in effect, or emergency in effect). */
  admitted: boolean;
  status: LedgerStatus;
  frequency?: LedgerFrequency;
}

/** What the review sees of a data element. */
export interface ElementFacts {
  code: string;
  collectedOnPlatform: boolean;
  sourceSystem: string | null;
}

/** One clean-up proposal: merge (into `targetId`), go electronic, or abolish. */
export interface LedgerProposal {
  kind: LedgerCleanupKind;
  ledgerId: number;
  /** MERGE: the ledger it should be merged into; PAPER: the electronic ledger covering it, if that is the channel. */
  targetId: number | null;
  message: string;
  messageEn: string;
}

const fieldsOf = (l: LedgerFacts) => new Set(l.dataElementCodes);
const isSubset = (a: Set<string>, b: Set<string>) => a.size > 0 && [...a].every((x) => b.has(x));

/**
 * Where a ledger's fields all live on the one-stop platform (every data element collected
 * there), the platform is its electronic channel, and the filing can be generated from
 * stored data (一表通).
 */
export function oneFormEligible(ledger: Pick<LedgerFacts, 'dataElementCodes'>, elements: ElementFacts[]): boolean {
  const byCode = new Map(elements.map((e) => [e.code, e]));
  return ledger.dataElementCodes.length > 0 && ledger.dataElementCodes.every((c) => byCode.get(c)?.collectedOnPlatform === true);
}

/**
 * The ledger whose fields contain all of `ledger`'s, if any — the smallest such, then the
 * oldest. Equal field sets: only the newer ledger is proposed, into the older one.
 */
export function mergeTarget(ledger: LedgerFacts, others: LedgerFacts[]): LedgerFacts | null {
  const mine = fieldsOf(ledger);
  const candidates = others
    .filter((o) => o.id !== ledger.id && o.status === LedgerStatus.KEPT)
    .filter((o) => {
      const theirs = fieldsOf(o);
      if (!isSubset(mine, theirs)) return false;
      return theirs.size > mine.size || o.id < ledger.id; // equal sets: merge the newer into the older
    })
    .sort((a, b) => a.dataElementCodes.length - b.dataElementCodes.length || a.id - b.id);
  return candidates[0] ?? null;
}

/**
 * The clean-up review of a county's kept ledgers (清理规范台账报表):
 *  - MERGE: its fields are a subset of another kept ledger's (宜并则并);
 *  - PAPER: paper, although an electronic channel exists — a declared channel, the
 *    one-stop platform (all its fields collected there), or a kept electronic ledger
 *    holding all its fields (能够传输电子文档的可不提供纸质材料);
 *  - ABOLISH: no legal basis and not introduced by an admitted application.
 * A ledger may get several proposals. Ledgers already merged or abolished are skipped.
 */
export function reviewLedgers(ledgers: LedgerFacts[], elements: ElementFacts[]): LedgerProposal[] {
  const kept = ledgers.filter((l) => l.status === LedgerStatus.KEPT);
  const proposals: LedgerProposal[] = [];
  for (const ledger of kept) {
    const target = mergeTarget(ledger, kept);
    if (target) {
      const same = fieldsOf(target).size === ledger.dataElementCodes.length;
      proposals.push({
        kind: LedgerCleanupKind.MERGE,
        ledgerId: ledger.id,
        targetId: target.id,
        message: `“${ledger.name}”的字段${same ? '与' : '全部包含在'}“${target.name}”${same ? '相同' : '中'}，建议并入后者，不再单独填报。`,
        messageEn: `The fields of “${ledger.name}” are ${same ? 'the same as' : 'a subset of'} those of “${target.name}”: merge it into that one.`,
      });
    }
    if (ledger.format === LedgerFormat.PAPER) {
      const electronicTwin = kept.find((o) => o.id !== ledger.id && o.format === LedgerFormat.ELECTRONIC && isSubset(fieldsOf(ledger), fieldsOf(o)));
      const channel = ledger.electronicChannel?.trim()
        ? ledger.electronicChannel.trim()
        : oneFormEligible(ledger, elements)
          ? '一体化政务服务平台（字段均已采集）'
          : electronicTwin
            ? `电子台账“${electronicTwin.name}”`
            : null;
      if (channel) {
        proposals.push({
          kind: LedgerCleanupKind.PAPER,
          ledgerId: ledger.id,
          targetId: !ledger.electronicChannel?.trim() && !oneFormEligible(ledger, elements) ? (electronicTwin?.id ?? null) : null,
          message: `“${ledger.name}”要求纸质填报，但已有电子渠道（${channel}），能够传输电子文档的不再要求纸质材料。`,
          messageEn: `“${ledger.name}” is filed on paper although an electronic channel exists (${channel}).`,
        });
      }
    }
    if (!ledger.admitted && !ledger.legalBasis.some((b) => b.trim())) {
      proposals.push({
        kind: LedgerCleanupKind.ABOLISH,
        ledgerId: ledger.id,
        targetId: null,
        message: `“${ledger.name}”既无法律法规政策依据，也未经准入，建议取消。`,
        messageEn: `“${ledger.name}” has no legal basis and was not admitted: abolish it.`,
      });
    }
  }
  return proposals;
}
