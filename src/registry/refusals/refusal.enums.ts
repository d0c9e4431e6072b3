import { defineEnum } from '../../kernel/enums';

/* Enums of Refusals and reports 拒绝执行与举报, each with its Chinese and English labels (src/kernel/enums.ts). */

export enum RefusalKind {
  REFUSAL = 'REFUSAL',
  REPORT = 'REPORT',
}
defineEnum(RefusalKind, 'RefusalKind', '拒绝执行或举报。A refusal or a report.', {
  REFUSAL: ['村（社区）拒绝执行', 'The community refuses the task'],
  REPORT: ['举报（可匿名）', 'A report, possibly anonymous'],
});

export enum RefusalReason {
  NO_ADMISSION = 'NO_ADMISSION',
  NO_LEGAL_BASIS = 'NO_LEGAL_BASIS',
  NO_FUNDING = 'NO_FUNDING',
  NEGATIVE_LIST = 'NEGATIVE_LIST',
}
defineEnum(RefusalReason, 'RefusalReason', '拒绝执行或举报的理由。Why a task is refused or reported.', {
  NO_ADMISSION: ['未经准入（无批准文书）', 'Not admitted (no approval document)'],
  NO_LEGAL_BASIS: ['无法律法规政策依据', 'No legal basis'],
  NO_FUNDING: ['无工作经费（未费随事转）', 'No funding follows the task'],
  NEGATIVE_LIST: ['属于工作负面事项', 'Negative-list work'],
});

export enum RefusalStatus {
  RECEIVED = 'RECEIVED',
  VERIFIED = 'VERIFIED',
  DISMISSED = 'DISMISSED',
  DEPARTMENT_INTERVIEWED = 'DEPARTMENT_INTERVIEWED',
}
defineEnum(RefusalStatus, 'RefusalStatus', '拒绝执行或举报的办理状态。Status of a refusal or report.', {
  RECEIVED: ['已受理，待核实', 'Received'],
  VERIFIED: ['经核实属实', 'Verified'],
  DISMISSED: ['经核实不属实，不予支持', 'Dismissed'],
  DEPARTMENT_INTERVIEWED: ['已约谈相关部门', 'The department has been interviewed'],
});

export enum EvidenceKind {
  DOCUMENT = 'DOCUMENT',
  PHOTO = 'PHOTO',
  MESSAGE = 'MESSAGE',
  RECORDING = 'RECORDING',
  OTHER = 'OTHER',
}
defineEnum(EvidenceKind, 'EvidenceKind', '证据类别。Kind of evidence.', {
  DOCUMENT: ['文件、通知', 'A document or notice'],
  PHOTO: ['照片', 'A photo'],
  MESSAGE: ['工作群消息、短信截图', 'A chat or text message'],
  RECORDING: ['录音录像', 'A recording'],
  OTHER: ['其他', 'Other'],
});
