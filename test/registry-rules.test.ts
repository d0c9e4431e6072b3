/**
 * The burden registry's rules, pure (no database): each with a case that passes and one
 * that trips it.
 */
import { mergeTarget, oneFormEligible, reviewLedgers, type ElementFacts, type LedgerFacts } from '../src/registry/ledgers/ledger-cleanup.rules';
import { hasCentralOrProvincialBasis, plaqueRemovalProposal, type PlaqueFacts } from '../src/registry/plaques/plaque.rules';
import { decideCertificateRequest, type CertificateTypeFacts } from '../src/registry/certificates/certificate.rules';
import { checkContract, evaluationProblems, type ContractFacts } from '../src/registry/contracts/contract.rules';
import { CertificateRefusalReason, IssuanceOutcome, RequesterKind } from '../src/registry/certificates/certificate.enums';
import { LedgerCleanupKind, LedgerStatus } from '../src/registry/ledgers/ledger.enums';
import { PlaqueAuthority, PlaqueStatus } from '../src/registry/plaques/plaque.enums';
import { LedgerFormat } from '../src/admission/enums';
import { WorkCategory } from '../src/catalogue/entity/work-category';
import type { ListItemFacts } from '../src/admission/rules';

const ledger = (id: number, over: Partial<LedgerFacts> = {}): LedgerFacts => ({
  id,
  name: `台账${id}`,
  departmentId: 1,
  dataElementCodes: [],
  format: LedgerFormat.ELECTRONIC,
  electronicChannel: null,
  legalBasis: ['《社会救助暂行办法》'],
  admitted: false,
  status: LedgerStatus.KEPT,
  ...over,
});
const ELEMENTS: ElementFacts[] = [
  { code: 'A', collectedOnPlatform: true, sourceSystem: '人口基础信息库' },
  { code: 'B', collectedOnPlatform: true, sourceSystem: '人口基础信息库' },
  { code: 'C', collectedOnPlatform: false, sourceSystem: null },
  { code: 'D', collectedOnPlatform: false, sourceSystem: null },
];
const kinds = (ledgers: LedgerFacts[], id: number) =>
  reviewLedgers(ledgers, ELEMENTS)
    .filter((p) => p.ledgerId === id)
    .map((p) => p.kind);

describe('ledger clean-up: merge proposals (宜并则并)', () => {
  it('proposes merging a ledger whose fields are a subset of another’s, into the smallest superset', () => {
    const ledgers = [ledger(1, { dataElementCodes: ['C', 'D', 'A'] }), ledger(2, { dataElementCodes: ['C', 'D'] }), ledger(3, { dataElementCodes: ['C'] })];
    const p = reviewLedgers(ledgers, ELEMENTS).filter((x) => x.kind === LedgerCleanupKind.MERGE);
    expect(p.map((x) => [x.ledgerId, x.targetId])).toEqual([
      [2, 1],
      [3, 2],
    ]);
    expect(p[0].message).toContain('全部包含在');
  });

  it('merges the newer of two ledgers with the same fields into the older one, only once', () => {
    const p = reviewLedgers([ledger(1, { dataElementCodes: ['C'] }), ledger(2, { dataElementCodes: ['C'] })], ELEMENTS).filter(
      (x) => x.kind === LedgerCleanupKind.MERGE,
    );
    expect(p.map((x) => [x.ledgerId, x.targetId])).toEqual([[2, 1]]);
  });

  it('passes ledgers whose fields overlap without one containing the other, and ledgers without fields', () => {
    const ledgers = [ledger(1, { dataElementCodes: ['C', 'D'] }), ledger(2, { dataElementCodes: ['D', 'A'] }), ledger(3), ledger(4)];
    expect(reviewLedgers(ledgers, ELEMENTS).filter((x) => x.kind === LedgerCleanupKind.MERGE)).toEqual([]);
  });

  it('ignores ledgers already merged or abolished as targets', () => {
    expect(mergeTarget(ledger(2, { dataElementCodes: ['C'] }), [ledger(1, { dataElementCodes: ['C', 'D'], status: LedgerStatus.ABOLISHED })])).toBeNull();
  });
});

describe('ledger clean-up: paper where an electronic channel exists', () => {
  it('flags a paper ledger with a declared electronic channel', () => {
    expect(kinds([ledger(1, { format: LedgerFormat.PAPER, electronicChannel: '社会救助信息系统', dataElementCodes: ['C'] })], 1)).toEqual([
      LedgerCleanupKind.PAPER,
    ]);
  });

  it('flags a paper ledger whose fields are all collected on the platform', () => {
    const p = reviewLedgers([ledger(1, { format: LedgerFormat.PAPER, dataElementCodes: ['A', 'B'] })], ELEMENTS);
    expect(p.map((x) => x.kind)).toEqual([LedgerCleanupKind.PAPER]);
    expect(p[0].message).toContain('一体化政务服务平台');
  });

  it('flags a paper ledger covered by an electronic ledger, naming it', () => {
    const ledgers = [ledger(1, { dataElementCodes: ['C', 'D'] }), ledger(2, { format: LedgerFormat.PAPER, dataElementCodes: ['C'] })];
    const paper = reviewLedgers(ledgers, ELEMENTS).find((x) => x.kind === LedgerCleanupKind.PAPER)!;
    expect([paper.ledgerId, paper.targetId]).toEqual([2, 1]);
  });

  it('passes a paper ledger with no electronic channel, and an electronic one', () => {
    expect(kinds([ledger(1, { format: LedgerFormat.PAPER, dataElementCodes: ['C'] })], 1)).toEqual([]);
    expect(kinds([ledger(1, { format: LedgerFormat.PAPER })], 1)).toEqual([]);
    expect(kinds([ledger(1, { electronicChannel: '某系统', dataElementCodes: ['A'] })], 1)).toEqual([]);
  });
});

describe('ledger clean-up: abolition (no legal basis and no admission)', () => {
  it('flags a ledger with neither a legal basis nor an admitted application', () => {
    expect(kinds([ledger(1, { legalBasis: [] })], 1)).toEqual([LedgerCleanupKind.ABOLISH]);
    expect(kinds([ledger(1, { legalBasis: ['  '] })], 1)).toEqual([LedgerCleanupKind.ABOLISH]);
  });

  it('passes a ledger with a legal basis, or one an admitted application introduced', () => {
    expect(kinds([ledger(1)], 1)).toEqual([]);
    expect(kinds([ledger(1, { legalBasis: [], admitted: true })], 1)).toEqual([]);
  });

  it('skips ledgers already abolished', () => {
    expect(reviewLedgers([ledger(1, { legalBasis: [], status: LedgerStatus.ABOLISHED })], ELEMENTS)).toEqual([]);
  });
});

describe('一表通: generating a filing from collected data', () => {
  it('is possible when every field is collected on the platform', () => expect(oneFormEligible({ dataElementCodes: ['A', 'B'] }, ELEMENTS)).toBe(true));
  it('is not when a field is not collected, unknown, or there are no fields', () => {
    expect(oneFormEligible({ dataElementCodes: ['A', 'C'] }, ELEMENTS)).toBe(false);
    expect(oneFormEligible({ dataElementCodes: ['A', 'ZZ'] }, ELEMENTS)).toBe(false);
    expect(oneFormEligible({ dataElementCodes: [] }, ELEMENTS)).toBe(false);
  });
});

describe('plaques: removal proposal (应撤尽撤)', () => {
  const plaque = (over: Partial<PlaqueFacts> = {}): PlaqueFacts => ({
    id: 1,
    name: '党群服务中心',
    authority: PlaqueAuthority.CENTRAL,
    authorizingDocument: '中发〔2021〕16号',
    status: PlaqueStatus.KEPT,
    ...over,
  });

  it('passes a plaque required by a central or provincial document', () => {
    expect(plaqueRemovalProposal(plaque())).toBeNull();
    expect(plaqueRemovalProposal(plaque({ authority: PlaqueAuthority.PROVINCIAL, authorizingDocument: '省委办公厅文件' }))).toBeNull();
  });

  it('proposes removing one with only a county or department document, or none', () => {
    const local = plaqueRemovalProposal(plaque({ name: '平安创建示范点', authority: PlaqueAuthority.LOCAL, authorizingDocument: '县委政法委通知' }));
    expect(local?.message).toContain('县委政法委通知');
    expect(plaqueRemovalProposal(plaque({ name: '食品安全示范点', authority: PlaqueAuthority.NONE, authorizingDocument: null }))?.message).toContain(
      '没有设立依据',
    );
  });

  it('proposes removing a “central” plaque that names no document', () => {
    expect(plaqueRemovalProposal(plaque({ authorizingDocument: ' ' }))).not.toBeNull();
    expect(hasCentralOrProvincialBasis({ authority: PlaqueAuthority.CENTRAL, authorizingDocument: null })).toBe(false);
  });

  it('does not propose plaques already ordered removed or removed', () => {
    expect(plaqueRemovalProposal(plaque({ authority: PlaqueAuthority.NONE, status: PlaqueStatus.TO_REMOVE }))).toBeNull();
    expect(plaqueRemovalProposal(plaque({ authority: PlaqueAuthority.NONE, status: PlaqueStatus.REMOVED }))).toBeNull();
  });
});

describe('certificates: 万能章 clean-up', () => {
  const today = '2026-11-22';
  const type = (over: Partial<CertificateTypeFacts> = {}): CertificateTypeFacts => ({
    id: 1,
    name: '居住证明',
    communityCanVerify: true,
    abolishedOn: null,
    abolishedBy: null,
    ...over,
  });
  const resident = { requesterKind: RequesterKind.RESIDENT, forEnterpriseBusiness: false };

  it('issues a listed certificate the community can verify', () => {
    expect(decideCertificateRequest(type(), resident, today)).toMatchObject({ outcome: IssuanceOutcome.ISSUED, reason: null });
  });

  it('refuses an abolished certificate, naming the date and document', () => {
    const d = decideCertificateRequest(type({ name: '亲属关系证明', abolishedOn: '2023-06-30', abolishedBy: '青府办发〔2023〕15号' }), resident, today);
    expect(d).toMatchObject({ outcome: IssuanceOutcome.REFUSED, reason: CertificateRefusalReason.ABOLISHED });
    expect(d.message).toContain('青府办发〔2023〕15号');
  });

  it('still issues a certificate whose abolition takes effect later', () => {
    expect(decideCertificateRequest(type({ abolishedOn: '2027-01-01' }), resident, today).outcome).toBe(IssuanceOutcome.ISSUED);
  });

  it('refuses an enterprise asking for its own business, but not an enterprise asking on a resident’s behalf', () => {
    expect(decideCertificateRequest(type(), { requesterKind: RequesterKind.ENTERPRISE, forEnterpriseBusiness: true }, today)).toMatchObject({
      outcome: IssuanceOutcome.REFUSED,
      reason: CertificateRefusalReason.ENTERPRISE_OWN_BUSINESS,
    });
    expect(decideCertificateRequest(type(), { requesterKind: RequesterKind.ENTERPRISE, forEnterpriseBusiness: false }, today).outcome).toBe(
      IssuanceOutcome.ISSUED,
    );
  });

  it('refuses what is not on the list, and what the community cannot verify', () => {
    expect(decideCertificateRequest(null, resident, today).reason).toBe(CertificateRefusalReason.NOT_ON_LIST);
    expect(decideCertificateRequest(type({ communityCanVerify: false }), resident, today).reason).toBe(CertificateRefusalReason.CANNOT_VERIFY);
  });
});

describe('purchase of services: the guards', () => {
  const LIST: ListItemFacts[] = [
    { id: 501, itemKey: 'FM-002', listType: 'NEGATIVE', title: '拆迁拆违', category: WorkCategory.DEMOLITION },
    { id: 301, itemKey: 'XZ-010', listType: 'ASSISTANCE', title: '协助开展高龄津贴发放', category: WorkCategory.ELDERLY_CARE },
  ];
  const contract = (over: Partial<ContractFacts> = {}): ContractFacts => ({
    title: '社区居家养老服务站日间照料服务',
    scope: '依托居家养老服务站为高龄、独居老年人提供日间照料和助餐服务。',
    category: WorkCategory.ELDERLY_CARE,
    listItemId: null,
    evaluationMethod: '按合同条款逐项验收',
    requiresQualification: false,
    requiresEnforcementPower: false,
    departmentId: 1,
    communityId: 2,
    ...over,
  });
  const codes = (c: ContractFacts) => checkContract(c, LIST).map((p) => p.code);

  it('passes a service outside both lists, judged by its terms', () => expect(codes(contract())).toEqual([]));

  it('rejects negative-list work disguised as a purchase — by words, by category, by linked item', () => {
    const byWords = checkContract(
      contract({ title: '购买违法建筑巡查服务', scope: '由社区承担辖区违法建筑巡查和拆除工作。', category: WorkCategory.OTHER }),
      LIST,
    );
    expect(byWords.map((p) => p.code)).toEqual(['NEGATIVE_AS_PURCHASE']);
    expect(byWords[0].evidence.some((e) => e.id && e.kind === 'ListItem')).toBe(true);
    expect(codes(contract({ category: WorkCategory.TAX_ASSISTANCE }))).toContain('NEGATIVE_AS_PURCHASE');
    expect(codes(contract({ listItemId: 501 }))).toContain('NEGATIVE_AS_PURCHASE');
  });

  it('rejects work on the assistance list (admit it with funding instead)', () => {
    expect(codes(contract({ listItemId: 301 }))).toEqual(['ON_ASSISTANCE_LIST']);
  });

  it('rejects services needing a professional qualification or law-enforcement power, by flag or by words', () => {
    expect(codes(contract({ requiresQualification: true }))).toEqual(['PURCHASE_NEEDS_QUALIFICATION']);
    expect(checkContract(contract({ requiresEnforcementPower: true }), LIST)[0].field).toBe('requiresEnforcementPower');
    const words = checkContract(contract({ title: '购买房屋安全鉴定服务', scope: '由社区对辖区老旧房屋开展安全鉴定并出具报告。' }), LIST);
    expect(words.map((p) => [p.code, p.field])).toEqual([['PURCHASE_NEEDS_QUALIFICATION', 'scope']]);
  });

  it('rejects target-assessment scoring and one-vote veto in the evaluation', () => {
    expect(codes(contract({ evaluationMethod: '纳入年度目标考核，按考核排名兑现经费' }))).toEqual(['TARGET_ASSESSMENT']);
    expect(codes(contract({ evaluationMethod: '出现安全事故实行一票否决' }))).toEqual(['ONE_VOTE_VETO']);
    expect(evaluationProblems('服务时长达到合同约定', 'comment')).toEqual([]);
  });
});
