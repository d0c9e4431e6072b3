import { defineEnum } from '../kernel/enums';

/** Where an application is in the admission workflow. */
export enum ApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  IN_REVIEW = 'IN_REVIEW',
  RETURNED = 'RETURNED',
  COMMITTEE = 'COMMITTEE',
  APPROVED = 'APPROVED',
  IN_EFFECT = 'IN_EFFECT',
  COMPLETED = 'COMPLETED',
  REVOKED = 'REVOKED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  EMERGENCY_IN_EFFECT = 'EMERGENCY_IN_EFFECT',
}
defineEnum(ApplicationStatus, 'ApplicationStatus', '准入申请状态。Application status.', {
  DRAFT: ['草稿', 'Draft'],
  SUBMITTED: ['已提交，待审核', 'Submitted'],
  IN_REVIEW: ['审核中', 'In review'],
  RETURNED: ['退回修改', 'Returned for revision'],
  COMMITTEE: ['提请县委常委会研究', 'Before the county committee'],
  APPROVED: ['已批准，待持文书进入', 'Approved'],
  IN_EFFECT: ['已进入村（社区）实施', 'In effect in communities'],
  COMPLETED: ['工作已完成', 'Completed'],
  REVOKED: ['已撤销（退出村/社区）', 'Revoked'],
  REJECTED: ['不予准入', 'Rejected'],
  WITHDRAWN: ['部门已撤回', 'Withdrawn'],
  EMERGENCY_IN_EFFECT: ['紧急事项先进后批，待补批', 'Emergency entry, approval pending'],
});

/** What the department asks for. New regular items go to the county committee. */
export enum ApplicationKind {
  NEW_REGULAR = 'NEW_REGULAR',
  TEMPORARY = 'TEMPORARY',
  LISTED_ASSISTANCE = 'LISTED_ASSISTANCE',
  PURCHASE_OF_SERVICE = 'PURCHASE_OF_SERVICE',
}
defineEnum(ApplicationKind, 'ApplicationKind', '申请类别。Kind of application.', {
  NEW_REGULAR: ['新增常规类事项（须提请县委常委会研究）', 'New regular item (goes to the county committee)'],
  TEMPORARY: ['临时性工作事项', 'Temporary work item'],
  LISTED_ASSISTANCE: ['按协助办理事项清单进入', 'Item on the assistance list'],
  PURCHASE_OF_SERVICE: ['政府购买村（社区）服务', 'Government purchase of community services'],
});

export enum ScopeType {
  COUNTY = 'COUNTY',
  TOWNSHIPS = 'TOWNSHIPS',
  COMMUNITIES = 'COMMUNITIES',
}
defineEnum(ScopeType, 'ScopeType', '实施范围类别。Target scope.', {
  COUNTY: ['全县所有村（社区）', 'Every community of the county'],
  TOWNSHIPS: ['指定乡镇（街道）的村（社区）', 'Communities of some townships'],
  COMMUNITIES: ['指定村（社区）', 'Some communities'],
});

export enum LedgerFrequency {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  HALF_YEARLY = 'HALF_YEARLY',
  YEARLY = 'YEARLY',
  AD_HOC = 'AD_HOC',
}
defineEnum(LedgerFrequency, 'LedgerFrequency', '台账报表填报频次。Filing frequency.', {
  DAILY: ['每日（按 250 个工作日计）', 'Daily (250 working days)'],
  WEEKLY: ['每周', 'Weekly'],
  MONTHLY: ['每月', 'Monthly'],
  QUARTERLY: ['每季度', 'Quarterly'],
  HALF_YEARLY: ['每半年', 'Half-yearly'],
  YEARLY: ['每年', 'Yearly'],
  AD_HOC: ['不定期（按预计次数）', 'Ad hoc (expected count)'],
});
/** Filings a year; AD_HOC uses the declared expected count. DAILY counts working days. */
export const FILINGS_PER_YEAR: Record<Exclude<LedgerFrequency, 'AD_HOC'>, number> = {
  DAILY: 250,
  WEEKLY: 52,
  MONTHLY: 12,
  QUARTERLY: 4,
  HALF_YEARLY: 2,
  YEARLY: 1,
};

export enum LedgerFormat {
  ELECTRONIC = 'ELECTRONIC',
  PAPER = 'PAPER',
}
defineEnum(LedgerFormat, 'LedgerFormat', '台账报表形式。Format.', {
  ELECTRONIC: ['电子', 'Electronic'],
  PAPER: ['纸质', 'Paper'],
});

export enum FindingSeverity {
  BLOCKING = 'BLOCKING',
  WARNING = 'WARNING',
}
defineEnum(FindingSeverity, 'FindingSeverity', '审查发现的严重程度。Severity of a rule finding.', {
  BLOCKING: ['阻断：不得提交/不予准入', 'Blocking: cannot be submitted'],
  WARNING: ['提示：须审核人员明确确认', 'Warning: the reviewer must acknowledge it'],
});

export enum Opinion {
  PASS = 'PASS',
  CONCERN = 'CONCERN',
  FAIL = 'FAIL',
}
defineEnum(Opinion, 'Opinion', '审核意见。Review opinion on one aspect.', {
  PASS: ['符合', 'Satisfied'],
  CONCERN: ['存在问题，需说明', 'Concerns'],
  FAIL: ['不符合', 'Not satisfied'],
});

export enum Recommendation {
  APPROVE = 'APPROVE',
  RETURN = 'RETURN',
  REJECT = 'REJECT',
}
defineEnum(Recommendation, 'Recommendation', '审核建议 / 会议决定。Recommendation or decision.', {
  APPROVE: ['同意准入', 'Approve'],
  RETURN: ['退回修改', 'Return for revision'],
  REJECT: ['不予准入', 'Reject'],
});

/** Verdicts of verifying an approval document (src/admission/verification-core.ts decides them). */
export enum VerificationResult {
  VALID = 'VALID',
  UNKNOWN_NUMBER = 'UNKNOWN_NUMBER',
  MALFORMED_PAYLOAD = 'MALFORMED_PAYLOAD',
  UNKNOWN_KEY = 'UNKNOWN_KEY',
  SIGNATURE_INVALID = 'SIGNATURE_INVALID',
  CODE_MISMATCH = 'CODE_MISMATCH',
  RECORD_MISMATCH = 'RECORD_MISMATCH',
  UNKNOWN_COMMUNITY = 'UNKNOWN_COMMUNITY',
  REVOKED = 'REVOKED',
  COMPLETED = 'COMPLETED',
  EXPIRED = 'EXPIRED',
  NOT_YET_VALID = 'NOT_YET_VALID',
  EMERGENCY_OVERDUE = 'EMERGENCY_OVERDUE',
  NOT_IN_EFFECT = 'NOT_IN_EFFECT',
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
  CODE_REQUIRED = 'CODE_REQUIRED',
}
defineEnum(VerificationResult, 'VerificationResult', '批准文书核验结果。Result of verifying an approval document.', {
  VALID: ['真实有效：该事项今日可进入本村（社区）', 'Genuine and valid: the item may enter this community today'],
  UNKNOWN_NUMBER: ['查无此文号', 'No such document number'],
  MALFORMED_PAYLOAD: ['二维码内容无法识别（非本平台文书）', 'The QR payload is not an approval document of this platform'],
  UNKNOWN_KEY: ['签名密钥未经发布', 'Signed with a key that was never published'],
  SIGNATURE_INVALID: ['电子签名验证失败（伪造或篡改）', 'The SM2 signature does not verify: forged or altered'],
  CODE_MISMATCH: ['核验码不符（伪造或篡改）', 'The verification code does not match: forged or altered'],
  RECORD_MISMATCH: ['签名真实但与平台登记内容不一致', 'Genuine signature, but different from the platform record'],
  UNKNOWN_COMMUNITY: ['村（社区）代码不存在', 'No such community'],
  REVOKED: ['已撤销', 'Revoked'],
  COMPLETED: ['事项已完成', 'The item is completed'],
  EXPIRED: ['已过有效期', 'Expired'],
  NOT_YET_VALID: ['尚未到生效日期', 'Not yet valid'],
  EMERGENCY_OVERDUE: ['紧急事项逾期未补批', 'Emergency entry past its approval deadline'],
  NOT_IN_EFFECT: ['事项未批准实施', 'The item is not approved and in effect'],
  OUT_OF_SCOPE: ['本村（社区）不在批准范围内', 'This community is outside the approved scope'],
  CODE_REQUIRED: ['状态正常，须核对核验码或签名方能确认真伪', 'In order, but give the code or signature to confirm it is genuine'],
});
