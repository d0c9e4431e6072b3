import { registerEnumType } from 'type-graphql';

/**
 * Enums of the burden registry (台账报表、挂牌、证明、拒绝执行与举报、购买服务、经费、监督).
 * Each has a Chinese and English label; `describe` turns the labels into GraphQL value
 * descriptions, and `LABELS` maps are reused in messages.
 */
type Labels<T extends string> = Record<T, [string, string]>;
const register = <T extends string>(e: object, name: string, description: string, labels: Labels<T>) =>
  registerEnumType(e, {
    name,
    description,
    valuesConfig: Object.fromEntries((Object.entries(labels) as Array<[string, [string, string]]>).map(([k, [zh, en]]) => [k, { description: `${zh}。${en}.` }])),
  });

// ---------------------------------------------------------------------------------------
// Ledgers and reports 台账报表

export enum LedgerStatus {
  KEPT = 'KEPT',
  MERGED = 'MERGED',
  ABOLISHED = 'ABOLISHED',
}
export const LEDGER_STATUS_LABELS: Labels<LedgerStatus> = {
  KEPT: ['保留', 'Kept'],
  MERGED: ['已并入其他台账报表', 'Merged into another'],
  ABOLISHED: ['已取消', 'Abolished'],
};
register(LedgerStatus, 'LedgerStatus', '台账报表状态。Status of a ledger requirement.', LEDGER_STATUS_LABELS);

export enum LedgerCleanupKind {
  MERGE = 'MERGE',
  PAPER = 'PAPER',
  ABOLISH = 'ABOLISH',
}
export const LEDGER_CLEANUP_LABELS: Labels<LedgerCleanupKind> = {
  MERGE: ['建议合并：字段是另一台账报表的子集（宜并则并）', 'Merge: its fields are a subset of another'],
  PAPER: ['纸质填报但已有电子渠道（能传电子文档的不再要纸质）', 'Paper although an electronic channel exists'],
  ABOLISH: ['建议取消：既无法律法规依据又未经准入', 'Abolish: no legal basis and no admission'],
};
register(LedgerCleanupKind, 'LedgerCleanupKind', '台账报表清理建议类别。Kind of ledger clean-up proposal.', LEDGER_CLEANUP_LABELS);

export enum FilingMethod {
  MANUAL = 'MANUAL',
  GENERATED = 'GENERATED',
}
register(FilingMethod, 'FilingMethod', '填报方式。How a filing was produced.', {
  MANUAL: ['村（社区）手工填报', 'Typed in by the community'],
  GENERATED: ['一表通：由已采集数据自动生成', 'Generated from data already collected (一表通)'],
});

// ---------------------------------------------------------------------------------------
// Plaques 挂牌

export enum PlaqueStatus {
  KEPT = 'KEPT',
  TO_REMOVE = 'TO_REMOVE',
  REMOVED = 'REMOVED',
}
export const PLAQUE_STATUS_LABELS: Labels<PlaqueStatus> = {
  KEPT: ['保留', 'Kept'],
  TO_REMOVE: ['待摘除', 'To be removed'],
  REMOVED: ['已摘除', 'Removed'],
};
register(PlaqueStatus, 'PlaqueStatus', '挂牌状态。Status of a plaque.', PLAQUE_STATUS_LABELS);

export enum PlaqueAuthority {
  CENTRAL = 'CENTRAL',
  PROVINCIAL = 'PROVINCIAL',
  LOCAL = 'LOCAL',
  NONE = 'NONE',
}
export const PLAQUE_AUTHORITY_LABELS: Labels<PlaqueAuthority> = {
  CENTRAL: ['党中央、国务院明确规定', 'Required by the Party Central Committee or the State Council'],
  PROVINCIAL: ['省委、省政府明确规定', 'Required by the provincial Party committee or government'],
  LOCAL: ['仅有市县或部门文件（不足以保留）', 'Only a city, county or department document (not enough)'],
  NONE: ['无依据', 'No authorization'],
};
register(PlaqueAuthority, 'PlaqueAuthority', '挂牌依据的层级。Level of a plaque’s authorization.', PLAQUE_AUTHORITY_LABELS);

// ---------------------------------------------------------------------------------------
// Certificates 证明事项

export enum RequesterKind {
  RESIDENT = 'RESIDENT',
  ENTERPRISE = 'ENTERPRISE',
  GOVERNMENT = 'GOVERNMENT',
  OTHER = 'OTHER',
}
register(RequesterKind, 'RequesterKind', '证明的申请方类别。Who asks for a certificate.', {
  RESIDENT: ['居民个人', 'A resident'],
  ENTERPRISE: ['企业单位', 'An enterprise'],
  GOVERNMENT: ['机关、事业单位', 'A government body or public institution'],
  OTHER: ['其他组织', 'Another organisation'],
});

export enum IssuanceOutcome {
  ISSUED = 'ISSUED',
  REFUSED = 'REFUSED',
}
register(IssuanceOutcome, 'IssuanceOutcome', '出具证明的结果。Outcome of a certificate request.', {
  ISSUED: ['已出具', 'Issued'],
  REFUSED: ['不予出具', 'Refused'],
});

export enum CertificateRefusalReason {
  ABOLISHED = 'ABOLISHED',
  ENTERPRISE_OWN_BUSINESS = 'ENTERPRISE_OWN_BUSINESS',
  NOT_ON_LIST = 'NOT_ON_LIST',
  CANNOT_VERIFY = 'CANNOT_VERIFY',
}
export const CERTIFICATE_REFUSAL_LABELS: Labels<CertificateRefusalReason> = {
  ABOLISHED: ['该证明事项已取消（万能章专项治理）', 'The certificate has been abolished'],
  ENTERPRISE_OWN_BUSINESS: ['严禁企业单位为自身生产经营活动要求村（社区）出具证明', 'Enterprises may not ask communities for certificates for their own business'],
  NOT_ON_LIST: ['不在本县村（社区）出具证明清单内', 'Not on the county’s list of certificates communities issue'],
  CANNOT_VERIFY: ['村（社区）没有能力核实该事项', 'The community cannot verify it'],
};
register(CertificateRefusalReason, 'CertificateRefusalReason', '不予出具证明的原因。Why a certificate request was refused.', CERTIFICATE_REFUSAL_LABELS);

// ---------------------------------------------------------------------------------------
// Refusals and reports 拒绝执行与举报

export enum RefusalKind {
  REFUSAL = 'REFUSAL',
  REPORT = 'REPORT',
}
register(RefusalKind, 'RefusalKind', '拒绝执行或举报。A refusal or a report.', {
  REFUSAL: ['村（社区）拒绝执行', 'The community refuses the task'],
  REPORT: ['举报（可匿名）', 'A report, possibly anonymous'],
});

export enum RefusalReason {
  NO_ADMISSION = 'NO_ADMISSION',
  NO_LEGAL_BASIS = 'NO_LEGAL_BASIS',
  NO_FUNDING = 'NO_FUNDING',
  NEGATIVE_LIST = 'NEGATIVE_LIST',
}
export const REFUSAL_REASON_LABELS: Labels<RefusalReason> = {
  NO_ADMISSION: ['未经准入（无批准文书）', 'Not admitted (no approval document)'],
  NO_LEGAL_BASIS: ['无法律法规政策依据', 'No legal basis'],
  NO_FUNDING: ['无工作经费（未费随事转）', 'No funding follows the task'],
  NEGATIVE_LIST: ['属于工作负面事项', 'Negative-list work'],
};
register(RefusalReason, 'RefusalReason', '拒绝执行或举报的理由。Why a task is refused or reported.', REFUSAL_REASON_LABELS);

export enum RefusalStatus {
  RECEIVED = 'RECEIVED',
  VERIFIED = 'VERIFIED',
  DISMISSED = 'DISMISSED',
  DEPARTMENT_INTERVIEWED = 'DEPARTMENT_INTERVIEWED',
}
export const REFUSAL_STATUS_LABELS: Labels<RefusalStatus> = {
  RECEIVED: ['已受理，待核实', 'Received'],
  VERIFIED: ['经核实属实', 'Verified'],
  DISMISSED: ['经核实不属实，不予支持', 'Dismissed'],
  DEPARTMENT_INTERVIEWED: ['已约谈相关部门', 'The department has been interviewed'],
};
register(RefusalStatus, 'RefusalStatus', '拒绝执行或举报的办理状态。Status of a refusal or report.', REFUSAL_STATUS_LABELS);

export enum EvidenceKind {
  DOCUMENT = 'DOCUMENT',
  PHOTO = 'PHOTO',
  MESSAGE = 'MESSAGE',
  RECORDING = 'RECORDING',
  OTHER = 'OTHER',
}
register(EvidenceKind, 'EvidenceKind', '证据类别。Kind of evidence.', {
  DOCUMENT: ['文件、通知', 'A document or notice'],
  PHOTO: ['照片', 'A photo'],
  MESSAGE: ['工作群消息、短信截图', 'A chat or text message'],
  RECORDING: ['录音录像', 'A recording'],
  OTHER: ['其他', 'Other'],
});

// ---------------------------------------------------------------------------------------
// Purchase of services 政府购买服务

export enum ServiceContractStatus {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  TERMINATED = 'TERMINATED',
}
register(ServiceContractStatus, 'ServiceContractStatus', '购买服务合同状态。Status of a service contract.', {
  ACTIVE: ['履行中', 'In force'],
  COMPLETED: ['已验收完成', 'Completed'],
  TERMINATED: ['已终止', 'Terminated'],
});

// ---------------------------------------------------------------------------------------
// Funding 费随事转

export enum UnfundedReason {
  NO_FUNDING_DECLARED = 'NO_FUNDING_DECLARED',
  NOT_ALLOCATED = 'NOT_ALLOCATED',
}
register(UnfundedReason, 'UnfundedReason', '已准入协助事项缺少经费的情形。How an admitted assistance item lacks funding.', {
  NO_FUNDING_DECLARED: ['申请未安排经费', 'No funding was declared'],
  NOT_ALLOCATED: ['安排了经费但尚未向任何村（社区）拨付', 'Funding declared but nothing allocated to any community'],
});

export enum PaymentState {
  NOT_ALLOCATED = 'NOT_ALLOCATED',
  AWAITING_CONFIRMATION = 'AWAITING_CONFIRMATION',
}
register(PaymentState, 'PaymentState', '村（社区）经费到位情况（未到位的两种情形）。Why a community is not yet paid.', {
  NOT_ALLOCATED: ['尚未拨付', 'Nothing allocated yet'],
  AWAITING_CONFIRMATION: ['已拨付，村（社区）尚未确认到账', 'Allocated, receipt not confirmed'],
});

// ---------------------------------------------------------------------------------------
// Supervision 监督管理

export enum InspectionMode {
  ANNOUNCED = 'ANNOUNCED',
  UNANNOUNCED = 'UNANNOUNCED',
}
register(InspectionMode, 'InspectionMode', '督查方式。How an inspection is conducted.', {
  ANNOUNCED: ['明察（事先通知）', 'Announced'],
  UNANNOUNCED: ['暗访（不打招呼、直奔基层）', 'Unannounced'],
});

export enum FindingSource {
  INSPECTION = 'INSPECTION',
  REFUSAL = 'REFUSAL',
  EMERGENCY_OVERDUE = 'EMERGENCY_OVERDUE',
  OTHER = 'OTHER',
}
register(FindingSource, 'FindingSource', '督查发现（督办事项）的来源。Where a supervision finding comes from.', {
  INSPECTION: ['明察暗访、联合督查', 'An inspection'],
  REFUSAL: ['村（社区）拒绝执行或举报', 'A community’s refusal or report'],
  EMERGENCY_OVERDUE: ['紧急事项先进后批逾期未补批，自动提请督查', 'An emergency entry overdue for approval (escalated automatically)'],
  OTHER: ['其他渠道', 'Other'],
});

export enum FindingCategory {
  UNAPPROVED_TASK = 'UNAPPROVED_TASK',
  NO_LEGAL_BASIS = 'NO_LEGAL_BASIS',
  NO_FUNDING = 'NO_FUNDING',
  NEGATIVE_LIST_WORK = 'NEGATIVE_LIST_WORK',
  EMERGENCY_OVERDUE = 'EMERGENCY_OVERDUE',
  EXCESS_LEDGERS = 'EXCESS_LEDGERS',
  PLAQUE_WITHOUT_BASIS = 'PLAQUE_WITHOUT_BASIS',
  ABOLISHED_CERTIFICATE = 'ABOLISHED_CERTIFICATE',
  ONE_VOTE_VETO = 'ONE_VOTE_VETO',
  LAX_GATEKEEPING = 'LAX_GATEKEEPING',
  OTHER = 'OTHER',
}
export const FINDING_CATEGORY_LABELS: Labels<FindingCategory> = {
  UNAPPROVED_TASK: ['未经准入向村（社区）派任务', 'Work pushed down without admission'],
  NO_LEGAL_BASIS: ['无依据要求村（社区）协助', 'Assistance demanded without legal basis'],
  NO_FUNDING: ['只交任务不给经费', 'Tasks without funding'],
  NEGATIVE_LIST_WORK: ['将负面事项转嫁村（社区）', 'Negative-list work pushed down'],
  EMERGENCY_OVERDUE: ['紧急事项逾期未补批', 'Emergency entry not approved in time'],
  EXCESS_LEDGERS: ['台账报表过多、重复或要求纸质', 'Excess, duplicate or paper ledgers'],
  PLAQUE_WITHOUT_BASIS: ['违规挂牌', 'Plaques without authorization'],
  ABOLISHED_CERTIFICATE: ['仍要求出具已取消的证明', 'Still demanding abolished certificates'],
  ONE_VOTE_VETO: ['对村（社区）“一票否决”', 'One-vote veto over communities'],
  LAX_GATEKEEPING: ['准入工作把关不严、推进不力', 'Lax gatekeeping of admission'],
  OTHER: ['其他', 'Other'],
};
register(FindingCategory, 'FindingCategory', '督查发现的问题类别。Category of a supervision finding.', FINDING_CATEGORY_LABELS);

export enum FindingSeverityLevel {
  GENERAL = 'GENERAL',
  SERIOUS = 'SERIOUS',
}
register(FindingSeverityLevel, 'FindingSeverityLevel', '督查发现的严重程度。Severity of a supervision finding.', {
  GENERAL: ['一般问题', 'General'],
  SERIOUS: ['突出问题（可通报批评）', 'Serious (may lead to public criticism)'],
});

export enum SupervisionFindingStatus {
  OPEN = 'OPEN',
  RECTIFIED = 'RECTIFIED',
  CLOSED = 'CLOSED',
}
register(SupervisionFindingStatus, 'SupervisionFindingStatus', '督查发现的整改状态。Rectification status of a finding.', {
  OPEN: ['待整改', 'Open'],
  RECTIFIED: ['部门已报整改情况，待督查核验', 'Rectification reported by the department'],
  CLOSED: ['已销号', 'Closed'],
});

export enum InterviewStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
register(InterviewStatus, 'InterviewStatus', '约谈状态。Status of an interview.', {
  SCHEDULED: ['已安排', 'Scheduled'],
  HELD: ['已约谈', 'Held'],
  CANCELLED: ['已取消', 'Cancelled'],
});

export enum CriticismScope {
  COUNTY = 'COUNTY',
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
}
register(CriticismScope, 'CriticismScope', '通报批评的范围。How widely a criticism is published.', {
  COUNTY: ['全县范围', 'Across the county'],
  CITY: ['全市（州）范围', 'Across the city'],
  PROVINCE: ['全省范围', 'Across the province'],
});
