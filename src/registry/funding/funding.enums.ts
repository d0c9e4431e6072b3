import { defineEnum } from '../../kernel/enums';

/* Enums of Funding 费随事转, each with its Chinese and English labels (src/kernel/enums.ts). */

export enum UnfundedReason {
  NO_FUNDING_DECLARED = 'NO_FUNDING_DECLARED',
  NOT_ALLOCATED = 'NOT_ALLOCATED',
}
defineEnum(UnfundedReason, 'UnfundedReason', '已准入协助事项缺少经费的情形。How an admitted assistance item lacks funding.', {
  NO_FUNDING_DECLARED: ['申请未安排经费', 'No funding was declared'],
  NOT_ALLOCATED: ['安排了经费但尚未向任何村（社区）拨付', 'Funding declared but nothing allocated to any community'],
});

export enum PaymentState {
  NOT_ALLOCATED = 'NOT_ALLOCATED',
  AWAITING_CONFIRMATION = 'AWAITING_CONFIRMATION',
}
defineEnum(PaymentState, 'PaymentState', '村（社区）经费到位情况（未到位的两种情形）。Why a community is not yet paid.', {
  NOT_ALLOCATED: ['尚未拨付', 'Nothing allocated yet'],
  AWAITING_CONFIRMATION: ['已拨付，村（社区）尚未确认到账', 'Allocated, receipt not confirmed'],
});
