/**
 * The admission engine's reading of Chinese administrative prose (src/admission/analysis,
 * src/admission/rules): every rule with tripping and passing cases in natural prose,
 * every look-alike class (宣传、培训、发现报告、劝导、入户调查、组织动员、辅助办理 of a
 * sensitive subject; 招商银行, 城管局, 安全生产月; negations; other parties' actions), the
 * evidence a finding carries, the reviewers' vocabulary and decisions. Pure: the demo
 * county's context built from its seed (src/db/seed/demo-rule-context.ts), no database.
 */
import { runRules, applyReviews, textHash } from '../src/admission/engine';
import type { ApplicationFacts, Finding, ListItemFacts, RuleContext } from '../src/admission/rules';
import { parseCitation, assessLegalBasis } from '../src/admission/analysis/legal-basis';
import { findTargetAssessment, findVeto } from '../src/admission/analysis/evaluation';
import { textDiff } from '../src/admission/analysis/diff';
import { buildDoc, findWord } from '../src/admission/analysis/text';
import { demoRuleContext } from '../src/db/seed/demo-rule-context';
import { factsOfCase } from '../scripts/eval-rules';
import { WorkCategory as C } from '../src/catalogue';
import { PROTECTED_NAMES } from '../src/admission/analysis/lexicon/negative';

const CTX = demoRuleContext(20);

/** An application as a department would file it (ApplicationInput), with sensible defaults. */
function app(over: Record<string, unknown>): ApplicationFacts {
  return factsOfCase({
    kind: 'TEMPORARY',
    category: 'OTHER',
    legalBasis: ['《中华人民共和国城市居民委员会组织法》'],
    fundingAmount: 30000,
    trainingSupport: '县级主管部门组织一次业务培训',
    periodStart: '2026-05-01',
    periodEnd: '2026-12-31',
    ...over,
  });
}

const run = (a: ApplicationFacts, ctx: RuleContext = CTX): Finding[] => runRules(a, ctx);
const codes = (a: ApplicationFacts, ctx: RuleContext = CTX) => run(a, ctx).map((f) => f.code);
const blocking = (a: ApplicationFacts, ctx: RuleContext = CTX) =>
  run(a, ctx)
    .filter((f) => f.severity === 'BLOCKING')
    .map((f) => f.code);
const negative = (a: ApplicationFacts, ctx: RuleContext = CTX) => run(a, ctx).find((f) => f.code === 'NEGATIVE_LIST' || f.code === 'NEGATIVE_AS_PURCHASE');

describe('NEGATIVE_LIST: what the community is asked to do, by category', () => {
  const cases: Array<[string, string, C]> = [
    ['农贸市场周边秩序', '县市场监管局请社区协管员每天对市场周边的无证摊点进行清理，对拒不离开的摊主没收其经营工具。', C.LAW_ENFORCEMENT],
    ['小区违建清理', '县住建局请社区对小区内私自加盖的阳光房逐户登记，逾期未自行拆除的由社区组织施工队统一拆除。', C.DEMOLITION],
    ['秋季禁烧', '各村实行干部包片、党员包户，在收获季节昼夜守护农田，确保不出现秸秆焚烧。', C.ENVIRONMENTAL_RECTIFICATION],
    ['背街小巷秩序', '县城管局请社区安排人员每日清理背街小巷的占道经营摊位，劝离流动摊贩。', C.CITY_MANAGEMENT],
    ['项目招引', '县投资促进局请各社区每季度至少引进一家外地企业来县投资，引进情况纳入社区年度考核。', C.INVESTMENT_ATTRACTION],
    ['医保费收取', '县医保局请网格员入户收取城乡居民医保个人缴费，统一解缴至税务部门账户。', C.TAX_ASSISTANCE],
    ['礼盒认购', '县农投公司请各村组织村民认购年货礼盒，每村完成认购300盒。', C.REVENUE_GENERATION],
    ['门店安全检查', '县应急管理局请社区每月对辖区小餐馆、小商店开展安全检查，对发现的隐患下达整改通知并复查销号。', C.PRODUCTION_SAFETY],
  ];
  it.each(cases)('%s → %s', (title, description, category) => {
    const f = negative(app({ title, description }));
    expect(f).toBeDefined();
    expect(f!.severity).toBe('BLOCKING');
    expect(f!.evidence[0].category).toBe(category);
  });

  it('names the county list item, its category, the phrases that matched and why', () => {
    const f = negative(app({ title: '秸秆禁烧值守', description: '县生态环境局请各村在田间地头设置值守点，安排村干部24小时值守，严防秸秆焚烧。' }))!;
    const e = f.evidence[0];
    expect(e).toMatchObject({ kind: 'ListItem', itemKey: 'FM-005', category: C.ENVIRONMENTAL_RECTIFICATION });
    expect(e.id).toBeTruthy();
    expect(e.phrases!.join('')).toMatch(/值守/);
    expect(e.label).toMatch(/FM-005/);
    expect(e.label).toMatch(/理由：/);
    expect(e.score).toBeGreaterThanOrEqual(1);
    expect(f.message).toMatch(/环境整治/);
  });

  it('blocks the county’s own negative items by their own words (FM-015 茶叶、竹产业)', () => {
    const f = negative(app({ title: '竹产业提质', description: '县林业局请竹区各村完成竹产业产值考核任务，年内竹产业产值增长15%。' }))!;
    expect(f.evidence[0].itemKey).toBe('FM-015');
  });

  it('catches the work however it is filed: a declared survey that collects tax sources', () => {
    const f = negative(
      app({
        category: 'STATISTICS_SURVEY',
        title: '个体户经营情况登记',
        description: '县税务局请社区逐户登记临街门店的月营业额和房租，作为税务部门核定定额税的依据。',
      }),
    )!;
    expect(f.evidence[0].category).toBe(C.TAX_ASSISTANCE);
  });

  it('a linked negative item is negative-list work', () => {
    const fm = CTX.listItems.find((i) => i.itemKey === 'FM-006')!;
    expect(blocking({ ...app({ title: '协助做好市容工作', description: '请社区协助做好辖区市容相关工作。' }), listItemId: fm.id })).toContain('NEGATIVE_LIST');
  });

  it('a negative category declared with nothing to show it is only assistance still blocks', () => {
    expect(
      blocking(app({ category: 'DEMOLITION', title: '协助开展高龄津贴资格认证', description: '每季度协助核实辖区内80周岁以上老年人生存状况。' })),
    ).toContain('NEGATIVE_LIST');
  });
});

describe('look-alikes are let through (and explained when they come close)', () => {
  const lookalikes: Array<[string, string, string]> = [
    ['宣传', '“安全生产月”宣传进村', '县应急管理局请各村（社区）在“安全生产月”期间悬挂宣传横幅，组织居民观看安全警示教育片，不要求村（社区）对企业开展检查。'],
    ['培训', '个税政策培训通知', '县税务局拟举办个税政策培训，请社区通知辖区居民参加，培训由税务人员授课，社区不代收税款。'],
    ['发现报告', '违建线索发现报告', '网格员在日常走访中发现新增违法建设的，及时报告乡镇综合行政执法队，由执法队核查并依法处置。'],
    ['劝导', '飞线充电劝导', '县消防救援大队请社区入户劝导居民拆除从楼上私拉到楼下的飞线充电线路，引导到集中充电桩充电。'],
    ['入户调查', '低保家庭收入核实', '县民政局请村（社区）入户调查低保申请家庭的收入和财产状况，如实记录并组织民主评议。'],
    ['组织动员', '医保参保动员', '县医保局请村（社区）动员未参保居民参加城乡居民医保，居民通过手机自行缴费，村（社区）不经手参保费用。'],
    ['辅助办理', '医保缴费帮办', '便民服务站为不会使用手机的老人指导完成医保线上缴费，资金由本人直接缴入税务部门账户。'],
    ['招商银行', '高龄津贴社保卡激活', '县民政局委托招商银行代发高龄津贴，请社区通知老人到招商银行网点激活社保卡。'],
    ['城管局', '城管进社区便民服务', '县综合行政执法局（城管局）每月在社区党群服务中心开展“城管进社区”便民服务，社区负责提供场地和通知居民。'],
    ['执法活动名称', '执法进社区普法', '县综合行政执法局开展“执法进社区”普法活动，由执法人员讲解文明养犬法规，社区组织居民参加。'],
    ['否定', '文明城市志愿服务', '县文明办请社区组织志愿者开展文明劝导，社区不承担路段值守，不参与占道经营清理和拆除。'],
    ['他方实施', '森林防火宣传', '县林业局请林区村张贴防火公告，劝阻野外违规用火，对违规用火的查处由县林业局执法人员负责。'],
    ['村民自治', '垃圾处理费议定', '县住建局请各村组织村民议定垃圾处理费收取办法，收取与否及标准由村民会议决定。'],
    ['已完成的事', '拆违后绿地认养', '县住建局对已依法拆除违法建筑后的空地实施绿化，请社区组织居民志愿者认领绿地并日常养护。'],
    // The community as the one criticised is an evaluation clause (COMMUNITY_ASSESSMENT), not a penalty it imposes.
    ['社区被通报', '困难群众走访', '县民政局请各村协助走访困难群众，了解需求并反馈。走访不到位的村将在全县通报批评。'],
    ['排名通报', '助残服务走访', '县残联请各社区走访重度残疾人家庭，了解护理需求，按季度排名，排名后三位的通报批评。'],
  ];
  it.each(lookalikes)('%s: 《%s》', (_, title, description) => {
    expect(blocking(app({ title, description }))).toEqual([]);
  });

  it('a negative category filed for publicity only is a warning that explains itself', () => {
    const found = run(
      app({
        category: 'PRODUCTION_SAFETY',
        title: '安全宣传咨询日科普集市',
        description: '县应急管理局在安全宣传咨询日当天设置应急科普集市，请社区协助提供场地、通知居民参加，讲解人员由县应急管理局派出。',
      }),
    );
    expect(found.filter((f) => f.severity === 'BLOCKING')).toEqual([]);
    const w = found.find((f) => f.code === 'NEGATIVE_LOOKALIKE')!;
    expect(w.severity).toBe('WARNING');
    expect(w.message).toMatch(/生产安全/);
    expect(w.message).toMatch(/宣传教育劝阻|组织动员/);
  });

  it('segmentation keeps names whole: 招商 is not found inside 招商银行, 执法 not inside 执法局', () => {
    const doc = buildDoc([{ part: 'description', text: '委托招商银行代发，县综合行政执法局派员讲解，开展招商引资' }], PROTECTED_NAMES);
    expect(findWord(doc, '招商')).toHaveLength(1);
    expect(findWord(doc, '执法')).toHaveLength(0);
  });
});

describe('generalising: the item is the application’s subject, the object of the act, a quota on a department’s act', () => {
  const category = (title: string, description: string) => negative(app({ title, description }))?.evidence[0].category ?? null;

  it('several items could match: a 清四乱 campaign’s 制止、收缴 and 清除 are river rectification, a river demolition alone is demolition', () => {
    expect(
      category(
        '小流域河道“四乱”整治',
        '县水利局请沿河各村巡河时对电鱼、偷采砂石的当场制止并收缴工具，对河道内乱搭的棚屋组织人员清除，“四乱”问题做到动态清零。',
      ),
    ).toBe(C.ENVIRONMENTAL_RECTIFICATION);
    expect(category('河道违法建筑清理', '县水利局请沿河村督促当事人拆除河道管理范围内违法修建的棚屋和钓鱼台，逾期不拆的由村组织人员拆除。')).toBe(C.DEMOLITION);
  });

  it('an audit of enterprises is what it audits: social-insurance fees are tax assistance, safety is production safety', () => {
    expect(category('企业参保缴费核查', '县人社局请社区逐户核对辖区企业的参保人数和缴费基数，对少报基数的企业督促其补缴社会保险费和滞纳金。')).toBe(
      C.TAX_ASSISTANCE,
    );
    expect(category('企业安全生产检查', '县应急管理局请社区逐户检查辖区企业的消防器材和安全出口，对存在隐患的督促其限期整改。')).toBe(C.PRODUCTION_SAFETY);
    expect(category('工伤保险参保稽核', '请社区配合稽核建筑施工企业工伤保险参保情况，对未参保的下发《限期参保缴费通知书》。')).toBe(C.TAX_ASSISTANCE);
  });

  it('the act decides between two money items: 代收 a fee is FM-008, chasing a company’s arrears FM-009', () => {
    expect(category('有线电视费代收', '县广电公司委托各村代收有线电视收视费，代收款每月交公司营业厅。')).toBe(C.TAX_ASSISTANCE);
    expect(category('物业费清欠', '请社区协助物业服务企业逐户上门催缴业主拖欠的物业费，清欠率与社区考核挂钩。')).toBe(C.REVENUE_GENERATION);
  });

  it('a quota on a department’s own act is that act’s item, however neutral the prose around it', () => {
    expect(category('老旧柴油车淘汰', '县生态环境局将老旧柴油货车淘汰任务分解到各社区，每个社区年内淘汰不少于8辆。')).toBe(C.ENVIRONMENTAL_RECTIFICATION);
    expect(category('闲置厂房利用', '社区登记辖区闲置厂房的面积和产权人，每个社区全年落地企业数不少于2家、引进项目数不少于1个。')).toBe(
      C.INVESTMENT_ATTRACTION,
    );
    expect(category('违法用地图斑整改', '本月底前图斑全部销号，请各村组织农户拆除违法占地上的建（构）筑物，恢复耕种条件。')).toBe(C.DEMOLITION);
    expect(category('飞地经济', '请各村对接沿海企业，每村年内至少促成1家企业来村设立生产基地。')).toBe(C.INVESTMENT_ATTRACTION);
    expect(category('经营性收入“破零”', '无经营性收入的村年内必须实现经营性收入“破零”，确保达到3万元以上。')).toBe(C.REVENUE_GENERATION);
    expect(category('金融服务站推广', '请村“两委”协助推广信用卡和手机银行，每村年内新增开户不少于200户。')).toBe(C.REVENUE_GENERATION);
  });

  it('a dust-control patrol of construction sites is environmental work, not construction safety', () => {
    expect(category('建筑工地扬尘防治', '各社区对辖区建筑工地实行网格化监管，每日巡查围挡、喷淋、车辆冲洗设施，对裸土未覆盖的督促施工单位立即整改。')).toBe(
      C.ENVIRONMENTAL_RECTIFICATION,
    );
  });

  const lookalikes: Array<[string, string, string]> = [
    ['名称：拆迁安置小区', '安置小区业主大会筹备', '锦江拆迁安置小区交付已满两年，县住房城乡建设局请社区指导业主成立业主大会筹备组。'],
    ['名称：住房城乡建设局', '加装电梯协商', '县住房城乡建设局请社区组织有意愿的单元业主协商加装电梯，调解邻里矛盾。'],
    ['消费 is no fee', '消费维权服务站', '社区登记居民的消费投诉，按规定转交县市场监管局处理。'],
    ['居民会议自定、自用的收费', '停车位收费议定', '社区居委会组织召开居民会议，由居民议定公共停车位的收费标准，收取的停车费用于小区公共设施维护。'],
    ['居民自查', '家庭安全自查', '社区向居民发放自查清单，指导居民自行检查家中燃气、电器和消防器材。'],
    ['党费', '党费收缴', '社区党组织每月收缴党员党费，按季度上交街道党工委。'],
    ['罚没物品（名词）', '罚没物品拍卖公告', '县财政局将依法罚没的车辆委托拍卖公司拍卖，请社区张贴拍卖公告。'],
    ['听取意见', '市容管理座谈', '执法中队每季度到社区听取居民对市容管理的意见，社区召集居民代表参加。'],
    ['维修资金', '维修资金表决', '社区指导业主委员会组织业主对动用电梯专项维修资金进行表决。'],
    ['人才不是招商', '返乡人才登记', '县人社局请各村年内引进返乡创业人才不少于2名，登记后报县人社局。'],
    ['纳税人满意度', '纳税服务评价', '县税务局请社区张贴评价二维码，纳税人满意度达到90%以上的给予表扬。'],
    ['入驻社会组织', '社会组织培育', '社区党群服务中心年内入驻社会组织不少于3家，为居民提供服务。'],
    ['宣传品的数量', '征兵宣传', '请各村（社区）张贴征兵宣传海报不少于5张，通知适龄青年完成兵役登记。'],
    ['陪同指认', '图斑现场指认', '请相关村安排熟悉情况的干部陪同核查人员到现场指认图斑位置，核查认定和查处由县自然资源局负责，村不承担拆除和销号任务。'],
  ];
  it.each(lookalikes)('look-alike, %s: 《%s》', (_, title, description) => {
    expect(blocking(app({ title, description }))).toEqual([]);
  });
});

describe('NEGATIVE_AS_PURCHASE', () => {
  it('trips on negative-list work bought as a service, and says so instead of NEGATIVE_LIST', () => {
    const a = app({
      kind: 'PURCHASE_OF_SERVICE',
      title: '禁渔期护渔服务',
      description: '县农业农村局拟向沿江村购买护渔服务，巡护队夜间巡江，对电鱼人员当场没收渔具。',
      evaluation: '按合同约定的巡护次数结算',
    });
    expect(blocking(a)).toEqual(['NEGATIVE_AS_PURCHASE']);
    expect(negative(a)!.evidence[0].category).toBe(C.LAW_ENFORCEMENT);
  });
  it('passes a legitimate purchase', () => {
    expect(
      blocking(
        app({
          kind: 'PURCHASE_OF_SERVICE',
          title: '老年助餐服务',
          description: '县民政局拟向社区购买老年助餐服务，社区负责就餐登记和送餐组织。',
          evaluation: '依据合同约定的供餐人次和满意度测评结算',
        }),
      ),
    ).toEqual([]);
  });
});

describe('PURCHASE_NEEDS_QUALIFICATION and PROFESSIONAL_WORK', () => {
  it('a purchase of professional work trips by its text even without the flag', () => {
    const a = app({
      kind: 'PURCHASE_OF_SERVICE',
      title: '自建房安全鉴定服务',
      description: '县住建局拟向各村购买经营性自建房安全鉴定服务，由村组织对房屋结构进行评估并出具鉴定结论。',
      evaluation: '按合同约定结算',
    });
    expect(blocking(a)).toContain('PURCHASE_NEEDS_QUALIFICATION');
  });
  it('professional work filed as ordinary assistance blocks', () => {
    expect(blocking(app({ title: '慢病用药调整', description: '县卫生健康局请社区工作人员每月上门为高血压老人测量血压，并根据血压调整用药剂量。' }))).toContain(
      'PROFESSIONAL_WORK',
    );
  });
  it('professional work done by the professionals is fine: 免疫注射由兽医人员实施', () => {
    expect(
      blocking(
        app({ title: '春季免疫通知', description: '县农业农村局请各村通知养殖户做好准备，免疫注射由乡镇畜牧兽医站兽医人员实施，村不承担注射和出具免疫证明。' }),
      ),
    ).toEqual([]);
  });
});

describe('NO_LEGAL_BASIS and LEGAL_BASIS_UNVERIFIED: a basis that is a basis', () => {
  it.each(['无', '', '县领导会议要求', '上级通知精神', '市公安局工作推进会精神', '工作需要', '领导批示'])('“%s” is no basis', (b) => {
    expect(blocking(app({ title: '文化墙绘制', description: '请各村（社区）在主干道沿线绘制文化墙并报送照片。', legalBasis: [b] }))).toContain(
      'NO_LEGAL_BASIS',
    );
  });
  it('a document number without its serial is defective, not a basis', () => {
    const c = parseCitation('县乡村振兴领导小组办公室通知（青乡振办〔2026〕号）');
    expect(c.verdict).toBe('DEFECTIVE');
    expect(blocking(app({ title: '院坝会记录报备', description: '每村每月召开一次院坝会并报送会议记录。', legalBasis: [c.raw] }))).toContain('NO_LEGAL_BASIS');
  });
  it('parses titles, articles and document numbers; catalogued laws are bases', () => {
    const c = parseCitation('《中华人民共和国村民委员会组织法》第三十条');
    expect(c).toMatchObject({ verdict: 'BASIS', titles: ['中华人民共和国村民委员会组织法'], articles: ['第三十条'] });
    expect(c.law!.kind).toBe('LAW');
    expect(parseCitation('《政府购买服务管理办法》（财政部令第102号）')).toMatchObject({ verdict: 'BASIS', documentNumbers: ['财政部令第102号'] });
    expect(parseCitation('中华人民共和国社会保险法').verdict).toBe('BASIS');
    expect(parseCitation('川民发〔2021〕12号').verdict).toBe('UNVERIFIED');
  });
  it('an uncatalogued title is a basis the reviewer confirms (warning)', () => {
    const found = run(
      app({ title: '文明实践活动', description: '请社区每月组织一次文明实践志愿服务活动。', legalBasis: ['《青衣县新时代文明实践工作实施方案》'] }),
    );
    expect(found.find((f) => f.code === 'NO_LEGAL_BASIS')).toBeUndefined();
    expect(found.find((f) => f.code === 'LEGAL_BASIS_UNVERIFIED')!.severity).toBe('WARNING');
  });
  it('a cited list item lends its basis: LISTED_ASSISTANCE with only the list reference', () => {
    const basis = assessLegalBasis(['青衣县村（社区）协助办理事项清单XZ-002'], new Set(CTX.listItems.map((i) => i.itemKey)));
    expect(basis.hasBasis).toBe(true);
    expect(
      blocking(
        app({
          kind: 'LISTED_ASSISTANCE',
          category: 'SOCIAL_ASSISTANCE',
          title: '急难对象发现报告',
          description: '请村（社区）在走访中发现遭遇急难的困难群众，协助其提出临时救助申请。',
          legalBasis: ['青衣县村（社区）协助办理事项清单XZ-002'],
        }),
      ),
    ).toEqual([]);
  });
});

describe('LISTED_ITEM_MISSING / NOT_LINKED / MISMATCH: listed assistance names its item', () => {
  const xz = (key: string) => CTX.listItems.find((i) => i.itemKey === key)!;
  it('linked by id, the item’s basis is the application’s (no basis of its own needed)', () => {
    expect(
      codes({
        ...app({ kind: 'LISTED_ASSISTANCE', title: '高龄津贴申请受理', description: '协助受理高龄津贴申请并公示名单。', legalBasis: [] }),
        listItemId: xz('XZ-003').id,
      }),
    ).not.toContain('NO_LEGAL_BASIS');
  });
  it('not linked but like an item: a warning naming the likely item', () => {
    const f = run(app({ kind: 'LISTED_ASSISTANCE', title: '兵役登记通知', description: '协助通知适龄男性公民进行兵役登记，宣传征兵政策。' })).find(
      (x) => x.code === 'LISTED_ITEM_NOT_LINKED',
    )!;
    expect(f.severity).toBe('WARNING');
    expect(f.message).toMatch(/XZ-007/);
  });
  it('not linked and like nothing on the list: blocking', () => {
    expect(blocking(app({ kind: 'LISTED_ASSISTANCE', title: '书香家庭推荐', description: '每个村（社区）推荐书香家庭两户，报送藏书照片。' }))).toContain(
      'LISTED_ITEM_MISSING',
    );
  });
  it('linked to an item that is not on the assistance list: blocking', () => {
    expect(
      blocking({
        ...app({ kind: 'LISTED_ASSISTANCE', title: '换届选举', description: '组织村民委员会换届选举。' }),
        listItemId: CTX.listItems.find((i) => i.listType === 'DUTY')!.id,
      }),
    ).toContain('LISTED_ITEM_MISSING');
  });
});

describe('ONE_VOTE_VETO in paraphrase', () => {
  it.each([
    '出现越级上访的村（社区），年度综合考核实行“一票否决”',
    '辖区新发现吸毒人员的社区，当年平安建设考核实行“一票否优”',
    '未完成征兵任务的村，年度目标考核直接确定为“较差”等次',
    '发生森林火灾的村，取消当年评先评优资格',
    '本项工作考核不合格的，村（社区）年度综合考核一律定为不合格',
    '出现赴省进京上访的，年度目标考核实行否决',
  ])('%s', (evaluation) => {
    expect(blocking(app({ title: '矛盾纠纷排查', description: '协助开展矛盾纠纷排查。', evaluation }))).toContain('ONE_VOTE_VETO');
  });
  it.each(['普查工作不纳入村（社区）综合考核，不搞一票否决', '按通知完成情况对本项工作单项评价，不与村（社区）综合考核挂钩'])('no veto: %s', (evaluation) => {
    expect(findVeto(evaluation, '')).toEqual([]);
  });
});

describe('TARGET_ASSESSMENT (purchases) and COMMUNITY_ASSESSMENT (others)', () => {
  const purchase = (evaluation: string) =>
    app({ kind: 'PURCHASE_OF_SERVICE', title: '社区助老服务', description: '县民政局拟向社区购买独居老人探访服务。', evaluation });
  it.each([
    '按季度量化考核打分并全县排名通报',
    '实行百分制目标考核，每扣1分扣减服务费500元',
    '纳入社区年度绩效考核，与社区干部绩效奖金挂钩',
    '排名末位的社区约谈社区党组织书记',
  ])('blocks a purchase judged by %s', (ev) => {
    expect(blocking(purchase(ev))).toContain('TARGET_ASSESSMENT');
  });
  it('passes a purchase judged by its contract', () => {
    expect(blocking(purchase('依据合同约定的探访频次、服务记录和满意度测评结算，不纳入对社区的目标考核'))).toEqual([]);
    expect(findTargetAssessment('按合同约定的服务人次和满意度结算', '')).toEqual([]);
  });
  it('an assistance item that ranks communities gets a warning', () => {
    const f = run(app({ title: '防诈宣传', description: '协助开展防范电信网络诈骗宣传。', evaluation: '宣传完成情况每月全县排名通报' })).find(
      (x) => x.code === 'COMMUNITY_ASSESSMENT',
    )!;
    expect(f.severity).toBe('WARNING');
  });
});

describe('FUNDING_INSUFFICIENT (事费配套) and NO_FUNDING (费随事转)', () => {
  const heavy = {
    title: '困难群众动态排查',
    description: '每月入户排查困难群众生活状况。',
    ledgers: [{ name: '排查台账', frequency: 'MONTHLY', minutesPerFiling: 520, format: 'ELECTRONIC' }],
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
  };
  it('1 yuan for 12,376 hours a year is flagged with the figures', () => {
    const a = app({ ...heavy, fundingAmount: 1 });
    expect(a.burdenHoursPerYear).toBe(12376);
    const f = run(a).find((x) => x.code === 'FUNDING_INSUFFICIENT')!;
    expect(f.severity).toBe('WARNING');
    expect(f.message).toMatch(/12376/);
    expect(f.message).toMatch(/20 元\/小时/);
  });
  it('enough funding, or the check turned off, passes', () => {
    expect(codes(app({ ...heavy, fundingAmount: 300000 }))).not.toContain('FUNDING_INSUFFICIENT');
    expect(codes(app({ ...heavy, fundingAmount: 1 }), demoRuleContext(0))).not.toContain('FUNDING_INSUFFICIENT');
  });
  it('no funding at all is NO_FUNDING, not both', () => {
    const found = codes(app({ ...heavy, fundingAmount: 0 }));
    expect(found).toContain('NO_FUNDING');
    expect(found).not.toContain('FUNDING_INSUFFICIENT');
  });
});

describe('SUPPORT_MISSING (权随责走)', () => {
  it('warns when neither people nor guidance come with the task', () => {
    expect(codes(app({ title: '兵役登记通知', description: '协助通知适龄男性公民进行兵役登记。', trainingSupport: null }))).toContain('SUPPORT_MISSING');
  });
  it('counts support described in the text', () => {
    expect(codes(app({ title: '普查入户', description: '协助普查员入户登记，普查员由县普查办选派。', trainingSupport: null }))).not.toContain(
      'SUPPORT_MISSING',
    );
    expect(
      codes(app({ title: '兵役登记通知', description: '协助通知适龄男性公民进行兵役登记。', trainingSupport: null, personnelSupport: '县人武部派员指导' })),
    ).not.toContain('SUPPORT_MISSING');
  });
});

describe('REWORDED_AFTER_BLOCK and the text diff', () => {
  const before = {
    at: '2026-05-02T00:00:00.000Z',
    title: '私搭乱建清理',
    description: '逾期未清理的由社区组织施工队统一拆除。',
    evaluation: null,
    findings: [{ code: 'NEGATIVE_LIST', message: '属于工作负面事项', evidence: ['负面清单 FM-003'] }],
  };
  it('an edited application that was blocked shows the previous findings', () => {
    const f = run({ ...app({ title: '违建线索发现报告', description: '发现私搭乱建的及时报告乡镇综合执法队，由执法队依法处置。' }), lastBlocked: before }).find(
      (x) => x.code === 'REWORDED_AFTER_BLOCK',
    )!;
    expect(f.severity).toBe('WARNING');
    expect(f.message).toMatch(/NEGATIVE_LIST（属于工作负面事项）/);
    expect(f.evidence[0].label).toMatch(/NEGATIVE_LIST/);
  });
  it('unchanged text draws no rewording finding', () => {
    expect(codes({ ...app({ title: before.title, description: before.description }), lastBlocked: before })).not.toContain('REWORDED_AFTER_BLOCK');
  });
  it('diffs by words', () => {
    expect(textDiff('由社区组织拆除', '由社区报告执法队')).toEqual([
      { op: 'EQUAL', text: '由社区' },
      { op: 'DELETE', text: '组织拆除' },
      { op: 'INSERT', text: '报告执法队' },
    ]);
  });
});

describe('reviewers tune the county: vocabulary and decisions', () => {
  const withItem = (key: string, add: Partial<ListItemFacts>): RuleContext => ({
    ...CTX,
    listItems: CTX.listItems.map((i) => (i.itemKey === key ? { ...i, ...add } : i)),
  });
  const miss = app({ title: '“两违”巡控', description: '县住建局请各社区将辖区划分为若干网格，由网格员负责“两违”巡控，每周报送巡控台账。' });
  it('a miss: not blocked by the shipped model, blocked once a reviewer gives FM-003 a trigger phrase', () => {
    expect(blocking(miss)).toEqual([]);
    const f = negative(miss, withItem('FM-003', { triggerPhrases: ['两违巡控'] }))!;
    expect(f.evidence[0]).toMatchObject({ itemKey: 'FM-003' });
    expect(f.evidence[0].label).toMatch(/审核触发词/);
  });
  it('…or an example sentence like it', () => {
    const ctx = withItem('FM-003', { examples: ['由网格员负责“两违”巡控，每周报送巡控台账'] });
    expect(negative(miss, ctx)!.evidence[0].label).toMatch(/审核例句/);
  });
  it('a false block: let through once the sentence is a counter-example', () => {
    const shed = app({
      title: '清理废弃养殖棚',
      description: '县农业农村局请各村组织村民清理河道边已废弃多年的养殖棚，改善人居环境，清理费用由县农业农村局补助。',
    });
    expect(blocking(shed)).toContain('NEGATIVE_LIST');
    expect(blocking(shed, withItem('FM-003', { counterExamples: ['各村组织村民清理河道边已废弃多年的养殖棚，改善人居环境'] }))).toEqual([]);
  });
  it('an override turns the block into a warning while the text is unchanged; a miss adds the block', () => {
    const shed = app({ title: '清理废弃养殖棚', description: '县农业农村局请各村组织村民清理河道边已废弃多年的养殖棚，改善人居环境。' });
    const base = { id: 1, listItemId: null, reason: '废弃设施清理属人居环境自治', reviewer: '审核人员', decidedAt: '2026-05-03T00:00:00Z' };
    const overridden = applyReviews(shed, [{ ...base, kind: 'OVERRIDE', code: 'NEGATIVE_LIST', textHash: textHash(shed) }], run(shed));
    expect(overridden.filter((f) => f.severity === 'BLOCKING')).toEqual([]);
    expect(overridden.find((f) => f.code === 'REVIEWER_OVERRIDE')!.message).toMatch(/废弃设施清理/);
    const changed = applyReviews(shed, [{ ...base, kind: 'OVERRIDE', code: 'NEGATIVE_LIST', textHash: 'other text' }], run(shed));
    expect(changed.map((f) => f.code)).toContain('NEGATIVE_LIST');
    const caught = applyReviews(miss, [{ ...base, kind: 'MISSED', code: 'NEGATIVE_LIST', textHash: textHash(miss) }], run(miss));
    expect(caught.find((f) => f.code === 'NEGATIVE_LIST')!.severity).toBe('BLOCKING');
  });
});

describe('determinism', () => {
  it('the same application gets the same findings every time', () => {
    const a = () => app({ title: '门店安全检查', description: '县应急管理局请社区每月对辖区小餐馆开展安全检查，对隐患下达整改通知。' });
    expect(JSON.stringify(run(a()))).toBe(JSON.stringify(run(a())));
  });
});

describe('the examples issue 14 was filed with', () => {
  const missed: Array<[string, string]> = [
    ['代收代缴有线电视费', '县广电网络公司委托社区每年代收代缴有线电视费，代收款月底前交公司营业厅。'],
    ['秸秆禁烧值守（FM-005，换一种说法）', '夏收期间各村在田边设点轮流看守，严防群众焚烧秸秆，出现火点的村扣减考核分。'],
    ['上门收取医保费', '请网格员逐户上门收取城乡居民医保个人缴费，并统一存入指定账户。'],
    ['协助税务督促房东缴税', '请社区协助税务部门督促房东依法缴纳房产税，对拒不缴纳的报告税务所。'],
    ['九小场所消防检查', '请社区每月对辖区“九小场所”开展消防安全检查，对不合格的下达整改通知。'],
    ['棚改房屋征收入户动员', '请社区入户动员棚改范围内的被征收户按期签订补偿协议并腾房。'],
    ['河道巡查扣留工具', '请沿河村组织巡河员巡查非法采砂，发现后扣留采砂工具并交县水利局。'],
    ['燃气入户检查责令停用', '请社区入户检查居民燃气软管，对不合格的责令立即停用。'],
    ['小作坊食品检查取缔', '请各村对食品小作坊开展检查，对无证生产的予以取缔。'],
    ['土地流转面积任务', '请各村加快土地流转，每村年内新增流转面积不少于300亩，纳入年度考核。'],
  ];
  it.each(missed)('blocks %s', (title, description) => {
    expect(blocking(app({ title, description }))).toContain('NEGATIVE_LIST');
  });
  it.each([
    ['安全生产月宣传', '在安全生产月期间张贴宣传海报，组织居民观看警示教育片。'],
    ['招商银行代发高龄津贴', '高龄津贴由招商银行代发，社区协助通知老人到招商银行网点领取。'],
    ['劝导拆除飞线充电', '社区入户劝导居民拆除私拉的飞线充电线路。'],
  ])('lets %s through', (title, description) => {
    expect(blocking(app({ title, description }))).toEqual([]);
  });
  it('“无” and “县领导在会上的要求” are no legal basis', () => {
    expect(blocking(app({ title: '庭院评比', description: '每月组织一次庭院评比。', legalBasis: ['无'] }))).toContain('NO_LEGAL_BASIS');
    expect(blocking(app({ title: '庭院评比', description: '每月组织一次庭院评比。', legalBasis: ['县领导在会上的要求'] }))).toContain('NO_LEGAL_BASIS');
  });
  it('“一票否优” and “直接定为不合格” are a one-vote veto', () => {
    expect(blocking(app({ title: '禁毒宣传', description: '协助开展禁毒宣传。', evaluation: '发现吸毒人员的社区当年考核一票否优' }))).toContain(
      'ONE_VOTE_VETO',
    );
    expect(blocking(app({ title: '征兵宣传', description: '协助开展征兵宣传。', evaluation: '未完成任务的村年度考核直接定为不合格' }))).toContain(
      'ONE_VOTE_VETO',
    );
  });
  it('“综合打分扣减经费” is not a purchased service judged by its contract', () => {
    expect(
      blocking(
        app({
          kind: 'PURCHASE_OF_SERVICE',
          title: '社区助老服务',
          description: '县民政局拟向社区购买独居老人探访服务。',
          evaluation: '每季度综合打分，得分低的扣减经费',
        }),
      ),
    ).toContain('TARGET_ASSESSMENT');
  });
  it('LISTED_ASSISTANCE without a list item draws a finding', () => {
    expect(
      codes(app({ kind: 'LISTED_ASSISTANCE', title: '高龄津贴申请受理', description: '协助受理高龄津贴申请并公示名单。' })).some((c) =>
        c.startsWith('LISTED_ITEM_'),
      ),
    ).toBe(true);
  });
});
