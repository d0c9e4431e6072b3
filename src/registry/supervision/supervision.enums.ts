import { defineEnum } from '../../kernel/enums';

/* Enums of Supervision 监督管理, each with its Chinese and English labels (src/kernel/enums.ts). */

export enum InspectionMode {
  ANNOUNCED = 'ANNOUNCED',
  UNANNOUNCED = 'UNANNOUNCED',
}
defineEnum(InspectionMode, 'InspectionMode', '督查方式。How an inspection is conducted.', {
  ANNOUNCED: ['明察（事先通知）', 'Announced'],
  UNANNOUNCED: ['暗访（不打招呼、直奔基层）', 'Unannounced'],
});

export enum FindingSource {
  INSPECTION = 'INSPECTION',
  REFUSAL = 'REFUSAL',
  EMERGENCY_OVERDUE = 'EMERGENCY_OVERDUE',
  OTHER = 'OTHER',
}
defineEnum(FindingSource, 'FindingSource', '督查发现（督办事项）的来源。Where a supervision finding comes from.', {
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
defineEnum(FindingCategory, 'FindingCategory', '督查发现的问题类别。Category of a supervision finding.', {
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
});

export enum FindingSeverityLevel {
  GENERAL = 'GENERAL',
  SERIOUS = 'SERIOUS',
}
defineEnum(FindingSeverityLevel, 'FindingSeverityLevel', '督查发现的严重程度。Severity of a supervision finding.', {
  GENERAL: ['一般问题', 'General'],
  SERIOUS: ['突出问题（可通报批评）', 'Serious (may lead to public criticism)'],
});

export enum SupervisionFindingStatus {
  OPEN = 'OPEN',
  RECTIFIED = 'RECTIFIED',
  CLOSED = 'CLOSED',
}
defineEnum(SupervisionFindingStatus, 'SupervisionFindingStatus', '督查发现的整改状态。Rectification status of a finding.', {
  OPEN: ['待整改', 'Open'],
  RECTIFIED: ['部门已报整改情况，待督查核验', 'Rectification reported by the department'],
  CLOSED: ['已销号', 'Closed'],
});

export enum InterviewStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
defineEnum(InterviewStatus, 'InterviewStatus', '约谈状态。Status of an interview.', {
  SCHEDULED: ['已安排', 'Scheduled'],
  HELD: ['已约谈', 'Held'],
  CANCELLED: ['已取消', 'Cancelled'],
});

export enum CriticismScope {
  COUNTY = 'COUNTY',
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
}
defineEnum(CriticismScope, 'CriticismScope', '通报批评的范围。How widely a criticism is published.', {
  COUNTY: ['全县范围', 'Across the county'],
  CITY: ['全市（州）范围', 'Across the city'],
  PROVINCE: ['全省范围', 'Across the province'],
});
