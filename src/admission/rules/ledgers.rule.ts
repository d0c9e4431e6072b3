import { toGlobalId } from '../../kernel/global-id';
import { FindingSeverity, LedgerFormat } from '../enums';
import type { Evidence, Finding, Rule } from './types';

const normalise = (name: string) => name.replace(/[\s（）()《》“”"、，,。.台账报表表]/g, '');

/**
 * Ledgers that duplicate one an admitted item already demands (same name, or fields that
 * are a subset of its fields), and paper ledgers where electronic would do (WARNING).
 */
export const ledgerRule: Rule = {
  code: 'LEDGER_DUPLICATE_OR_PAPER',
  severity: FindingSeverity.WARNING,
  description: '台账报表不得重复要求；能电子填报的不要求纸质材料。',
  check(app, ctx): Finding[] {
    const findings: Finding[] = [];
    const duplicates: Evidence[] = [];
    for (const ledger of app.ledgers) {
      for (const item of ctx.existingItems) {
        const same = item.ledgers.find((l) => {
          if (normalise(l.name) === normalise(ledger.name)) return true;
          const fields = new Set(l.dataElementCodes);
          return ledger.dataElementCodes.length > 0 && ledger.dataElementCodes.every((c) => fields.has(c));
        });
        if (same) {
          duplicates.push({
            kind: 'AdmissionApplication',
            id: toGlobalId('AdmissionApplication', item.id),
            label: `“${ledger.name}”与 ${item.number}《${item.title}》的“${same.name}”重复`,
          });
        }
      }
    }
    if (duplicates.length) {
      findings.push({
        code: 'LEDGER_DUPLICATE',
        severity: this.severity,
        message: '所要求的台账报表与已准入事项的台账报表重复，宜并则并。',
        messageEn: 'A ledger duplicates one an admitted item already demands; merge them.',
        evidence: duplicates,
      });
    }
    const paper = app.ledgers.filter((l) => l.format === LedgerFormat.PAPER);
    if (paper.length) {
      findings.push({
        code: 'LEDGER_PAPER',
        severity: this.severity,
        message: `以下台账报表要求纸质材料，能传输电子文档的不应再要求纸质：${paper.map((l) => l.name).join('、')}`,
        messageEn: 'Paper ledgers are demanded where electronic filing would do.',
        evidence: paper.map((l) => ({ kind: 'Ledger', id: null, label: l.name })),
      });
    }
    return findings;
  },
};
