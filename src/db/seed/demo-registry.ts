/**
 * The demo county's burden registry in its BEFORE-clean-up state (青衣县, fictional):
 *
 *  - four admitted items (存量事项, entered for the demo): 县民政局's funded 困难群众动态排查
 *    (paid to most communities, some not yet, some unconfirmed), 县卫生健康局's unfunded
 *    随访, 县退役军人事务局's funded-but-unpaid 信息采集, and 县应急管理局's emergency entry
 *    that passed its approval deadline (flagged, with its supervision case open);
 *  - 37 ledger requirements from 17 departments — duplicates and subsets (人口、低保、耕地、
 *    退役军人…), paper ones where an electronic channel exists, a dozen with no legal
 *    basis and no admission — and a month-by-month trail of filings; one pilot ledger
 *    generated from collected data (一表通);
 *  - about 600 plaques: the few every community legitimately carries (党群服务中心、人民
 *    调解委员会、退役军人服务站) and the 各类“示范点”“工作站” without central or
 *    provincial basis;
 *  - 60 certificate requests, many for certificates abolished in 2023 (亲属关系证明、健在证明…)
 *    and from enterprises for their own business — all refused and counted;
 *  - five refusals and reports (two anonymous) in every status; two purchase-of-service
 *    contracts, one evaluated against its terms; an announced and an unannounced
 *    inspection with findings, a repeat offender, an interview and a public criticism.
 *
 * Deterministic: no randomness; dates are relative to the day the seed runs. Everything
 * is written with bulk inserts (a handful of flushes).
 */
import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import { WorkCategory } from '../../catalogue';
import { AdmissionApplication, type LedgerDemand } from '../../admission';
import { ApprovalDocument } from '../../admission';
import { snapshotFor } from '../../admission';
import { ApplicationKind, ApplicationStatus, LedgerFormat, LedgerFrequency, ScopeType } from '../../admission';
import { estimateBurden } from '../../admission';
import { nextSequenceValue } from '../../kernel/document-sequence.entity';
import { addWorkingDays, chinaDate, chinaYear } from '../../kernel/dates';
import { CertificateType } from '../../catalogue';
import { CertificateIssuance } from '../../registry';
import { LedgerFiling, LedgerRequirement } from '../../registry';
import { Plaque } from '../../registry';
import { Refusal } from '../../registry';
import { ServiceContract, ServiceContractEvaluation } from '../../registry';
import { FundingAllocation } from '../../registry';
import { Inspection, Interview, PublicCriticism, SupervisionFinding } from '../../registry';
import { CriticismScope, FindingCategory, FindingSeverityLevel, FindingSource, InspectionMode, SupervisionFindingStatus } from '../../registry';
import { EvidenceKind, RefusalKind, RefusalReason, RefusalStatus } from '../../registry';
import { FilingMethod, LedgerStatus } from '../../registry';
import { PlaqueAuthority, PlaqueStatus } from '../../registry';
import { RequesterKind } from '../../registry';
import { decideCertificateRequest } from '../../registry';
import { openEscalationFinding } from '../../registry';

export interface RegistrySeedParts {
  county: Region;
  communities: Community[];
  departments: Department[];
  users: User[];
}

export interface RegistrySeedSummary {
  applications: number;
  ledgers: number;
  filings: number;
  plaques: number;
  issuances: number;
  refusals: number;
  contracts: number;
  allocations: number;
  findings: number;
}

const DAY = 86_400_000;
const { PAPER, ELECTRONIC } = LedgerFormat;
const { DAILY, WEEKLY, MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY, AD_HOC } = LedgerFrequency;

const CHENGDONG = '511828001000';
const CHENGXI = '511828002000';
const QINGYI_TOWN = '511828100000';
const LONGQUAN = '511828101000';
const DUOYING = '511828102000';
const CAOBA = '511828103000';
const BIFENGXIA = '511828104000';
const BAIMA = '511828201000';
const GAOQIAO = '511828202000';

/** [department, name, fields, frequency, expected a year (ad hoc), format, electronic channel, minutes, legal basis, application key]. */
type LedgerRow = [string, string, string[], LedgerFrequency, number | null, LedgerFormat, string | null, number, string[], string | null];

const 社会救助 = '《社会救助暂行办法》';
const 统计法 = '《中华人民共和国统计法》';
const 社保法 = '《中华人民共和国社会保险法》';

/** The ledgers departments demand of 青衣县's communities, before the clean-up. */
export const DEMO_LEDGERS: LedgerRow[] = [
  ['县民政局', '困难群众动态排查台账', ['DE.JZ.0001', 'DE.JZ.0002'], MONTHLY, null, ELECTRONIC, '四川省社会救助信息系统', 60, [`${社会救助}第十一条`], 'civil'],
  ['县民政局', '低保对象花名册', ['DE.JZ.0001'], MONTHLY, null, PAPER, '四川省社会救助信息系统', 30, [社会救助], null],
  ['县民政局', '特困供养人员名册', ['DE.JZ.0002'], QUARTERLY, null, PAPER, null, 30, [社会救助], null],
  ['县民政局', '农村留守老年人关爱台账', ['DE.JZ.0004'], QUARTERLY, null, ELECTRONIC, null, 60, ['《关于加强农村留守老年人关爱服务工作的意见》'], null],
  [
    '县民政局',
    '困境儿童摸底登记表',
    ['DE.JZ.0003'],
    HALF_YEARLY,
    null,
    ELECTRONIC,
    '四川省社会救助信息系统',
    45,
    ['《国务院关于加强困境儿童保障工作的意见》'],
    null,
  ],
  [
    '县卫生健康局',
    '老年人健康管理随访登记表',
    ['DE.RK.0003', 'DE.RK.0004'],
    QUARTERLY,
    null,
    PAPER,
    null,
    90,
    ['《中华人民共和国基本医疗卫生与健康促进法》'],
    'health',
  ],
  ['县民政局', '高龄老人花名册', ['DE.RK.0003'], MONTHLY, null, PAPER, null, 40, ['《四川省老年人权益保障条例》'], null],
  ['县卫生健康局', '家庭医生签约服务进度周报', [], WEEKLY, null, ELECTRONIC, null, 30, [], null],
  ['县卫生健康局', '爱国卫生运动迎检资料', [], AD_HOC, 4, PAPER, null, 120, [], null],
  ['县医疗保障局', '城乡居民医保参保动员台账', ['DE.YB.0001'], MONTHLY, null, ELECTRONIC, '四川省医疗保障信息平台', 30, [社保法], null],
  ['县医疗保障局', '医保参保人数统计表', ['DE.YB.0001'], QUARTERLY, null, PAPER, null, 20, [社保法], null],
  ['县人力资源社会保障局', '城乡居民养老保险参保台账', ['DE.SB.0001'], MONTHLY, null, ELECTRONIC, '四川省人社一体化信息平台', 30, [社保法], null],
  ['县人力资源社会保障局', '就业困难人员登记表', [], MONTHLY, null, PAPER, null, 45, ['《中华人民共和国就业促进法》'], null],
  ['县统计局', '人口抽样调查表', ['DE.RK.0001', 'DE.RK.0002', 'DE.RK.0005'], YEARLY, null, ELECTRONIC, null, 120, [统计法], null],
  ['县民政局', '社区人口基本情况表', ['DE.RK.0001', 'DE.RK.0002'], YEARLY, null, PAPER, null, 60, [], null],
  ['县公安局', '流动人口登记表', ['DE.RK.0005'], MONTHLY, null, ELECTRONIC, null, 60, ['《居住证暂行条例》'], null],
  ['县公安局', '出租房屋信息登记台账', ['DE.RK.0005'], MONTHLY, null, ELECTRONIC, null, 45, ['《居住证暂行条例》'], null],
  ['县农业农村局', '耕地承包情况表', ['DE.NY.0001'], YEARLY, null, ELECTRONIC, null, 60, ['《中华人民共和国农村土地承包法》'], null],
  ['县统计局', '农村经济基本情况统计表', ['DE.NY.0001'], YEARLY, null, PAPER, null, 90, [统计法], null],
  ['县自然资源局', '耕地保护巡查台账', ['DE.NY.0001'], MONTHLY, null, PAPER, null, 30, ['《中华人民共和国土地管理法》'], null],
  ['县农业农村局', '高标准农田建设进度日报', [], DAILY, null, ELECTRONIC, null, 20, [], null],
  ['县应急管理局', '地质灾害隐患点巡查记录', ['DE.FX.0001'], DAILY, null, PAPER, null, 15, ['《地质灾害防治条例》'], 'emergency'],
  ['县应急管理局', '安全生产网格化排查台账', [], WEEKLY, null, PAPER, null, 60, [], null],
  ['县应急管理局', '防汛值班记录', [], AD_HOC, 20, PAPER, null, 30, ['《中华人民共和国防洪法》'], null],
  [
    '县退役军人事务局',
    '退役军人信息采集表',
    ['DE.TY.0001'],
    AD_HOC,
    2,
    ELECTRONIC,
    '退役军人信息采集系统',
    45,
    ['《中华人民共和国退役军人保障法》'],
    'veterans',
  ],
  ['县退役军人事务局', '退役军人走访慰问台账', ['DE.TY.0001'], QUARTERLY, null, PAPER, null, 40, [], null],
  ['县残联', '残疾人基本状况调查表', ['DE.CJ.0001'], YEARLY, null, ELECTRONIC, '全国残疾人人口基础数据库', 60, ['《中华人民共和国残疾人保障法》'], null],
  ['县残联', '残疾人两项补贴发放台账', ['DE.CJ.0001'], MONTHLY, null, PAPER, null, 30, ['《中华人民共和国残疾人保障法》'], null],
  ['县教育局', '适龄儿童入学统计表', ['DE.JY.0001'], YEARLY, null, ELECTRONIC, null, 60, ['《中华人民共和国义务教育法》'], null],
  ['县教育局', '控辍保学劝返台账', ['DE.JY.0001'], MONTHLY, null, PAPER, null, 40, ['《中华人民共和国义务教育法》'], null],
  ['县市场监管局', '食品安全示范店创建台账', [], MONTHLY, null, PAPER, null, 60, [], null],
  ['县市场监管局', '特种设备安全排查记录', [], MONTHLY, null, PAPER, null, 45, [], null],
  ['县文化广电旅游局', '文明城市创建迎检资料汇编', [], AD_HOC, 6, PAPER, null, 180, [], null],
  ['县文化广电旅游局', '农家书屋借阅登记台账', [], MONTHLY, null, PAPER, null, 20, ['《中华人民共和国公共文化服务保障法》'], null],
  ['县综合行政执法局', '违法建设巡查日报', [], DAILY, null, ELECTRONIC, null, 20, [], null],
  ['县妇联', '妇女儿童之家活动台账', [], MONTHLY, null, PAPER, null, 30, [], null],
  ['县委政法委', '网格员每日巡查打卡截图', [], DAILY, null, ELECTRONIC, null, 10, [], null],
];

/** The pilot 一表通 ledger: every field collected on the platform. */
const ONE_FORM_LEDGER = '困境儿童摸底登记表';

/** [name, department, authority, document, every n-th community, offset, urban only]. */
type PlaqueRow = [string, string, PlaqueAuthority, string | null, number, number, boolean];
export const DEMO_PLAQUES: PlaqueRow[] = [
  ['党群服务中心', '县委组织部', PlaqueAuthority.CENTRAL, '《中共中央 国务院关于加强基层治理体系和治理能力现代化建设的意见》（中发〔2021〕16号）', 1, 0, false],
  ['人民调解委员会', '县司法局', PlaqueAuthority.CENTRAL, '《中华人民共和国人民调解法》', 1, 0, false],
  ['退役军人服务站', '县退役军人事务局', PlaqueAuthority.PROVINCIAL, '四川省退役军人服务保障体系建设实施意见（省委办公厅、省政府办公厅）', 1, 0, false],
  ['平安创建示范点', '县委政法委', PlaqueAuthority.LOCAL, '县委政法委关于开展平安村（社区）创建示范活动的通知', 3, 0, false],
  ['禁毒工作站', '县公安局', PlaqueAuthority.LOCAL, '县禁毒委关于在村（社区）设立禁毒工作站的通知', 2, 1, false],
  ['法律援助工作站', '县司法局', PlaqueAuthority.LOCAL, '县司法局关于设立村（社区）法律援助工作站的通知', 2, 0, false],
  ['食品安全示范点', '县市场监管局', PlaqueAuthority.NONE, null, 4, 1, false],
  ['妇女儿童之家', '县妇联', PlaqueAuthority.NONE, null, 2, 1, false],
  ['关心下一代工作站', '团县委', PlaqueAuthority.NONE, null, 3, 2, false],
  ['安全生产监督站', '县应急管理局', PlaqueAuthority.NONE, null, 5, 3, false],
  ['残疾人之家', '县残联', PlaqueAuthority.LOCAL, '县残联关于建设村（社区）残疾人之家的通知', 4, 2, false],
  ['城市管理工作站', '县综合行政执法局', PlaqueAuthority.LOCAL, '县综合行政执法局关于设立社区城市管理工作站的通知', 1, 0, true],
  ['文明城市创建宣传站', '县文化广电旅游局', PlaqueAuthority.NONE, null, 2, 0, true],
];

/** Which department's procedures use each certificate on the list. */
const CERTIFICATE_DEPARTMENTS: Record<string, string> = {
  居住证明: '县公安局',
  最低生活保障家庭经济状况调查意见: '县民政局',
  临时救助申请审核意见: '县民政局',
  特困人员供养申请调查意见: '县民政局',
  高龄津贴申领人居住情况证明: '县民政局',
  亲属关系证明: '县公安局',
  健在证明: '县人力资源社会保障局',
  婚姻状况证明: '县民政局',
  无犯罪记录证明: '县公安局',
  房屋产权证明: '县自然资源局',
  出生证明: '县卫生健康局',
  企业经营场所证明: '县市场监管局',
  失业证明: '县人力资源社会保障局',
};

/** [certificate asked for, requester, purpose, for an enterprise's own business, department still demanding it, who demanded it, how many]. */
type RequestRow = [string, RequesterKind, string, boolean, string | null, string | null, number];
export const DEMO_CERTIFICATE_REQUESTS: RequestRow[] = [
  ['居住证明', RequesterKind.RESIDENT, '子女就近入学', false, '县教育局', null, 12],
  ['最低生活保障家庭经济状况调查意见', RequesterKind.RESIDENT, '申请最低生活保障', false, '县民政局', null, 8],
  ['高龄津贴申领人居住情况证明', RequesterKind.RESIDENT, '申领高龄津贴', false, '县民政局', null, 6],
  ['亲属关系证明', RequesterKind.RESIDENT, '办理已故亲属存款支取', false, null, '某商业银行青衣支行', 7],
  ['健在证明', RequesterKind.RESIDENT, '领取养老金资格认证', false, '县人力资源社会保障局', null, 9],
  ['无犯罪记录证明', RequesterKind.RESIDENT, '应聘物业保安岗位', false, null, '某物业服务公司', 3],
  ['房屋产权证明', RequesterKind.RESIDENT, '办理房屋抵押贷款', false, null, '某农村商业银行', 2],
  ['企业经营场所证明', RequesterKind.ENTERPRISE, '办理营业执照住所变更', true, '县市场监管局', null, 4],
  ['收入证明', RequesterKind.ENTERPRISE, '企业投标资信证明材料', true, null, '某建筑工程公司', 3],
  ['家庭困难证明', RequesterKind.RESIDENT, '子女申请国家助学贷款', false, null, '某高校', 3],
  ['婚姻状况证明', RequesterKind.RESIDENT, '办理公积金贷款', false, null, '县住房公积金管理中心', 3],
];

export async function seedDemoRegistry(outer: EntityManager, parts: RegistrySeedParts): Promise<RegistrySeedSummary> {
  // Same transaction, own identity map: flushes here only look at what this seed writes.
  const em = outer.fork({ clear: true, keepTransactionContext: true });
  const { communities, departments } = parts;
  const county = em.getReference(Region, parts.county.id);
  const C = (c: Community) => em.getReference(Community, c.id);
  const now = new Date();
  const daysAgo = (n: number) => chinaDate(new Date(now.getTime() - n * DAY));
  const at = (n: number, hour = 10) => new Date(now.getTime() - n * DAY + (hour - 12) * 3600_000);
  const year = chinaYear(now);
  const dept = (shortName: string) => {
    const d = departments.find((x) => x.shortName === shortName);
    if (!d) throw new Error(`demo registry: no department ${shortName}`);
    return em.getReference(Department, d.id);
  };
  const user = (username: string) => parts.users.find((u) => u.username === username)!;
  const home = Reference.unwrapReference(user('community').community as never) as Community;
  const [admin, reviewer, deptCivil, communityUser, inspector] = ['admin', 'reviewer', 'dept_civil', 'community', 'inspector'].map((u) =>
    em.getReference(User, user(u).id),
  );
  const townshipOf = (c: Community) => Reference.unwrapReference(c.township as never) as Region;
  const township = (code: string) => communities.filter((c) => townshipOf(c).code === code);
  const byName = (name: string) => communities.find((c) => c.name === name)!;

  // ---- Admitted items (存量事项) -------------------------------------------------------------
  const allIds = communities.map((c) => c.id);
  const ids = (codes: string[]) => codes.flatMap((code) => township(code).map((c) => c.id));
  const ledgerDemand = (l: LedgerRow): LedgerDemand => ({
    name: l[1],
    frequency: l[3],
    expectedPerYear: l[4],
    minutesPerFiling: l[7],
    format: l[5],
    dataElementCodes: l[2],
  });
  const ledgerOf = (key: string) => DEMO_LEDGERS.filter((l) => l[9] === key).map(ledgerDemand);
  interface AppSpec {
    key: string;
    department: string;
    applicant: User;
    title: string;
    description: string;
    kind: ApplicationKind;
    category: WorkCategory;
    legalBasis: string[];
    scopeType: ScopeType;
    townships: string[];
    perCommunity: number;
    fundingFlow: string | null;
    enteredDaysAgo: number;
    emergency?: boolean;
  }
  const specs: AppSpec[] = [
    {
      key: 'civil',
      department: '县民政局',
      applicant: deptCivil,
      title: '协助开展困难群众动态排查',
      description: '每月协助民政部门入户排查低保边缘家庭、特困人员和其他困难群众生活状况，及时发现并报告需要救助的对象。',
      kind: ApplicationKind.TEMPORARY,
      category: WorkCategory.SOCIAL_ASSISTANCE,
      legalBasis: [`${社会救助}第十一条`],
      scopeType: ScopeType.COUNTY,
      townships: [],
      perCommunity: 1200,
      fundingFlow: '按每个村（社区）1200元标准一次性拨付至村（社区）工作经费账户',
      enteredDaysAgo: 120,
    },
    {
      key: 'health',
      department: '县卫生健康局',
      applicant: admin,
      title: '协助开展65岁以上老年人健康管理随访',
      description: '每季度协助乡镇卫生院通知辖区65岁以上老年人参加免费健康体检，并登记随访结果。',
      kind: ApplicationKind.LISTED_ASSISTANCE,
      category: WorkCategory.HEALTH,
      legalBasis: ['《中华人民共和国基本医疗卫生与健康促进法》'],
      scopeType: ScopeType.COUNTY,
      townships: [],
      perCommunity: 0,
      fundingFlow: null,
      enteredDaysAgo: 200,
    },
    {
      key: 'veterans',
      department: '县退役军人事务局',
      applicant: admin,
      title: '协助开展退役军人和其他优抚对象信息采集',
      description: '协助核对、补充辖区退役军人和其他优抚对象基础信息，走访登记生活困难的退役军人。',
      kind: ApplicationKind.TEMPORARY,
      category: WorkCategory.VETERANS,
      legalBasis: ['《中华人民共和国退役军人保障法》'],
      scopeType: ScopeType.TOWNSHIPS,
      townships: [QINGYI_TOWN, LONGQUAN, DUOYING],
      perCommunity: 300,
      fundingFlow: '按每个村（社区）300元拨付',
      enteredDaysAgo: 60,
    },
    {
      key: 'emergency',
      department: '县应急管理局',
      applicant: admin,
      title: '主汛期地质灾害隐患点巡查值守',
      description: '主汛期协助对辖区地质灾害隐患点开展每日巡查，遇险情及时报告并组织受威胁群众转移避险。',
      kind: ApplicationKind.TEMPORARY,
      category: WorkCategory.EMERGENCY_MANAGEMENT,
      legalBasis: ['《地质灾害防治条例》'],
      scopeType: ScopeType.TOWNSHIPS,
      townships: [BIFENGXIA, CAOBA],
      perCommunity: 1000,
      fundingFlow: '汛期结束后按巡查天数据实拨付',
      enteredDaysAgo: 25,
      emergency: true,
    },
  ];
  const apps = new Map<string, AdmissionApplication>();
  for (const s of specs) {
    const communityIds = s.scopeType === ScopeType.COUNTY ? allIds : ids(s.townships);
    const ledgers = ledgerOf(s.key);
    const app = Object.assign(new AdmissionApplication(), {
      number: `青准申${year}-${String(await nextSequenceValue(em, county.id, 'application', year)).padStart(4, '0')}`,
      county,
      department: dept(s.department),
      applicant: s.applicant,
      title: s.title,
      description: s.description,
      kind: s.kind,
      category: s.category,
      legalBasis: s.legalBasis,
      scopeType: s.scopeType,
      scopeTownshipIds: s.scopeType === ScopeType.TOWNSHIPS ? s.townships.map((code) => townshipOf(township(code)[0]).id) : [],
      communityIds,
      periodStart: daysAgo(s.enteredDaysAgo + 10),
      periodEnd: s.emergency ? daysAgo(-60) : daysAgo(-300),
      fundingAmount: (s.perCommunity * communityIds.length).toFixed(2),
      fundingFlow: s.fundingFlow,
      trainingSupport: s.emergency ? null : '主管部门每季度组织一次业务培训',
      ledgers,
      burden: estimateBurden({ ledgers, meetingHoursPerYear: 2, inspectionHoursPerYear: 2, dataEntryHoursPerYear: 0, communities: communityIds.length }),
      meetingHoursPerYear: 2,
      inspectionHoursPerYear: 2,
      emergency: !!s.emergency,
      emergencyReason: s.emergency ? '主汛期强降雨，地质灾害气象风险预警升至橙色' : null,
      status: s.emergency ? ApplicationStatus.EMERGENCY_IN_EFFECT : ApplicationStatus.IN_EFFECT,
      version: s.emergency ? 2 : 5,
      submittedAt: at(s.enteredDaysAgo + 20),
      decidedAt: s.emergency ? null : at(s.enteredDaysAgo + 5),
      enteredAt: at(s.enteredDaysAgo),
      approvalDeadline: s.emergency ? addWorkingDays(at(s.enteredDaysAgo), 5) : null,
      overdueFlaggedAt: null,
      approvedInTime: s.emergency ? false : null,
    });
    em.persist(app);
    apps.set(s.key, app);
  }
  await em.flush();
  // Entered as they stood before the platform (存量事项): no rules-engine findings of their own.
  for (const app of apps.values()) {
    const serial = await nextSequenceValue(em, county.id, 'approval', year);
    em.create(ApprovalDocument, {
      number: `青社工准〔${year}〕${serial}号`,
      application: app,
      county,
      year,
      serial,
      issuedAt: app.enteredAt!,
      validFrom: chinaDate(app.enteredAt!),
      validUntil: app.periodEnd ?? null,
      communityIds: app.communityIds,
      provisional: app.emergency,
      // What it certifies; signed with the county's key on first use (src/admission/document-signing.ts).
      ...(await snapshotFor(em, app)),
    });
  }
  await em.flush();
  // The emergency entry is past its deadline: flagged, and its supervision case opened (as the job does).
  const emergency = apps.get('emergency')!;
  emergency.overdueFlaggedAt = at(15);
  const escalation = await openEscalationFinding(em, emergency, at(15));

  // ---- Ledgers and filings 台账报表 ---------------------------------------------------------------
  await em.insertMany(
    LedgerRequirement,
    DEMO_LEDGERS.map((l) => ({
      county: county.id,
      department: dept(l[0]).id,
      name: l[1],
      dataElementCodes: l[2],
      frequency: l[3],
      expectedPerYear: l[4],
      format: l[5],
      electronicChannel: l[6],
      minutesPerFiling: l[7],
      legalBasis: l[8],
      application: l[9] ? apps.get(l[9])!.id : null,
      status: LedgerStatus.KEPT,
      oneForm: l[1] === ONE_FORM_LEDGER,
    })),
  );
  const ledgerIds = new Map(
    (
      await em
        .getConnection()
        .execute<Array<{ id: number; name: string }>>(
          'select id, name from ledger_requirement where county_id = ?',
          [county.id],
          'all',
          em.getTransactionContext(),
        )
    ).map((r) => [r.name, r.id]),
  );
  const ledger = (name: string) => ({ id: ledgerIds.get(name)!, codes: DEMO_LEDGERS.find((l) => l[1] === name)![2] });
  const month = (back: number) => {
    const d = new Date(now.getTime() + 8 * 3600_000);
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));
    return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  const filingRows: object[] = [];
  const file = (l: { id: number; codes: string[] }, c: Community, period: string, method: FilingMethod, filedAt: Date, minutes: number | null) =>
    filingRows.push({
      requirement: l.id,
      community: c.id,
      county: county.id,
      period,
      method,
      filedAt,
      filedBy: c.id === home.id ? communityUser.id : null,
      minutesSpent: minutes,
      values: Object.fromEntries(l.codes.map((code) => [code, null])),
    });
  const chengdong = township(CHENGDONG);
  for (const back of [3, 2, 1]) {
    for (const [i, c] of chengdong.entries()) {
      file(ledger('困难群众动态排查台账'), c, month(back), FilingMethod.MANUAL, at(back * 30 - 3, 15), 55 + (i % 3) * 5);
      file(ledger('低保对象花名册'), c, month(back), FilingMethod.MANUAL, at(back * 30 - 4, 16), 30);
      file(ledger('高龄老人花名册'), c, month(back), FilingMethod.MANUAL, at(back * 30 - 5, 11), 40);
    }
  }
  const half = `${year}H${Number(chinaDate(now).slice(5, 7)) <= 6 ? 1 : 2}`;
  for (const c of [...chengdong, ...township(CHENGXI)]) file(ledger(ONE_FORM_LEDGER), c, half, FilingMethod.GENERATED, at(2, 9), 0);
  await em.insertMany(LedgerFiling, filingRows as never[]);

  // ---- Plaques 挂牌 -------------------------------------------------------------------------------
  const plaqueRows: object[] = [];
  communities.forEach((c, i) => {
    for (const [name, d, authority, doc, every, offset, urbanOnly] of DEMO_PLAQUES) {
      if (i % every !== offset % every || (urbanOnly && c.type !== 'URBAN')) continue;
      const n = plaqueRows.length;
      plaqueRows.push({
        county: county.id,
        community: c.id,
        department: dept(d).id,
        name: `${c.name}${name}`,
        authority,
        authorizingDocument: doc,
        status: PlaqueStatus.KEPT,
        installedOn: `${2015 + ((i + n) % 9)}-${String(1 + ((i * 5 + n) % 12)).padStart(2, '0')}-15`,
      });
    }
  });
  await em.insertMany(Plaque, plaqueRows as never[]);

  // ---- Certificates 证明事项 -------------------------------------------------------------------------
  const types = await em.find(CertificateType, { county });
  for (const t of types) {
    const d = CERTIFICATE_DEPARTMENTS[t.name];
    if (d) t.department = dept(d) as never;
  }
  let issuances = 0;
  const issuanceRows: object[] = [];
  const today = chinaDate(now);
  for (const [name, requesterKind, purpose, forEnterprise, requiring, requiredBy, count] of DEMO_CERTIFICATE_REQUESTS) {
    const type = types.find((t) => t.name === name) ?? null;
    for (let k = 0; k < count; k++) {
      issuances++;
      const c = k % 3 === 0 ? home : communities[(issuances * 7) % communities.length];
      const decision = decideCertificateRequest(
        type
          ? {
              id: type.id,
              name: type.name,
              communityCanVerify: type.communityCanVerify,
              abolishedOn: type.abolishedOn ?? null,
              abolishedBy: type.abolishedBy ?? null,
            }
          : null,
        { requesterKind, forEnterpriseBusiness: forEnterprise },
        today,
      );
      issuanceRows.push({
        county: county.id,
        community: c.id,
        certificateType: type?.id ?? null,
        certificateName: name,
        requesterKind,
        purpose,
        forEnterpriseBusiness: forEnterprise,
        requiringDepartment: requiring ? dept(requiring).id : null,
        requiredBy,
        outcome: decision.outcome,
        refusalReason: decision.reason,
        handledAt: at(((issuances * 37) % 170) + 1, 9 + (issuances % 8)),
        handledBy: c.id === home.id ? communityUser.id : null,
      });
    }
  }
  await em.insertMany(CertificateIssuance, issuanceRows as never[]);

  // ---- Refusals and reports 拒绝执行与举报 --------------------------------------------------------
  const gaoqiao = township(GAOQIAO);
  const qingyiTown = township(QINGYI_TOWN);
  const refusalNumber = async (kind: RefusalKind) =>
    `青${kind === RefusalKind.REFUSAL ? '拒' : '举'}〔${year}〕${await nextSequenceValue(em, county.id, kind === RefusalKind.REFUSAL ? 'refusal' : 'report', year)}号`;
  const demolition = em.create(Refusal, {
    number: await refusalNumber(RefusalKind.REFUSAL),
    county,
    community: C(home),
    kind: RefusalKind.REFUSAL,
    reporter: communityUser,
    department: dept('县住房城乡建设局'),
    taskTitle: '协助开展辖区违法建筑拆除摸排',
    taskDescription: '县住建局在社区工作群通知，要求社区一周内对辖区违法建筑逐户摸排登记，并配合执法队伍开展拆除，未出示批准文书，未安排经费。',
    taskReceivedOn: daysAgo(40),
    reasons: [RefusalReason.NEGATIVE_LIST, RefusalReason.NO_ADMISSION],
    evidence: [
      { kind: EvidenceKind.MESSAGE, description: '社区工作群通知截图', reference: '工作群截图-住建局拆违摸排.png' },
      { kind: EvidenceKind.DOCUMENT, description: '《关于开展违法建筑集中整治的工作安排》', reference: null },
    ],
    status: RefusalStatus.DEPARTMENT_INTERVIEWED,
    statusChangedAt: at(18),
    handledBy: reviewer,
    handlingNote: '经核实属实：拆迁拆违属负面清单事项，县住建局未经准入下派任务。',
    createdAt: at(39),
    updatedAt: at(18),
  });
  em.create(Refusal, {
    number: await refusalNumber(RefusalKind.REFUSAL),
    county,
    community: C(home),
    kind: RefusalKind.REFUSAL,
    reporter: communityUser,
    department: dept('县市场监管局'),
    taskTitle: '准备食品安全示范店创建迎检材料',
    taskDescription: '县市场监管局电话通知社区为“食品安全示范店”创建准备迎检台账和照片资料，要求三天内完成，无批准文书，也无工作经费。',
    taskReceivedOn: daysAgo(6),
    reasons: [RefusalReason.NO_ADMISSION, RefusalReason.NO_FUNDING],
    evidence: [{ kind: EvidenceKind.RECORDING, description: '电话通知录音', reference: null }],
    statusChangedAt: at(5),
    createdAt: at(5),
    updatedAt: at(5),
  });
  em.create(Refusal, {
    number: await refusalNumber(RefusalKind.REPORT),
    county,
    community: C(gaoqiao[0]),
    kind: RefusalKind.REPORT,
    anonymous: true,
    reporter: null,
    department: dept('县商务经信局'),
    taskTitle: '招商引资任务分解到村',
    taskDescription: '县商务经信局将年度招商引资目标分解到各村，要求每村每年引进项目1个，并纳入年终考核。',
    taskReceivedOn: daysAgo(12),
    reasons: [RefusalReason.NEGATIVE_LIST],
    evidence: [{ kind: EvidenceKind.DOCUMENT, description: '招商引资目标任务分解表', reference: '任务分解表.xlsx' }],
    statusChangedAt: at(10),
    createdAt: at(10),
    updatedAt: at(10),
  });
  const veteransUnpaid = em.create(Refusal, {
    number: await refusalNumber(RefusalKind.REPORT),
    county,
    community: C(qingyiTown[1]),
    kind: RefusalKind.REPORT,
    anonymous: true,
    reporter: null,
    department: dept('县退役军人事务局'),
    application: apps.get('veterans')!,
    taskTitle: '退役军人信息采集无工作经费',
    taskDescription: '退役军人信息采集已实施两个月，批准文书载明按每村300元拨付经费，至今未到位，村里垫支了入户交通费用。',
    reasons: [RefusalReason.NO_FUNDING],
    evidence: [],
    status: RefusalStatus.VERIFIED,
    statusChangedAt: at(3),
    handledBy: inspector,
    handlingNote: '经核实，经费尚未拨付，已转督查。',
    createdAt: at(8),
    updatedAt: at(3),
  });
  em.create(Refusal, {
    number: await refusalNumber(RefusalKind.REFUSAL),
    county,
    community: C(home),
    kind: RefusalKind.REFUSAL,
    reporter: communityUser,
    department: dept('县文化广电旅游局'),
    taskTitle: '每日在工作群上报文明劝导照片',
    taskDescription: '要求社区每天安排人员上街开展文明劝导，并于每晚八点前在工作群上报不少于10张照片，未说明依据。',
    taskReceivedOn: daysAgo(16),
    reasons: [RefusalReason.NO_ADMISSION, RefusalReason.NO_LEGAL_BASIS],
    evidence: [{ kind: EvidenceKind.MESSAGE, description: '工作群要求截图', reference: '工作群截图-文明劝导.png' }],
    status: RefusalStatus.VERIFIED,
    statusChangedAt: at(12),
    handledBy: reviewer,
    handlingNote: '属实，无依据、未准入。',
    createdAt: at(15),
    updatedAt: at(12),
  });

  // ---- Purchase of services 政府购买服务 ----------------------------------------------------------
  const wenmiao = byName('文庙社区');
  const contractNumber = async () => `青购服〔${year}〕${await nextSequenceValue(em, county.id, 'contract', year)}号`;
  const care = em.create(ServiceContract, {
    number: await contractNumber(),
    county,
    department: dept('县民政局'),
    community: C(wenmiao),
    title: '社区居家养老服务站日间照料服务',
    category: WorkCategory.ELDERLY_CARE,
    amount: '48000.00',
    scope: '由文庙社区依托居家养老服务站，为辖区高龄、独居老年人提供日间照料、助餐和文体活动服务。',
    periodStart: daysAgo(200),
    periodEnd: daysAgo(-165),
    deliverables: [
      { name: '日间照料服务记录', dueOn: null },
      { name: '季度服务报告', dueOn: daysAgo(20) },
    ],
    terms: [
      { key: 'T1', description: '服务站每周开放不少于5天、每天不少于8小时' },
      { key: 'T2', description: '每季度对服务对象开展不少于一次满意度回访' },
      { key: 'T3', description: '按季度报送服务台账和经费使用情况' },
    ],
    evaluationMethod: '按合同条款逐项验收，满意度以各条款达成情况为依据',
    signedAt: at(205),
    signedBy: deptCivil,
  });
  em.create(ServiceContractEvaluation, {
    contract: care,
    evaluatedOn: daysAgo(15),
    evaluatedBy: deptCivil,
    termResults: [
      { termKey: 'T1', met: true, comment: '开放时间符合约定' },
      { termKey: 'T2', met: true, comment: null },
      { termKey: 'T3', met: false, comment: '第二季度经费使用情况迟报' },
    ],
    termsMet: 2,
    satisfaction: 0.667,
    comment: '按合同条款评定：3项中2项达到要求。',
  });
  em.create(ServiceContract, {
    number: await contractNumber(),
    county,
    department: dept('县文化广电旅游局'),
    community: C(qingyiTown[0]),
    title: '村群众文化活动组织服务',
    category: WorkCategory.CULTURE_EDUCATION,
    amount: '12000.00',
    scope: '由村民委员会组织开展群众性文化活动，包括传统节日活动、广场舞展演和农家书屋阅读推广。',
    periodStart: daysAgo(90),
    periodEnd: daysAgo(-275),
    deliverables: [{ name: '活动简报及影像资料', dueOn: null }],
    terms: [
      { key: 'T1', description: '全年组织群众文化活动不少于6场' },
      { key: 'T2', description: '每场活动留存影像资料并报送简报' },
    ],
    evaluationMethod: '合同期满按条款验收',
    signedAt: at(95),
    signedBy: admin,
  });

  // ---- Funding 费随事转 ---------------------------------------------------------------------------
  const civil = apps.get('civil')!;
  const unpaid = new Set([...township(BAIMA), ...gaoqiao].map((c) => c.id));
  const unconfirmed = new Set(township(CHENGXI).map((c) => c.id));
  const allocationRows = communities
    .filter((c) => !unpaid.has(c.id))
    .map((c, i) => ({
      application: civil.id,
      community: c.id,
      county: county.id,
      amount: '1200.00',
      allocatedOn: daysAgo(100),
      reference: `青民拨〔${year}〕${String(i + 1).padStart(3, '0')}`,
      recordedBy: deptCivil.id,
      receivedConfirmedAt: unconfirmed.has(c.id) ? null : at(95 - (i % 5)),
      receivedConfirmedBy: c.id === home.id ? communityUser.id : null,
    }));
  await em.insertMany(FundingAllocation, allocationRows);
  const allocations = allocationRows.length;

  // ---- Supervision 监督管理 -----------------------------------------------------------------------
  const housing = dept('县住房城乡建设局');
  const first = em.create(Inspection, {
    county,
    title: '村（社区）工作事项准入制度落实情况专项督查',
    mode: InspectionMode.ANNOUNCED,
    jointTeam: true,
    leadUnit: '县委社会工作部',
    teamMembers: ['县委社会工作部', '县民政局', '县财政局'],
    conductedOn: daysAgo(150),
    endedOn: daysAgo(148),
    communityIds: [home.id, wenmiao.id, qingyiTown[0].id],
    departmentIds: [housing.id, dept('县民政局').id],
    summary: '听取汇报、查阅台账，抽查3个村（社区）。',
    recordedBy: inspector,
    createdAt: at(148),
  });
  const earlier = em.create(SupervisionFinding, {
    county,
    inspection: first,
    source: FindingSource.INSPECTION,
    category: FindingCategory.NEGATIVE_LIST_WORK,
    severity: FindingSeverityLevel.GENERAL,
    department: housing,
    community: C(home),
    description: '县住建局要求社区协助开展“两违”巡查并上报巡查日志，属负面清单事项。',
    rectificationDeadline: daysAgo(120),
    status: SupervisionFindingStatus.CLOSED,
    rectificationNote: '已书面通知各社区停止执行，巡查工作由县综合行政执法局负责。',
    rectifiedAt: at(125),
    closedAt: at(118),
    closeNote: '经回访核实，已整改到位。',
    foundAt: at(149),
    recordedBy: inspector,
  });
  const second = em.create(Inspection, {
    county,
    title: '村（社区）减负工作明察暗访',
    mode: InspectionMode.UNANNOUNCED,
    jointTeam: true,
    leadUnit: '县委社会工作部',
    teamMembers: ['县委社会工作部', '县纪委监委', '县民政局', '县财政局'],
    conductedOn: daysAgo(20),
    endedOn: daysAgo(19),
    communityIds: [home.id, wenmiao.id, gaoqiao[0].id, qingyiTown[1].id, township(BAIMA)[0].id],
    departmentIds: [housing.id, dept('县市场监管局').id, dept('县统计局').id, dept('县人力资源社会保障局').id],
    summary: '不打招呼、直奔基层，走访5个村（社区），查看挂牌、台账和工作群，发现问题4项。',
    recordedBy: inspector,
    createdAt: at(19),
  });
  const repeat = em.create(SupervisionFinding, {
    county,
    inspection: second,
    source: FindingSource.INSPECTION,
    category: FindingCategory.NEGATIVE_LIST_WORK,
    severity: FindingSeverityLevel.SERIOUS,
    department: housing,
    refusal: demolition,
    community: C(home),
    description: '县住建局未经准入，要求滨江社区协助违法建筑拆除摸排并配合拆除，社区已依规拒绝执行；同类问题一年内再次发生。',
    rectificationDeadline: daysAgo(-10),
    repeat: true,
    previousFinding: earlier,
    foundAt: at(19),
    recordedBy: inspector,
  });
  em.create(SupervisionFinding, {
    county,
    inspection: second,
    source: FindingSource.INSPECTION,
    category: FindingCategory.PLAQUE_WITHOUT_BASIS,
    severity: FindingSeverityLevel.GENERAL,
    department: dept('县市场监管局'),
    description: '在多个村（社区）加挂“食品安全示范点”牌子，无党中央、国务院和省委、省政府明确规定。',
    rectificationDeadline: daysAgo(-15),
    foundAt: at(19),
    recordedBy: inspector,
  });
  em.create(SupervisionFinding, {
    county,
    inspection: second,
    source: FindingSource.INSPECTION,
    category: FindingCategory.EXCESS_LEDGERS,
    severity: FindingSeverityLevel.GENERAL,
    department: dept('县统计局'),
    description: '“农村经济基本情况统计表”与县农业农村局“耕地承包情况表”字段重复，且要求纸质报送。',
    rectificationDeadline: daysAgo(-15),
    foundAt: at(19),
    recordedBy: inspector,
  });
  em.create(SupervisionFinding, {
    county,
    inspection: second,
    source: FindingSource.INSPECTION,
    category: FindingCategory.ABOLISHED_CERTIFICATE,
    severity: FindingSeverityLevel.GENERAL,
    department: dept('县人力资源社会保障局'),
    description: '养老金领取资格认证仍要求村（社区）出具已取消的“健在证明”。',
    rectificationDeadline: daysAgo(5),
    foundAt: at(19),
    recordedBy: inspector,
  });
  em.create(SupervisionFinding, {
    county,
    source: FindingSource.REFUSAL,
    category: FindingCategory.NO_FUNDING,
    severity: FindingSeverityLevel.GENERAL,
    department: dept('县退役军人事务局'),
    application: apps.get('veterans')!,
    refusal: veteransUnpaid,
    community: veteransUnpaid.community,
    description: '退役军人信息采集已实施两个月，批准的工作经费未拨付到村（社区）。',
    rectificationDeadline: daysAgo(-7),
    foundAt: at(3),
    recordedBy: inspector,
  });
  await em.flush();
  em.create(Interview, {
    county,
    department: housing,
    scheduledAt: new Date(at(-3).setUTCHours(1, 30, 0, 0)),
    place: '县委社会工作部三楼会议室',
    interviewers: '县委社会工作部分管副部长、县纪委监委第三监督检查室负责人',
    reason: '一年内两次将拆迁拆违等负面清单事项下派社区，准入工作把关不严。',
    findingIds: [repeat.id],
    refusalIds: [demolition.id],
    followUpDeadline: daysAgo(-30),
    scheduledBy: reviewer,
    createdAt: at(18),
  });
  em.create(PublicCriticism, {
    county,
    department: housing,
    documentNumber: `青社工通〔${year}〕1号`,
    scope: CriticismScope.COUNTY,
    issuedOn: daysAgo(140),
    content: '县住建局要求社区协助开展“两违”巡查，将负面清单事项转嫁村（社区），现予以通报批评，责令立即整改。',
    findingIds: [earlier.id],
    followUpDeadline: daysAgo(120),
    followUpReportedAt: at(125),
    followUpNote: '已发文纠正，并开展内部作风整顿。',
    issuedBy: reviewer,
  });
  await em.flush();
  return {
    applications: apps.size,
    ledgers: ledgerIds.size,
    filings: filingRows.length,
    plaques: plaqueRows.length,
    issuances,
    refusals: 5,
    contracts: 2,
    allocations,
    findings: 7 + (escalation ? 1 : 0),
  };
}
