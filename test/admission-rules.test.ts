import { RULES, type ApplicationFacts, type RuleContext } from '../src/admission/rules';
import { negativeListRule, negativeAsPurchaseRule } from '../src/admission/rules/negative-list.rule';
import { purchaseQualificationRule } from '../src/admission/rules/purchase.rule';
import { legalBasisRule } from '../src/admission/rules/legal-basis.rule';
import { fundingRule } from '../src/admission/rules/funding.rule';
import { terminalRule } from '../src/admission/rules/terminal.rule';
import { dataAlreadyCollectedRule } from '../src/admission/rules/data-elements.rule';
import { ledgerRule } from '../src/admission/rules/ledgers.rule';
import { abolishedCertificateRule } from '../src/admission/rules/certificates.rule';
import { overlapRule, titleSimilarity } from '../src/admission/rules/overlap.rule';
import { oneVoteVetoRule } from '../src/admission/rules/one-vote-veto.rule';
import { estimateBurden } from '../src/admission/burden';
import { WorkCategory } from '../src/catalogue/entity/work-category';
import { ApplicationKind, LedgerFormat, LedgerFrequency } from '../src/admission/enums';

/** A clean assistance application: legal basis, funding, no terminal, electronic ledgers. */
const base = (over: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  id: 99,
  title: '协助开展高龄津贴资格认证',
  description: '每季度协助核实辖区内80周岁以上老年人生存状况，发放高龄津贴。',
  kind: ApplicationKind.TEMPORARY,
  category: WorkCategory.ELDERLY_CARE,
  listItemId: null,
  legalBasis: ['《中华人民共和国老年人权益保障法》'],
  fundingAmount: 60000,
  // 权随责走: the clean baseline brings guidance with it (SUPPORT_MISSING otherwise, issue 14)
  trainingSupport: '县民政局每季度组织一次业务培训',
  ledgers: [
    {
      name: '高龄津贴认证台账',
      frequency: LedgerFrequency.QUARTERLY,
      expectedPerYear: null,
      minutesPerFiling: 90,
      format: LedgerFormat.ELECTRONIC,
      dataElementCodes: ['DE.LOCAL.1'],
    },
  ],
  dataElementCodes: [],
  wantsTerminal: false,
  wantsApp: false,
  appName: null,
  integratedWithPlatform: false,
  certificates: [],
  evaluation: '按合同约定验收',
  oneVoteVeto: false,
  requiresQualification: false,
  requiresEnforcementPower: false,
  departmentId: 7,
  communityIds: [1, 2, 3],
  ...over,
});

const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  listItems: [
    { id: 501, itemKey: 'FM-002', listType: 'NEGATIVE', title: '拆迁拆违：违法建筑拆除等行政工作', category: WorkCategory.DEMOLITION },
    { id: 502, itemKey: 'FM-001', listType: 'NEGATIVE', title: '行政执法', category: WorkCategory.LAW_ENFORCEMENT },
    { id: 301, itemKey: 'XZ-010', listType: 'ASSISTANCE', title: '协助开展高龄津贴发放', category: WorkCategory.ELDERLY_CARE },
  ],
  dataElements: [
    { id: 11, code: 'DE.RK.0003', name: '80周岁以上老年人数', collectedOnPlatform: true, sourceSystem: '人口基础信息库' },
    { id: 12, code: 'DE.RK.0005', name: '流动人口数', collectedOnPlatform: false, sourceSystem: null },
  ],
  certificates: [
    { id: 21, name: '亲属关系证明', abolishedOn: '2019-06-01', abolishedBy: '青府办发〔2019〕8号' },
    { id: 22, name: '居民身份证明', abolishedOn: null, abolishedBy: null },
  ],
  existingItems: [],
  ...over,
});

const codes = (facts: ApplicationFacts, c: RuleContext = ctx()) => RULES.flatMap((r) => r.check(facts, c)).map((f) => f.code);

describe('the clean baseline passes every rule', () => {
  it('has no findings', () => expect(codes(base())).toEqual([]));
});

describe('NEGATIVE_LIST (blocking)', () => {
  it('trips on a negative category, pointing at the negative item', () => {
    const [f] = negativeListRule.check(base({ category: WorkCategory.DEMOLITION }), ctx());
    expect(f.severity).toBe('BLOCKING');
    expect(f.evidence[0].label).toContain('FM-002');
  });
  it('trips on words even when the category hides it (协助开展违法建筑拆除)', () => {
    const f = negativeListRule.check(base({ title: '协助开展违法建筑拆除', category: WorkCategory.PUBLIC_SAFETY }), ctx());
    expect(f).toHaveLength(1);
    expect(f[0].evidence[0].label).toMatch(/违法建筑/);
  });
  it('trips on a linked negative item', () => {
    expect(negativeListRule.check(base({ listItemId: 502 }), ctx())).toHaveLength(1);
  });
  it('passes ordinary assistance work', () => expect(negativeListRule.check(base(), ctx())).toEqual([]));
});

describe('NEGATIVE_AS_PURCHASE (blocking)', () => {
  const purchase = { kind: ApplicationKind.PURCHASE_OF_SERVICE };
  it('trips on negative work bought as a service', () => {
    expect(negativeAsPurchaseRule.check(base({ ...purchase, title: '购买村（社区）占道经营巡查服务', category: WorkCategory.OTHER }), ctx())).toHaveLength(1);
    expect(codes(base({ ...purchase, title: '购买村（社区）占道经营巡查服务', category: WorkCategory.OTHER }))).not.toContain('NEGATIVE_LIST');
  });
  it('passes a legitimate purchase', () => expect(negativeAsPurchaseRule.check(base({ ...purchase, title: '购买社区老年人助餐服务' }), ctx())).toEqual([]));
});

describe('PURCHASE_NEEDS_QUALIFICATION (blocking)', () => {
  it('trips when the service needs enforcement power', () => {
    expect(purchaseQualificationRule.check(base({ kind: ApplicationKind.PURCHASE_OF_SERVICE, requiresEnforcementPower: true }), ctx())).toHaveLength(1);
  });
  it('passes a purchase needing neither', () =>
    expect(purchaseQualificationRule.check(base({ kind: ApplicationKind.PURCHASE_OF_SERVICE }), ctx())).toEqual([]));
});

describe('NO_LEGAL_BASIS (blocking)', () => {
  it('trips on an assistance item without basis', () => expect(legalBasisRule.check(base({ legalBasis: [' '] }), ctx())[0].severity).toBe('BLOCKING'));
  it('passes with a citation, and for a purchase of services', () => {
    expect(legalBasisRule.check(base(), ctx())).toEqual([]);
    expect(legalBasisRule.check(base({ legalBasis: [], kind: ApplicationKind.PURCHASE_OF_SERVICE }), ctx())).toEqual([]);
  });
});

describe('NO_FUNDING (warning)', () => {
  it('trips when no funding follows the task', () => expect(fundingRule.check(base({ fundingAmount: 0 }), ctx())[0].severity).toBe('WARNING'));
  it('passes with funding', () => expect(fundingRule.check(base(), ctx())).toEqual([]));
});

describe('NEW_TERMINAL_OR_APP (blocking unless integrated)', () => {
  it('trips on a new terminal not on the platform', () =>
    expect(terminalRule.check(base({ wantsTerminal: true, appName: '智慧消防终端' }), ctx())).toHaveLength(1));
  it('passes when integrated with the one-stop platform', () =>
    expect(terminalRule.check(base({ wantsTerminal: true, integratedWithPlatform: true }), ctx())).toEqual([]));
});

describe('DATA_ALREADY_COLLECTED (warning)', () => {
  it('names the element and the source to reuse', () => {
    const [f] = dataAlreadyCollectedRule.check(base({ dataElementCodes: ['DE.RK.0003'] }), ctx());
    expect(f.severity).toBe('WARNING');
    expect(f.evidence[0].label).toContain('人口基础信息库');
  });
  it('passes for data the platform does not collect', () =>
    expect(dataAlreadyCollectedRule.check(base({ dataElementCodes: ['DE.RK.0005'] }), ctx())).toEqual([]));
});

describe('LEDGER_DUPLICATE / LEDGER_PAPER (warnings)', () => {
  const existing = {
    id: 5,
    number: '青准申2026-0001',
    title: '高龄津贴发放',
    category: WorkCategory.ELDERLY_CARE,
    departmentId: 8,
    communityIds: [9],
    ledgers: [
      {
        name: '高龄老人花名册',
        frequency: LedgerFrequency.MONTHLY,
        expectedPerYear: null,
        minutesPerFiling: 30,
        format: LedgerFormat.ELECTRONIC,
        dataElementCodes: ['DE.LOCAL.1', 'DE.LOCAL.2'],
      },
    ],
  };
  it('trips when the fields are a subset of an admitted ledger', () => {
    const found = ledgerRule.check(base(), ctx({ existingItems: [existing] })).map((f) => f.code);
    expect(found).toEqual(['LEDGER_DUPLICATE']);
  });
  it('trips on paper', () => {
    const paper = base({ ledgers: [{ ...base().ledgers[0], format: LedgerFormat.PAPER }] });
    expect(ledgerRule.check(paper, ctx()).map((f) => f.code)).toEqual(['LEDGER_PAPER']);
  });
  it('passes a new electronic ledger', () => expect(ledgerRule.check(base(), ctx())).toEqual([]));
});

describe('ABOLISHED_CERTIFICATE (blocking)', () => {
  it('trips on an abolished certificate', () => expect(abolishedCertificateRule.check(base({ certificates: ['亲属关系证明'] }), ctx())).toHaveLength(1));
  it('passes a certificate still on the list', () => expect(abolishedCertificateRule.check(base({ certificates: ['居民身份证明'] }), ctx())).toEqual([]));
});

describe('OVERLAPS_EXISTING_ITEM (warning)', () => {
  const existing = {
    id: 6,
    number: '青准申2026-0002',
    title: '协助开展高龄津贴资格认证工作',
    category: WorkCategory.ELDERLY_CARE,
    departmentId: 8,
    communityIds: [2],
    ledgers: [],
  };
  it('trips on a similar item in the same communities', () => expect(overlapRule.check(base(), ctx({ existingItems: [existing] }))).toHaveLength(1));
  it('passes when the communities do not overlap', () =>
    expect(overlapRule.check(base(), ctx({ existingItems: [{ ...existing, communityIds: [77] }] }))).toEqual([]));
  it('measures similarity on characters', () => {
    expect(titleSimilarity('协助开展高龄津贴资格认证', '协助开展高龄津贴资格认证工作')).toBeGreaterThan(0.8);
    expect(titleSimilarity('协助开展高龄津贴资格认证', '农村人居环境监测')).toBeLessThan(0.2);
  });
});

describe('ONE_VOTE_VETO (blocking)', () => {
  it('trips on the clause in the evaluation text', () =>
    expect(oneVoteVetoRule.check(base({ evaluation: '未完成任务的实行一票否决' }), ctx())).toHaveLength(1));
  it('passes evaluation by contract', () => expect(oneVoteVetoRule.check(base(), ctx())).toEqual([]));
});

describe('burden estimate (Standard Cost Model)', () => {
  it('adds filings × minutes ÷ 60 and declared hours, per community and across the scope', () => {
    // monthly 30 min: 12×30/60 = 6 h; ad hoc 4 × 45 min = 3 h; daily 10 min: 250×10/60 = 41.67 h → 50.67 h
    // plus meetings 4 h, inspections 2 h, data entry 6 h = 12 h → 62.67 h per community; × 10 = 626.7 h
    const b = estimateBurden({
      ledgers: [
        { frequency: LedgerFrequency.MONTHLY, expectedPerYear: null, minutesPerFiling: 30 },
        { frequency: LedgerFrequency.AD_HOC, expectedPerYear: 4, minutesPerFiling: 45 },
        { frequency: LedgerFrequency.DAILY, expectedPerYear: null, minutesPerFiling: 10 },
      ],
      meetingHoursPerYear: 4,
      inspectionHoursPerYear: 2,
      dataEntryHoursPerYear: 6,
      communities: 10,
    });
    expect(b).toEqual({ communities: 10, ledgerHoursPerCommunity: 50.7, otherHoursPerCommunity: 12, hoursPerCommunity: 62.7, hoursPerYear: 626.7 });
  });
});
