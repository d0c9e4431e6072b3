import { defineEnum } from '../../kernel/enums';

/* Enums of Ledgers and reports 台账报表, each with its Chinese and English labels (src/kernel/enums.ts). */

export enum LedgerStatus {
  KEPT = 'KEPT',
  MERGED = 'MERGED',
  ABOLISHED = 'ABOLISHED',
}
defineEnum(LedgerStatus, 'LedgerStatus', '台账报表状态。Status of a ledger requirement.', {
  KEPT: ['保留', 'Kept'],
  MERGED: ['已并入其他台账报表', 'Merged into another'],
  ABOLISHED: ['已取消', 'Abolished'],
});

export enum LedgerCleanupKind {
  MERGE = 'MERGE',
  PAPER = 'PAPER',
  ABOLISH = 'ABOLISH',
}
defineEnum(LedgerCleanupKind, 'LedgerCleanupKind', '台账报表清理建议类别。Kind of ledger clean-up proposal.', {
  MERGE: ['建议合并：字段是另一台账报表的子集（宜并则并）', 'Merge: its fields are a subset of another'],
  PAPER: ['纸质填报但已有电子渠道（能传电子文档的不再要纸质）', 'Paper although an electronic channel exists'],
  ABOLISH: ['建议取消：既无法律法规依据又未经准入', 'Abolish: no legal basis and no admission'],
});

export enum FilingMethod {
  MANUAL = 'MANUAL',
  GENERATED = 'GENERATED',
}
defineEnum(FilingMethod, 'FilingMethod', '填报方式。How a filing was produced.', {
  MANUAL: ['村（社区）手工填报', 'Typed in by the community'],
  GENERATED: ['一表通：由已采集数据自动生成', 'Generated from data already collected (一表通)'],
});
