import { defineEnum, type EnumValueSpec } from '../../kernel/enums';

/**
 * Every code a finding can carry, with its severity and its label — what the submit
 * error lists, what reviewers choose from when they acknowledge warnings, and what the
 * `admissionRules` query shows front ends (which cannot read enum descriptions when
 * introspection is off in production).
 */
export const FINDING_CODES = {
  NEGATIVE_LIST: { severity: 'BLOCKING', zh: '属于工作负面事项', en: 'Negative-list work' },
  NEGATIVE_AS_PURCHASE: { severity: 'BLOCKING', zh: '以购买服务名义下沉负面事项', en: 'Negative-list work disguised as a purchase of services' },
  PURCHASE_NEEDS_QUALIFICATION: {
    severity: 'BLOCKING',
    zh: '购买服务需要专业资质或执法资格',
    en: 'Purchased service needs a qualification or enforcement power',
  },
  PROFESSIONAL_WORK: { severity: 'BLOCKING', zh: '专业性工作不能作为一般协助事项', en: 'Professional work filed as ordinary assistance' },
  NO_LEGAL_BASIS: { severity: 'BLOCKING', zh: '无法律法规政策依据', en: 'No legal basis' },
  LISTED_ITEM_MISSING: { severity: 'BLOCKING', zh: '协助办理事项清单中无此事项', en: 'Not an item of the assistance list' },
  ABOLISHED_CERTIFICATE: { severity: 'BLOCKING', zh: '要求出具已取消的证明', en: 'Demands an abolished certificate' },
  NEW_TERMINAL_OR_APP: { severity: 'BLOCKING', zh: '新设未接入平台的终端或应用', en: 'New terminal or app not on the one-stop platform' },
  ONE_VOTE_VETO: { severity: 'BLOCKING', zh: '含“一票否决”考核条款', en: 'One-vote-veto evaluation clause' },
  PERIOD_INVALID: { severity: 'BLOCKING', zh: '实施期限无效（已结束或截止早于起始）', en: 'Invalid period (already over, or ends before it starts)' },
  TARGET_ASSESSMENT: { severity: 'BLOCKING', zh: '购买服务以目标考核方式评价', en: 'Purchased service judged by target assessment' },
  NEGATIVE_LOOKALIKE: { severity: 'WARNING', zh: '涉及负面清单领域，请确认仅为协助工作', en: 'Touches a negative-list subject; confirm it is assistance only' },
  LISTED_ITEM_NOT_LINKED: { severity: 'WARNING', zh: '未关联协助办理事项清单中的事项', en: 'No assistance-list item linked' },
  LISTED_ITEM_MISMATCH: { severity: 'WARNING', zh: '内容与所关联的清单事项不符', en: 'Content does not match the linked list item' },
  LEGAL_BASIS_UNVERIFIED: { severity: 'WARNING', zh: '依据未收录或不规范，请核实', en: 'Legal basis to be confirmed' },
  COMMUNITY_ASSESSMENT: { severity: 'WARNING', zh: '以考核、排名、通报评价村（社区）', en: 'Communities assessed, ranked or named' },
  NO_FUNDING: { severity: 'WARNING', zh: '未安排经费（费随事转）', en: 'No funding follows the task' },
  FUNDING_INSUFFICIENT: { severity: 'WARNING', zh: '经费低于测算负担的标准', en: 'Funding below the floor for the estimated burden' },
  SUPPORT_MISSING: { severity: 'WARNING', zh: '未提供人员支持和业务指导（权随责走）', en: 'No personnel or training support' },
  REWORDED_AFTER_BLOCK: { severity: 'WARNING', zh: '曾被阻断后修改表述', en: 'Reworded after a blocking finding' },
  REVIEWER_OVERRIDE: { severity: 'WARNING', zh: '审核人员已撤销阻断', en: 'Block overridden by a reviewer' },
  DATA_ALREADY_COLLECTED: { severity: 'WARNING', zh: '数据平台已采集', en: 'Data already collected on the platform' },
  LEDGER_DUPLICATE: { severity: 'WARNING', zh: '台账报表重复', en: 'Ledger duplicates an admitted one' },
  LEDGER_PAPER: { severity: 'WARNING', zh: '要求纸质台账', en: 'Paper ledger where electronic would do' },
  OVERLAPS_EXISTING_ITEM: { severity: 'WARNING', zh: '与已准入事项重复交叉（宜并则并）', en: 'Overlaps an admitted item' },
  BUDGET_EXCEEDED: { severity: 'WARNING', zh: '超出年度新增负担上限', en: 'Exceeds the yearly burden ceiling' },
} as const;

export type FindingCodeName = keyof typeof FINDING_CODES;

export const labelOf = (code: string): { zh: string; en: string } =>
  (FINDING_CODES as Record<string, { zh: string; en: string }>)[code] ?? { zh: code, en: code };

/** The codes a reviewer may acknowledge (warnings), as a GraphQL enum with Chinese labels. */
export enum WarningCode {
  NEGATIVE_LOOKALIKE = 'NEGATIVE_LOOKALIKE',
  LISTED_ITEM_NOT_LINKED = 'LISTED_ITEM_NOT_LINKED',
  LISTED_ITEM_MISMATCH = 'LISTED_ITEM_MISMATCH',
  LEGAL_BASIS_UNVERIFIED = 'LEGAL_BASIS_UNVERIFIED',
  COMMUNITY_ASSESSMENT = 'COMMUNITY_ASSESSMENT',
  NO_FUNDING = 'NO_FUNDING',
  FUNDING_INSUFFICIENT = 'FUNDING_INSUFFICIENT',
  SUPPORT_MISSING = 'SUPPORT_MISSING',
  REWORDED_AFTER_BLOCK = 'REWORDED_AFTER_BLOCK',
  REVIEWER_OVERRIDE = 'REVIEWER_OVERRIDE',
  DATA_ALREADY_COLLECTED = 'DATA_ALREADY_COLLECTED',
  LEDGER_DUPLICATE = 'LEDGER_DUPLICATE',
  LEDGER_PAPER = 'LEDGER_PAPER',
  OVERLAPS_EXISTING_ITEM = 'OVERLAPS_EXISTING_ITEM',
  BUDGET_EXCEEDED = 'BUDGET_EXCEEDED',
}
defineEnum(
  WarningCode,
  'WarningCode',
  '审核人员可确认的提示代码。Warning codes a reviewer acknowledges.',
  Object.fromEntries(Object.values(WarningCode).map((c) => [c, [FINDING_CODES[c].zh, FINDING_CODES[c].en]])) as unknown as Record<WarningCode, EnumValueSpec>,
);

/** Every finding code, blocking and warning, as a GraphQL enum. */
export enum FindingCode {
  NEGATIVE_LIST = 'NEGATIVE_LIST',
  NEGATIVE_AS_PURCHASE = 'NEGATIVE_AS_PURCHASE',
  PURCHASE_NEEDS_QUALIFICATION = 'PURCHASE_NEEDS_QUALIFICATION',
  PROFESSIONAL_WORK = 'PROFESSIONAL_WORK',
  NO_LEGAL_BASIS = 'NO_LEGAL_BASIS',
  LISTED_ITEM_MISSING = 'LISTED_ITEM_MISSING',
  ABOLISHED_CERTIFICATE = 'ABOLISHED_CERTIFICATE',
  NEW_TERMINAL_OR_APP = 'NEW_TERMINAL_OR_APP',
  ONE_VOTE_VETO = 'ONE_VOTE_VETO',
  TARGET_ASSESSMENT = 'TARGET_ASSESSMENT',
  NEGATIVE_LOOKALIKE = 'NEGATIVE_LOOKALIKE',
  LISTED_ITEM_NOT_LINKED = 'LISTED_ITEM_NOT_LINKED',
  LISTED_ITEM_MISMATCH = 'LISTED_ITEM_MISMATCH',
  LEGAL_BASIS_UNVERIFIED = 'LEGAL_BASIS_UNVERIFIED',
  COMMUNITY_ASSESSMENT = 'COMMUNITY_ASSESSMENT',
  NO_FUNDING = 'NO_FUNDING',
  FUNDING_INSUFFICIENT = 'FUNDING_INSUFFICIENT',
  SUPPORT_MISSING = 'SUPPORT_MISSING',
  REWORDED_AFTER_BLOCK = 'REWORDED_AFTER_BLOCK',
  REVIEWER_OVERRIDE = 'REVIEWER_OVERRIDE',
  DATA_ALREADY_COLLECTED = 'DATA_ALREADY_COLLECTED',
  LEDGER_DUPLICATE = 'LEDGER_DUPLICATE',
  LEDGER_PAPER = 'LEDGER_PAPER',
  OVERLAPS_EXISTING_ITEM = 'OVERLAPS_EXISTING_ITEM',
  BUDGET_EXCEEDED = 'BUDGET_EXCEEDED',
}
defineEnum(
  FindingCode,
  'FindingCode',
  '规则审查发现代码。Rule finding codes.',
  Object.fromEntries(Object.values(FindingCode).map((c) => [c, [FINDING_CODES[c].zh, FINDING_CODES[c].en]])) as unknown as Record<FindingCode, EnumValueSpec>,
);
