/**
 * The negative list as data (工作负面事项): for each category the policy names (省意见
 * 二（四）：行政执法、拆迁拆违、环境整治、城市管理、招商引资、协税护税、经济创收、生产安全),
 * the actions by which a department hands its own power or duty to a community, with the
 * objects that make an action prohibited, and the topics that tell the categories apart.
 *
 * A pattern fires on a clause where the community is the one asked to act, the action is
 * not negated (社区不参与拆除), and — unless `frameProof` — it is not only the content of
 * publicity, training, a reminder or a report (宣传禁止焚烧规定, 发现违建线索及时报告).
 *
 * Weights: 1.0 decides on its own (责令, 罚款, 组织拆除违建, 代收医保费, 引进企业…);
 * lesser weights add up with other evidence (巡查 of 工地, 产值增长目标…). An application
 * is blocked when one negative item's evidence reaches 1.0.
 *
 * Reviewers tune the county's own items through their trigger phrases, examples and
 * counter-examples (ListItem.triggerPhrases / examples / counterExamples, versioned with
 * the lists); this file is the shipped model of the policy every county shares.
 */
import { WorkCategory as C } from '../../../catalogue/work-category';

export type NegativeCategory =
  | C.LAW_ENFORCEMENT
  | C.DEMOLITION
  | C.ENVIRONMENTAL_RECTIFICATION
  | C.CITY_MANAGEMENT
  | C.INVESTMENT_ATTRACTION
  | C.TAX_ASSISTANCE
  | C.REVENUE_GENERATION
  | C.PRODUCTION_SAFETY;

export const NEGATIVE_CATEGORY_LIST: NegativeCategory[] = [
  C.LAW_ENFORCEMENT,
  C.DEMOLITION,
  C.ENVIRONMENTAL_RECTIFICATION,
  C.CITY_MANAGEMENT,
  C.INVESTMENT_ATTRACTION,
  C.TAX_ASSISTANCE,
  C.REVENUE_GENERATION,
  C.PRODUCTION_SAFETY,
];

export interface ActionPattern {
  /** Stable id, shown in evidence. */
  id: string;
  /**
   * The category the action proves, or several: the one the text's topics favour wins
   * (the first when the text has none of their topics). 拆除 is demolition for 违建,
   * city management for 广告牌; 责令整改 is whatever the inspected thing is about.
   */
  categories: NegativeCategory[];
  /** Words (matched on word boundaries) or a pattern over the clause. */
  verbs?: string[];
  regex?: RegExp;
  /** Where the regex is matched: each clause (default) or each sentence (a target spanning clauses). */
  regexScope?: 'clause' | 'sentence';
  /** One of these must appear in the same clause (`clause`), sentence, or anywhere in the text (`doc`). */
  objects?: string[];
  objectScope?: 'clause' | 'sentence' | 'doc';
  /** Or a pattern the scope's text must contain (for open classes such as 旧房、柴棚、院墙). */
  objectPattern?: RegExp;
  /** Words that, in the same clause, show the pattern does not apply (拆除飞线 is not demolition). */
  unless?: RegExp;
  /** What may not follow a word match (执法 in 执法行为、执法监督 is a noun, not an action). */
  notBefore?: RegExp;
  /**
   * A target imposed on the community (指标, 任务数): counts whoever enforces it (未达标的村由
   * 乡镇约谈 still imposes the target on the village) and whatever frames it; only negation undoes it.
   */
  quota?: boolean;
  weight: number;
  /** Not undone by a publicity or report frame (explicit orders, coercion, mobilising people to sign). */
  frameProof?: boolean;
  /** Why it is negative-list work, for the evidence (Chinese). */
  why: string;
}

/** Categories a generic exercise of administrative power can belong to, by what it is about. */
const ANY: NegativeCategory[] = [
  C.LAW_ENFORCEMENT,
  C.CITY_MANAGEMENT,
  C.DEMOLITION,
  C.ENVIRONMENTAL_RECTIFICATION,
  C.PRODUCTION_SAFETY,
  C.TAX_ASSISTANCE,
  C.REVENUE_GENERATION,
  C.INVESTMENT_ATTRACTION,
];

/** Things a department regulates or inspects: inspecting them is its power (行政检查). */
const REGULATED = [
  '企业', '小微企业', '生产经营单位', '经营单位', '用人单位', '单位', '经营户', '个体工商户', '商户', '门店', '店铺', '商铺', '经营者', '经营场所', '场所', '九小场所', '三小场所', '“九小”场所', '“三合一”场所',
  '作坊', '小作坊', '加工点', '小加工点', '厂', '工厂', '厂房', '仓库', '工地', '建筑工地', '施工现场', '在建农房', '施工', '脚手架', '建筑工匠', '零售点', '销售点', '加油站', '加气站', '液化气', '供应点', '气瓶', '燃气', '燃气软管', '软管', '报警装置', '报警器', '切断阀',
  '餐饮场所', '餐饮店', '小餐饮', '食杂店', '小食杂店', '小卖部', '农村超市', '饭店', '农家乐', '民宿', '旅游点', '游乐设施', '观光车', '水上项目', '特种设备', '电梯', '锅炉', '危化品', '危险化学品', '烟花爆竹', '易燃易爆', '有限空间', '渣土车', '运输车辆',
  '营业执照', '证照', '许可证', '明码标价', '价格标签', '计量器具', '食品经营许可证', '健康证明', '健康证', '票据', '进货票据', '采购票据', '留样', '食品留样', '消防器材', '疏散通道', '安全出口', '消防设施', '存储限量', '防火间距', '储存',
  '围挡', '覆盖', '冲洗设施', '裸露土地', '排污', '排污口', '污染源', '散乱污', '网吧', '药店', '诊所', '校外培训机构', '群租房', '犬只', '养犬人', '车辆', '车牌', '砖厂', '采石场', '石场', '矿山', '养殖场', '规模养殖场', '爆破器材', '民爆', '边坡', '尾矿库', '砂石场', '煤矿', '污水井', '化粪池', '作业现场', '作业单位', 'KTV', '歌厅', '农机', '拖拉机', '收割机', '联合收割机', '农业机械', '渔船', '船舶', '校车', '人员密集场所', '商场', '超市', '便利店', '宾馆', '酒店', '浴室', '足浴', '美容美发', '理发店', '棋牌室', '茶馆', '麻将馆', '游戏厅', '电影院', '印刷厂', '快递网点', '物流园', '冷库', '屠宰场', '屠宰点', '采砂场', '油库', '充电站', '维修店', '汽修厂', '洗车店', '废品收购站', '医疗机构', '医美', '养老机构', '托育机构', '民办学校', '培训学校', '驾校', '客运站', '烟花爆竹零售点', '经营许可证', '卫生许可证', '从业资格', '餐馆', '小餐馆', '小旅馆', '旅馆', '小商店', '灭火器', '办学许可证', '培训机构', '油烟净化设施', '排口', '堆场', '搅拌站',
];

/** Buildings and structures (demolition and clearance). */
const STRUCTURES = [
  '违法建筑', '违章建筑', '违法建设', '违规建设', '违法建房', '违章建房', '违建', '违章', '私搭乱建', '乱搭乱建', '违法搭建', '违规搭建', '违法用地', '大棚房', '看护房', '管理用房',
  '房屋', '住房', '危房', '危旧房', '危旧房屋', '农房', '建筑', '建筑物', '构筑物', '棚房', '临时棚房', '窝棚', '圈舍', '围墙', '附着物', '地上附着物', '青苗', '林木', '搭建物', '阳台', '楼顶', '雨棚', '简易房', '铁皮房', '违建房',
];

/** Money taken from people: taxes, social insurance premiums, fees. */
const TAXES = [
  '税', '税款', '税费', '税收', '个人所得税', '个税', '房产税', '契税', '耕地占用税', '城镇土地使用税', '增值税', '印花税', '车船税', '欠税', '涉税',
  '社会保险费', '社保费', '滞纳金', '两费', '住房公积金', '公积金', '养老保险费', '基本养老保险费', '医疗保险费', '医保费', '基本医疗保险费', '城乡居民医保费', '居民医保费', '保险费', '保费', '参保费', '参保费用', '个人缴费', '缴费', '残疾人就业保障金', '就业保障金', '保障金', '工会经费', '教育费附加', '水利建设基金',
];
const FEES = [
  '费', '费用', '收费', '有线电视费', '收视费', '电视费', '水费', '电费', '燃气费', '气费', '物业费', '卫生费', '垃圾处理费', '污水处理费', '管理费', '服务费', '停车费', '承包费', '租金', '房租', '欠款', '欠费', '贷款', '罚款',
];

/** Numbers with a measure: a target (不少于2个, 500亩以上, 增长20%, 5万元). */
const NUMBER_TARGET = '(\\d+(\\.\\d+)?\\s*(%|％|个|家|户|亩|万元|亿元|元|套|份|盒|箱|件|张|单|处|项|起|栋|间|吨|人|名|次|条|平方米|万)|[一二两三四五六七八九十百千万]+(个|家|户|亩|套|处|项|起|万元))';
const TARGET_WORDS = `(不少于|不低于|不得低于|达到|以上|全部达到|完成|确保|力争|任务|指标|目标|增长|提高到|提升到|${NUMBER_TARGET})`;

/**
 * A target put on the community for an act that is the department's own (淘汰不少于10辆,
 * 落地企业数不少于3家, 淘汰任务分解到社区, 图斑全部销号): the act's category is the quota's.
 * What is counted must be the act, not publicity or service around it (张贴海报不少于5张).
 */
const QUOTA_FRAME = `((不少于|不低于|不得低于|至少|达到|完成|确保|力争)\\s*\\d+(\\.\\d+)?\\s*(%|％|个|家|户|亩|辆|台|处|项|起|栋|间|吨|人|名|次|条|平方米|万元|元)?|\\d+\\s*(%|％)以上|任务数|指标数|(全部|动态|按期|限期)?销号|(动态)?清零)`;
const QUOTA_TASK = '(任务|指标|目标)[^。；]{0,12}(分解|下达|分配|落实|压实)(到|至|给)';
const QUOTA_NOT_THE_ACT = /宣传|海报|张贴|走访|培训|演练|活动|通知|讲座|慰问|报名|参加|志愿|岗位|就业|招聘|体检|签约服务|家庭医生/;
function quotaOn(acts: string): RegExp {
  return new RegExp(`(${acts})[^，。；]{0,10}?${QUOTA_FRAME}|(${acts})[^，。；]{0,6}?${QUOTA_TASK}|(不少于|不低于|至少|确保|力争|完成)[^，。；]{0,4}?(${acts})[^，。；]{0,3}?\\d+|(不少于|不低于|至少|力争|完成)[^，。；]{0,4}?\\d+[^，。；]{0,8}?(${acts})`);
}
const QUOTA_ACTS: Array<{ id: string; category: NegativeCategory; acts: string; why: string }> = [
  { id: 'QUOTA_ENV', category: C.ENVIRONMENTAL_RECTIFICATION, acts: '淘汰|关停|关闭|取缔|禁烧|火点|搬迁关闭', why: '把淘汰、关停等环境整治任务按数量分解给村（社区），是下达环境整治任务和考核指标' },
  { id: 'QUOTA_DEMOLITION', category: C.DEMOLITION, acts: '拆除|拆违|腾退|腾房|清表|交地|图斑|违法用地|违法占地|违建', why: '把拆除、腾退、图斑销号等拆违任务按数量或期限压给村（社区）' },
  { id: 'QUOTA_INVESTMENT', category: C.INVESTMENT_ATTRACTION, acts: '引进(?![^，。；]{0,6}(人才|技术|品种|良种|专家|志愿|医生|教师))|招引(?![^，。；]{0,6}人才)|(企业|项目|商户|商家|主体)落地|落地(企业|项目)|(企业|商户|商家|项目)入驻|入驻(企业|商户|商家)|招商|投资额|到位资金|投资线索|招商线索|项目线索|签约项目|项目签约|新增(注册)?企业|新增市场主体|新设企业|注册企业|规上企业|企业培育|培育(规上)?企业|个转企|转型升级为企业|小升规|促成(?=[^，。；]{0,6}(企业|项目|投资|客商))', why: '落地企业数、引进项目数、投资线索数等是招商引资指标' },
  { id: 'QUOTA_TAX', category: C.TAX_ASSISTANCE, acts: '代收|代征|征缴|清欠|催缴|缴税|纳税(?!人|服务|信用)|补缴|缴存单位|新增缴存', why: '代收、催缴、清欠税费的数量指标是协税护税任务' },
  { id: 'QUOTA_REVENUE', category: C.REVENUE_GENERATION, acts: '销售|认购|团购|推销|代售|创收|收费额|开户|办卡|新增客户|新增用户|发展用户|投保人数|营销|推广(?=[^，。；]{0,8}(产品|信用卡|手机银行|套餐|宽带|保险|理财|贷款|礼盒))', why: '为企业销售、认购、开户、推广产品的数量指标是经济创收任务' },
  { id: 'QUOTA_ENFORCEMENT', category: C.LAW_ENFORCEMENT, acts: '查处|处罚|罚款|立案|收缴工具|暂扣', why: '查处、处罚的数量指标是把执法任务下达给村（社区）' },
];

/** Enterprises and businesses: the objects of an on-site investigation that is the department's. */
const ENTERPRISES = ['企业', '小微企业', '生产经营单位', '经营户', '个体工商户', '商户', '门店', '店铺', '商铺', '经营者', '作坊', '小作坊', '加工点', '工厂', '厂房', '工地', '施工现场', '餐饮店', '饭店', '农家乐', '养殖场', '砖厂', '采石场', '用人单位', '施工单位', '物业服务企业'];

/** Structures one can pull down or clear away. */
const STRUCTURE_RE = /(违法|违规|私自|擅自)(修建|建设|搭建|建造|建房|加盖)|违法建筑|违章建筑|违建|违章|私搭乱建|乱搭乱建|搭建物|加层|大棚房|看护房|管理用房|房屋|住房|旧房|老房|民房|农房|楼房|平房|厂房|危房|危旧房|土坯房|土木房|砖木房|空心房|废弃房屋|闲置房屋|简易房|铁皮房|彩钢房|板房|(养殖|大|塑料|柴|雨|遮阳|窝|工|彩钢|简易)?棚|圈舍|猪圈|牛圈|围墙|院墙|实体墙|柴房|附着物|青苗|林木|构筑物|建筑物|建（构）筑物|建\(构\)筑物|地上物|硬化地面|硬化场地|违法占地|违法用地|建筑|楼顶|坟墓|钓鱼台|看台|亭子|门楼|地上设施|违规设施|收费设施|收费亭|拦车杆/;

export const ACTION_PATTERNS: ActionPattern[] = [
  // ------------------------------------------------------------------ administrative power of any kind
  {
    id: 'ORDER',
    categories: ANY,
    verbs: ['责令', '勒令', '限期改正', '限期整改', '限期拆除', '限期迁移', '限期清理', '限期搬离', '限期搬迁', '限期关闭', '限期恢复', '限期复绿', '限期复耕', '限期补缴', '停止违法行为'],
    weight: 1,
    frameProof: true,
    why: '责令改正、限期整改是行政机关的行政命令，村（社区）无此职权（省意见二（四））',
  },
  {
    id: 'ORDER_STOP',
    categories: ANY,
    regex: /(要求|通知|命令|勒令|责成)[^，。；]{0,10}?(停工|停止施工|停止建设|停产|停业|停止经营|停止生产|停止使用|停用|停止出租|停止营业|停止作业|停止养殖|停养|停止排放|关闭|关停|搬离|撤离现场)/,
    unless: /发现[^，。；]{0,10}(报告|上报)|提醒|宣传/,
    weight: 1,
    frameProof: true,
    why: '要求当事人停工、停产、停止经营是行政命令，村（社区）无此职权',
  },
  {
    id: 'PROHIBIT',
    categories: ANY,
    regex: /(禁止|不准|不许|不得让)(其|该|当事人|经营者|车辆|农机|车主|机手|船只|摊主)[^，。；]{0,8}(作业|营运|经营|使用|下田|上路|营业|出租|施工|出航|上道)/,
    weight: 1,
    frameProof: true,
    why: '禁止当事人作业、营运、经营是行政命令，村（社区）无此职权',
  },
  {
    id: 'APPROVE',
    categories: [C.LAW_ENFORCEMENT],
    regex: /(审批|审核|签发|核发|许可)(权|权限|职权)[^，。；]{0,10}(下放|交由|委托|移交)|(下放|交由|委托|授权)[^。；]{0,12}(村（社区）|社区|村)[^，。；]{0,8}(审批|签发|核发|许可|审核发放)|(村（社区）|社区|村)(直接|负责|统一)?(审批|签发|核发)(?!材料)/,
    unless: /宣传|告知|提醒|不承担|不参与|不负责|初审|补办审批|准入审批|补批|先进后批/,
    weight: 1,
    why: '行政许可、审批和证照核发是行政机关的职权，不得下放或交由村（社区）实施',
  },
  {
    id: 'NOTICE',
    categories: ANY,
    regex: /(下达|下发|开具|开出|发放|送达|张贴|粘贴|贴上|出具|制发|签发|填发|发出)[^，。；]{0,16}?(整改|改正|停止|违规|违法|违停|违章|限期|催缴|催告|拆除|清理|迁移|搬迁|停工|停业|停办|停产|处罚|罚款|关停|告诫|警告|责令|补缴)[^，。；]{0,10}?(通知书|告知书|告知单|通知单|决定书|通知|告知|责令书|罚单|整改单|催告书|告知函)/,
    weight: 1,
    frameProof: true,
    why: '下达整改、停止、限期、催缴等通知书属行政执法文书，村（社区）不具有执法主体资格',
  },
  {
    id: 'PENALTY',
    categories: [C.LAW_ENFORCEMENT, C.CITY_MANAGEMENT, C.ENVIRONMENTAL_RECTIFICATION, C.PRODUCTION_SAFETY, C.DEMOLITION],
    verbs: ['罚款', '处罚', '处以', '罚没', '罚单', '行政处罚', '作出处罚', '当场处罚', '警告或罚款', '处罚决定', '简易程序', '吊销', '扣减补助', '停发补贴', '扣除补助', '扣发', '扣减其', '罚', '警告', '予以警告', '通报批评'],
    unless: /宣传|告知|提醒|讲解|解读|普及|将被|将依法|依法予以/,
    notBefore: /^(标准|依据|程序|条款|规定|款票据|决定由|权|标志|标识|牌|信息|提示|物品|物资|财物|收入|车辆)/,
    weight: 1,
    why: '行政处罚由有关部门及其执法机构实施，不得交由村（社区）实施或以村（社区）名义实施',
  },
  {
    id: 'COERCION',
    categories: [C.LAW_ENFORCEMENT, C.CITY_MANAGEMENT, C.ENVIRONMENTAL_RECTIFICATION, C.PRODUCTION_SAFETY, C.DEMOLITION],
    verbs: [
      '查封', '扣押', '暂扣', '查扣', '扣留', '收缴', '没收', '封存', '张贴封条', '贴封条', '封条', '收容', '捕捉', '强制', '强行', '强制执行', '强制措施', '强制带离', '取缔', '关停', '关停并转', '予以关闭', '依法关闭', '强制关闭', '予以关停', '封停', '停产', '停业整顿', '断电', '断水', '停水停电',
      '停止供电', '停电', '停水', '断供', '拦截', '拦停', '拦车', '设卡', '查车', '下架', '清退', '驱赶', '驱离', '清场', '取消其经营资格', '取消经营资格', '收回摊位', '收回其临时摊位', '平坟', '迁坟', '起坟', '封堵', '查没',
    ],
    unless: /宣传|讲解|解读|普及|将被|将依法|党费|团费|会费/,
    notBefore: /^(措施的宣传|率)/,
    weight: 1,
    frameProof: true,
    why: '查封、扣押、收缴、取缔、关停、拦截等是行政强制措施，村（社区）不具有执法主体资格',
  },
  {
    id: 'ENFORCE',
    categories: [C.LAW_ENFORCEMENT, C.CITY_MANAGEMENT, C.ENVIRONMENTAL_RECTIFICATION, C.DEMOLITION, C.PRODUCTION_SAFETY],
    verbs: ['尿检', '尿液检测', '毛发检测', '联合执法', '执法检查', '执法巡查', '执法取证', '调查取证', '登记取证', '取证', '查处', '稽查', '行政检查', '监督检查', '现场处置', '询问记录', '询问笔录', '笔录', '执法记录'],
    notBefore: /^(行为|监督|程序|权|资格|标准|规范|依据|力量|体制|改革|重心|事项|主体|机构|部门|人员|队伍|文书|证|辅助|信息|情况|工作的|结果|案件的|公示)/,
    weight: 1,
    why: '行政执法（检查、查处、取证）由有关部门及其执法机构负责，不得下沉村（社区）',
  },
  {
    id: 'DELEGATE_ENFORCEMENT',
    categories: [C.LAW_ENFORCEMENT],
    regex: /(委托|交由|下放|授权|赋予|交给)[^。；]{0,10}?(村（社区）|村|社区|网格员|协管员)[^。；]{0,14}?(实施|行使|办理|作出|承担)/,
    objectPattern: /处罚|罚款|执法|强制|查处|警告/,
    objectScope: 'sentence',
    unless: /宣传|告知|不得|不/,
    weight: 1,
    frameProof: true,
    why: '行政处罚、行政强制等执法权只能由行政机关或依法交由乡镇（街道）行使，不得委托村（社区）实施',
  },
  {
    id: 'ENFORCE_ACT',
    categories: [C.LAW_ENFORCEMENT, C.CITY_MANAGEMENT, C.ENVIRONMENTAL_RECTIFICATION, C.DEMOLITION, C.PRODUCTION_SAFETY],
    regex: /(开展|参与|实施|进行|负责|承担|上路|上街|现场|入户|联合|综合|行使|代为|以[^，。；]{0,12}名义)[^，。；]{0,4}(行政)?执法(?!(人员|部门|局|队|大队|中队|机构|监督|行为|资格|权|记录仪|改革|重心))|执法(权|职责|事项)[^，。；]{0,8}(委托|下放|交由|下沉)/,
    weight: 1,
    why: '行政执法由有关部门及其执法机构负责，不得交由村（社区）实施或以村（社区）名义实施',
  },
  {
    id: 'INSPECT',
    categories: [C.LAW_ENFORCEMENT, C.PRODUCTION_SAFETY, C.ENVIRONMENTAL_RECTIFICATION, C.CITY_MANAGEMENT, C.TAX_ASSISTANCE],
    verbs: ['检查', '安全检查', '安全生产检查', '安检', '查验', '核查', '核验', '抽查', '排查', '巡检', '督查', '检验', '安全检验', '拉网式排查', '隐患排查', '复查', '检查督改', '安全巡查', '入户检查', '登门检查', '上门检查', '查看', '稽核', '年审', '安全验收', '复工验收'],
    objects: REGULATED,
    objectScope: 'sentence',
    notBefore: /^(告知|通知|宣传|提醒|须知|前|时|期间|的宣传)/,
    unless: /入户调查|困难|矛盾纠纷|地质灾害|隐患点|群测群防|汛|山洪|滑坡|健康体检|健康检查|健康管理|健康教育|随访|体检|疾病|病情|普查|清查|统计/,
    weight: 1,
    why: '对生产经营单位、场所、设施和证照的检查是有关部门的监督检查职责，村（社区）不具有主体资格和专业资质',
  },
  {
    id: 'PATROL',
    categories: [C.CITY_MANAGEMENT, C.DEMOLITION, C.ENVIRONMENTAL_RECTIFICATION, C.LAW_ENFORCEMENT, C.PRODUCTION_SAFETY],
    verbs: ['巡查', '巡逻', '值守', '看守', '管控', '巡查管控', '盯守', '蹲守', '把守', '守点', '巡守', '巡护', '守护', '包干', '日常巡查', '监控'],
    objects: [
      '违法建设', '违建', '违章', '违法建房', '违法建筑', '私搭乱建', '控违', '擅自建房', '在建房屋', '占道', '占道经营', '流动摊贩', '摊贩', '摊点', '市容', '乱停', '停放秩序', '车辆停放', '违停', '工地', '扬尘', '渣土', '建筑垃圾', '偷倒',
      '秸秆', '禁烧', '焚烧', '火点', '散乱污', '企业', '排污', '进山人员', '检查点', '卡点', '非法捕捞', '禁捕', '电鱼', '非法采砂', '采砂', '盗伐', '违规用火', '砖厂', '采石场', '矿山', '作业现场', '施工现场',
      '黑车', '非法营运', '餐馆', '农家乐', '网吧', '商户',
    ],
    objectScope: 'sentence',
    unless: /发现[^，。；]{0,20}(报告|上报|报|告知)|汛|山洪|地质|隐患点|森林防火宣传|巡河|防火巡查/,
    weight: 1,
    why: '巡查管控违建、占道、扬尘、禁烧、企业等是有关部门的监管职责，村（社区）只能发现报告',
  },
  {
    id: 'STOP',
    categories: [C.DEMOLITION, C.LAW_ENFORCEMENT, C.CITY_MANAGEMENT, C.ENVIRONMENTAL_RECTIFICATION, C.PRODUCTION_SAFETY],
    verbs: ['制止', '认定', '核查认定', '纠正', '查纠'],
    objectPattern: /违法|违规|违章|违建|偷倒|占道|乱倒|擅自建房|擅自|私自|非法|乱停|乱放|乱搭|乱占|乱建|乱挖|乱采|乱堆/,
    objectScope: 'clause',
    unless: /发现[^，。；]{0,16}(报告|上报|告知)|劝阻|报告|由[^，。；]{0,12}(局|部门|执法|乡镇|政府|公安)/,
    weight: 1,
    why: '制止、认定违法行为是有关部门的执法职责，村（社区）只能发现报告',
  },
  {
    id: 'HANDLE',
    categories: [C.DEMOLITION, C.LAW_ENFORCEMENT, C.CITY_MANAGEMENT, C.ENVIRONMENTAL_RECTIFICATION],
    verbs: ['处置', '处理'],
    objectPattern: /违法|违规|违章|违建|偷倒|占道|乱倒|擅自建房|非法|乱停|乱搭|乱占|乱建/,
    objectScope: 'clause',
    unless: /发现[^，。；]{0,16}(报告|上报|告知)|劝阻|报告|由[^，。；]{0,12}(局|部门|执法|乡镇|政府|公安)/,
    weight: 0.8,
    why: '处置违法行为是有关部门的执法职责，村（社区）只能发现报告',
  },
  {
    id: 'JOIN_DEMOLITION',
    categories: [C.DEMOLITION],
    regex: /(配合|协助|协同|会同|参与|陪同)[^，。；]{0,16}?(强制拆除|拆除|清除|拆迁|强拆|征收(?![^，。；]{0,12}(费|税|款|金))|腾退)/,
    unless: /宣传|通知|告知|提醒|讲解|意见|方案|讨论/,
    weight: 1,
    frameProof: true,
    why: '协助拆除、征收是负面清单“拆迁拆违”明确不得要求村（社区）承担或协助的事项',
  },
  {
    id: 'JOIN_COLLECTION',
    categories: [C.TAX_ASSISTANCE, C.REVENUE_GENERATION],
    regex: /(配合|协助|协同|会同|参与|陪同)[^，。；]{0,16}?(催缴|追缴|征收税|收税|清欠|征缴|征收(?=[^，。；]{0,12}(费|税|款|金)))/,
    unless: /宣传|通知|告知|提醒|讲解/,
    weight: 1,
    frameProof: true,
    why: '配合催缴、追缴税费属协税护税',
  },
  {
    id: 'JOIN_ENFORCEMENT',
    categories: [C.LAW_ENFORCEMENT, C.CITY_MANAGEMENT, C.ENVIRONMENTAL_RECTIFICATION, C.PRODUCTION_SAFETY, C.DEMOLITION],
    regex: /(配合|协助|协同|会同|参与|陪同)[^，。；]{0,16}?(执法|查处|强制|取缔|关停|断电|停电|停止供电|停水|收容|封堵|扣押|查封)/,
    unless: /宣传|通知|告知|提醒|讲解|执法人员[^，。；]{0,4}(入户|上门)宣传/,
    weight: 1,
    frameProof: true,
    why: '配合执法、取缔关停等实施环节同样是下沉执法，负面清单明确不得要求村（社区）协助',
  },
  {
    id: 'EVIDENCE_FOR_PENALTY',
    categories: [C.LAW_ENFORCEMENT, C.CITY_MANAGEMENT, C.ENVIRONMENTAL_RECTIFICATION, C.PRODUCTION_SAFETY, C.DEMOLITION],
    regex: /(照片|名单|记录|材料|证据|车牌|信息)[^。；]{0,16}?(报|移交|提供|送)[^，。；]{0,12}?(处罚|罚款|查处|立案)|为[^，。；]{0,6}(处罚|执法)[^，。；]{0,6}(登记|取证|提供)|(登记|记录|拍照)[^。；]{0,20}?(移交|报送|报)[^，。；]{0,12}?(处罚|罚款|查处|立案)|登记[^，。；]{0,8}(车牌|当事人|违规人员|经营者信息|张贴者|广告主|违规户)/,
    weight: 1,
    why: '为行政处罚收集、移交证据是执法的组成部分',
  },
  {
    id: 'SUPERVISE_RECTIFY',
    categories: [C.PRODUCTION_SAFETY, C.ENVIRONMENTAL_RECTIFICATION, C.LAW_ENFORCEMENT, C.CITY_MANAGEMENT, C.DEMOLITION],
    regex: /(督促|要求|督办|跟踪|责成)[^，。；]{0,16}?(企业|单位|经营者|经营户|商户|业主|房东|餐饮|场所|厂|作坊|施工|责任人|举办者|店|网点|养殖户|其|当事人|车主|用地户|占用人|违建户|行为人)[^，。；]{0,16}?(整改|停产|停业|关停|关闭|落实|安装|清运|清理|处置|搬离|搬迁|转移|自行清理|拆除|销号|停止|退出|更换|淘汰|复耕|恢复)|(复查销号|跟踪复查|整改销号|销号管理|整改率|整改销号率|整改完成率)|对[^，。；]{2,20}?(的|之)[^，。；]{0,6}(督促|责成)[^，。；]{0,4}(立即|限期|及时|按期)?(整改|停产|停业|关停|关闭|拆除|清理|搬离|整治)/,
    unless: /宣传|提醒/,
    weight: 0.8,
    frameProof: true,
    why: '督促被监管对象整改、跟踪复查销号是监管部门的职责',
  },
  {
    id: 'RESPONSIBILITY_LETTER',
    categories: [C.PRODUCTION_SAFETY, C.DEMOLITION, C.ENVIRONMENTAL_RECTIFICATION, C.CITY_MANAGEMENT],
    regex: /签订[^，。；]{0,20}?(安全|监管|控违|禁烧|环保|防火|目标|消防|燃气|施工|生产|经营|使用)[^，。；]{0,10}?(责任书|承诺书|责任状|协议书|保证书)|(责任书|承诺书|责任状)[^，。；]{0,6}签订/,
    unless: /平安家庭|文明|公约|不签订|不得签订/,
    weight: 1,
    frameProof: true,
    why: '要求村（社区）签订或代部门与经营者签订安全、监管、控违等责任书，是把属地监管责任转嫁村（社区）',
  },
  {
    id: 'OVERSIGHT_DUTY',
    categories: [C.PRODUCTION_SAFETY, C.ENVIRONMENTAL_RECTIFICATION, C.DEMOLITION, C.CITY_MANAGEMENT],
    verbs: ['属地监管', '属地监管责任', '属地管理责任', '监管责任主体', '网格化监管', '安全监管'],
    unless: /不承担|不得|不负|不是/,
    notBefore: /^(部门|机构|所|局|人员)/,
    weight: 1,
    why: '把部门的监管责任（属地监管、网格化监管）压给村（社区），村（社区）不具有主体资格和专业资质',
  },
  {
    id: 'DUTY_HOLDER',
    categories: ANY,
    regex: /(明确|确定|规定|作为|列为)[^，。；]{0,8}(村（社区）|村|社区|村级|社区级)[^，。；]{0,4}(为|是|作为)[^，。；]{0,20}?(责任主体|主体责任|第一责任人|直接责任人|属地责任|包保责任|监管主体|治理主体)|(承担|落实|压实|履行|负起)[^，。；]{0,18}?(属地责任|主体责任|包保责任|监管责任|监管职责|属地管理责任|监督管理职责)|(负责|承担)[^，。；]{0,10}(日常监管|监督管理|监管工作)/,
    unless: /不承担|不得|不负|不是|自治|村务|集体资产|党建/,
    // 属地责任 for evacuating people or caring for the elderly is assistance: the duty must be a regulatory one
    objectPattern: /监管|监督管理|安全生产|生产安全|消防|燃气|施工|违建|违法建设|两违|拆违|控违|环保|环境整治|生态环境|禁烧|秸秆|污染|市容|占道|招商|税|食品|药品|执法|检查|隐患|企业|经营|耕地保护|违法用地|违法占地|生态修复|矿山|复绿/,
    objectScope: 'sentence',
    weight: 1,
    frameProof: true,
    why: '把部门的主体责任、监管责任或属地责任交给村（社区），是把部门职责下沉（省意见二（四））',
  },
  {
    id: 'ACCIDENT_INVESTIGATION',
    categories: [C.PRODUCTION_SAFETY, C.LAW_ENFORCEMENT],
    regex: /(查明|调查|核查|认定|分析)[^，。；]{0,10}?(事故原因|原因和责任|责任人员|事故责任|责任单位)|事故调查|(收集|调取|封存)[^，。；]{0,6}(企业|单位)[^，。；]{0,10}(资料|台账|记录|材料)/,
    unless: /宣传|报告[^，。；]{0,4}$/,
    weight: 1,
    frameProof: true,
    why: '生产安全事故的调查处理（查明原因、认定责任、调取企业资料）由负有安全生产监督管理职责的部门负责（负面清单事故调查处理）',
  },

  // ------------------------------------------------------------------ 拆迁拆违
  {
    id: 'DEMOLISH',
    categories: [C.DEMOLITION, C.CITY_MANAGEMENT, C.ENVIRONMENTAL_RECTIFICATION],
    verbs: ['拆除', '拆卸', '拆下', '拆掉', '强拆', '拆违', '拆迁', '拆除到位', '清除', '清理', '铲除', '推平', '推倒', '复耕', '复垦', '清表', '复绿', '代为拆除', '平整', '清拆', '拆解', '拆旧', '先行拆除', '恢复原状', '恢复耕种条件', '恢复种植条件', '恢复耕地'],
    objectPattern: STRUCTURE_RE,
    objectScope: 'sentence',
    unless: /飞线|电线|线路|杂物|垃圾|杂草|塘沟|粪污|小广告|牛皮癣|积水|淤泥|楼道|卫生死角|标语|改厕|厕所革命|卫生厕所/,
    weight: 1,
    why: '违法建筑和其他建筑物、构筑物的拆除、清除属拆迁拆违，由有关部门和依法授权的乡镇（街道）负责，不得要求村（社区）承担或协助',
  },
  {
    id: 'DEMOLITION_DRIVE',
    categories: [C.DEMOLITION],
    verbs: ['签约', '签订补偿协议', '签订协议', '签字', '腾房', '腾退', '腾空', '交钥匙', '交房', '搬迁', '搬离', '拆除', '自行拆除', '签约率', '腾房率', '动员签约', '搬迁腾退', '清空'],
    objects: ['征收', '拆迁', '被征收户', '被搬迁户', '棚户区', '棚改', '城中村', '补偿安置', '补偿协议', '征地', '搬迁腾退', '违建', '违法建筑', '违法建设', '私搭乱建', '危房', '危旧房', '土坯房', '空心房', '交地', '清表'],
    objectScope: 'doc',
    unless: /意见|意愿|征求|议事|协商会|改造内容|改造方案|讨论|危险区|避险|转移/,
    weight: 1,
    frameProof: true,
    why: '房屋征收、拆迁的动员签约、搬迁腾退和拆除由征收实施单位负责（负面清单“拆迁拆违”明确列举动员签约）',
  },
  {
    id: 'DEMOLITION_PERSUADE',
    categories: [C.DEMOLITION],
    regex: /(做好|做通|开展)[^，。；]{0,10}?(被征收|被搬迁|拆迁|征收|征迁|被征地|搬迁)[^，。；]{0,8}?(思想工作|群众工作|动员工作|稳控)|(配合|协助|全力)[^，。；]{0,4}做好[^，。；]{0,8}(征收|拆迁|征迁|拆违|清表)工作/,
    unless: /宣传|意见|诉求|政策解读/,
    weight: 1,
    frameProof: true,
    why: '做好被征收群众的思想工作、配合做好征收拆迁工作，是把征收拆迁的实施环节交给村（社区）',
  },
  {
    id: 'DEMOLITION_TARGET',
    categories: [C.DEMOLITION],
    regex: new RegExp(`签约率|腾房率|拆除率|拆除任务|拆除户数|拆除面积|交地|清表交地|用地按时交付|按时交付|控违|“?零增长”?|露头就打|拆违任务|征收任务|征迁任务|搬迁任务|拆除进度|(拆除|拆墙|拆违|清拆|拆迁|拆旧)[^，。；]{0,10}${TARGET_WORDS}`),
    unless: /不下达|不设/,
    weight: 0.6,
    quota: true,
    why: '以签约率、拆除任务、控违指标考核村（社区），即把拆迁拆违任务下沉村（社区）',
  },
  {
    id: 'DEMOLITION_SURVEY',
    categories: [C.DEMOLITION],
    regex: /(丈量|测量|登记|清点)[^，。；]{0,14}?(面积|结构|附着物|青苗|林木|房屋)/,
    objects: ['征收', '拆迁', '搬迁', '被征收', '被搬迁', '棚改', '城中村改造', '征地', '补偿'],
    objectScope: 'doc',
    weight: 0.5,
    why: '为征收补偿逐户丈量登记、清点附着物是征收实施的环节',
  },

  // ------------------------------------------------------------------ 环境整治
  {
    id: 'BURNING_WATCH',
    categories: [C.ENVIRONMENTAL_RECTIFICATION],
    regex: /(值守|看守|蹲守|巡查|网格化管理|包组|包户|包片|包干|划片|守护|巡守|巡护|值班|守点|昼夜|24小时|查明当事人|查明焚烧|扑灭)/,
    objects: ['秸秆', '禁烧', '露天焚烧', '火点', '焚烧秸秆'],
    objectScope: 'doc',
    unless: /不设值守|不值守|发现[^，。；]{0,10}(劝阻|报告)|森林|山林|林区/,
    weight: 1,
    why: '秸秆禁烧值守、包组包户巡查属专项环境整治任务（本县负面清单秸秆禁烧等专项整治）',
  },
  {
    id: 'POLLUTION_DRIVE',
    categories: [C.ENVIRONMENTAL_RECTIFICATION],
    regex: /(排查|摸排|整治|清零|清理|清运|关停|停产|断电|督改|回头看|检测|监测|登记)[^。；]{0,20}?(散乱污|污染源|排污|排口|雨污|混接|固废|固体废物|废渣|扬尘|黑臭|油烟|噪声|禁养区|养殖场|污染|加工点|石材|砂石|堆场|搅拌站|直排|偷排|露天烧烤)|(散乱污|污染源|固废|废渣|倾倒|排口|油烟|扬尘|养殖场|加工点|粪污|直排|偷排|黑臭水体|黑臭)[^。；]{0,20}?(排查|摸排|整治|清零|清理|清运|关停|督改|回头看|处置|检查|关闭|搬迁|退出|治理|清淤|截污)/,
    unless: /宣传|发现[^，。；]{0,10}报告|不承担|不参与|投诉|转交|村庄清洁|三清一改|人居环境|村规民约|大扫除|卫生/,
    weight: 1,
    why: '污染源排查、散乱污整治、固废清运等是生态环境部门的整治职责，不得下达给村（社区）',
  },
  {
    id: 'ENV_ASSESSMENT',
    categories: [C.ENVIRONMENTAL_RECTIFICATION],
    regex: /(火点|焚烧|秸秆|环保|生态环境|整治|清废|污染|禁烧)[^。；]{0,20}?(扣分|扣减|得分|考核|通报|排名|任务数|指标|取消|奖补|问责|约谈|罚)|不出现[^，。；]{0,6}(火点|焚烧)|零火点/,
    unless: /不下达|不作|不纳入|不考核|不排名|不扣/,
    weight: 0.6,
    quota: true,
    why: '以火点扣分、整治任务数考核村（社区），即下达环境整治任务和考核指标',
  },
  {
    id: 'ENV_QUOTA',
    categories: [C.ENVIRONMENTAL_RECTIFICATION, C.CITY_MANAGEMENT],
    regex: new RegExp(`(回收|清运|治理|整治|处置|减量|清理|复绿)(率|任务|量)[^，。；]{0,8}?${TARGET_WORDS}|下达[^，。；]{0,12}(回收|清运|治理|整治|处置|减量|清理|保洁)任务`),
    unless: /不下达|不考核|不作|自愿/,
    weight: 1,
    quota: true,
    why: '向村（社区）下达回收率、治理率、整治任务等环境整治指标（负面清单：不得下达环境整治任务和考核指标）',
  },
  {
    id: 'RIVER_CLEARING',
    categories: [C.ENVIRONMENTAL_RECTIFICATION, C.DEMOLITION],
    regex: /(清理|清除|拆除|清障|取缔|清网)[^，。；]{0,16}?(网箱|围网|地笼|拦河|阻水|河道障碍|行洪障碍|河道内[^，。；]{0,6}(设施|建筑|堆积))|清网行动|“清网”/,
    unless: /漂浮|垃圾|保洁|宣传|发现[^，。；]{0,10}(报告|上报)/,
    weight: 1,
    why: '清理河道内网箱、围网、阻水障碍是河湖“清四乱”、河道整治任务，由水行政、渔政部门负责',
  },
  {
    id: 'INSPECTION_RECTIFY',
    categories: [C.ENVIRONMENTAL_RECTIFICATION],
    regex: /(牵头整改|负责整改|整改责任人|整改到位说明|一件一档|督察[^，。；]{0,10}整改|交办件[^，。；]{0,10}整改)/,
    weight: 0.8,
    why: '环保督察交办件的调查整改属生态环境部门和责任单位的整治职责',
  },

  // ------------------------------------------------------------------ 城市管理
  {
    id: 'STREET_ORDER',
    categories: [C.CITY_MANAGEMENT],
    verbs: [
      '劝离', '劝走', '赶走', '驱赶', '驱离', '清理', '清除', '清退', '清走', '收走', '搬走', '搬运', '拖移', '拖走', '归位', '清理归位', '取缔', '纠正', '查处', '处置', '整治', '规范', '管控', '拆除', '拆下', '拆卸', '摘除', '铲除',
      '没收', '暂扣', '收回', '清场', '日常管理', '管理', '拆解',
    ],
    notBefore: /^(的意见|意见|的建议|建议|办法|规定|条例|部门|局|人员|工作的意见|座谈|会|知识|政策|法规|宣传|培训|满意度|情况的|工作的)/,
    objects: [
      '流动摊贩', '摊贩', '商贩', '摊点', '摊位', '占道', '占道经营', '出店经营', '马路市场', '夜市', '乱张贴', '户外广告', '广告牌', '店招', '招牌', '横幅', '乱停', '乱停乱放', '乱放', '违停', '共享单车', '共享电单车', '电单车', '非机动车',
      '地锁', '乱堆乱放', '桌椅', '桌凳', '外摆', '遮阳棚', '小广告', '门前三包', '市容', '违法广告', '医疗广告', '牛皮癣', '广告塔', '霓虹灯', '灯箱',
    ],
    objectScope: 'clause',
    unless: /发现[^，。；]{0,16}(报告|上报|反映)|不承担|不参与|随手拍|宣传|热线/,
    weight: 1,
    why: '占道经营、流动摊贩、户外广告、车辆乱停等市容秩序的管理处置由城市管理和综合执法部门负责',
  },
  {
    id: 'CITY_HANDOVER',
    categories: [C.CITY_MANAGEMENT],
    regex: /(摊位划定|摊主登记|经营时间管控|交由[^，。；]{0,10}社区[^，。；]{0,6}(管理|日常管理|检查)|路段值守|一路一长|门前三包[^，。；]{0,6}(检查|考核|督查|打分))/,
    weight: 0.8,
    why: '把市容秩序、摊点经营的日常管理交给社区，是城市管理事项下沉',
  },
  {
    id: 'WASTE_VIOLATION',
    categories: [C.CITY_MANAGEMENT],
    regex: /(违规|不分类|偷倒|乱倒)[^。；]{0,20}?(登记造册|告知书|名单|处罚|罚款|拦截|暂扣)/,
    weight: 0.6,
    why: '生活垃圾、建筑垃圾管理的违规查处属城市管理执法',
  },

  // ------------------------------------------------------------------ 招商引资
  {
    id: 'ATTRACT',
    categories: [C.INVESTMENT_ATTRACTION],
    verbs: ['引进', '招引', '以商招商', '招大引强', '招租推介', '招引项目', '引进来', '引荐'],
    objectPattern: /企业|业主|主体|项目|客商|投资|资本|资金|商家|厂|投资方|投资者|民宿|入驻|落地|产业|经营者|老板/,
    objectScope: 'clause',
    unless: /人才|技术|品种|良种|不涉及|不下达|不承担|宣传[^，。；]{0,6}政策/,
    notBefore: /^(的|来的|后的)/,
    weight: 1,
    why: '引进企业、业主和投资项目属招商引资，不得向村（社区）下达任务和指标',
  },
  {
    id: 'ATTRACT_CAMPAIGN',
    categories: [C.INVESTMENT_ATTRACTION],
    regex: /(负责|承担|开展|协助|参与|做好|落实|完成|组织|抓好|进行|配合|推进|赴外地|外出)[^，。；]{0,8}(招商引资|招商)(?!银行|局|证券|政策|优惠|宣传|新落地|落地企业)|(招商引资|招商)(任务|指标|目标|洽谈|专班|小分队|活动|第一责任人|责任人)|全员招商/,
    unless: /不涉及|不下达|不承担|宣传[^，。；]{0,6}政策|不参与/,
    weight: 1,
    frameProof: true,
    why: '要求村（社区）开展招商引资、承担招商任务属负面清单招商引资',
  },
  {
    id: 'PROMOTE_INVESTMENT',
    categories: [C.INVESTMENT_ATTRACTION],
    regex: /(推荐|推介|介绍|对接|洽谈|联络|寻找|物色|邀请|动员|吸引|争取|引导)[^。；]{0,20}?(投资|客商|投资者|投资方|投资商|企业入驻|来[^，。；]{0,6}(投资|建厂|兴业|落户|设立|设厂|办厂|入驻|落地)|项目落户|项目落地|建厂)|(向|为)[^，。；]{0,8}(企业|客商|投资者|投资方)[^，。；]{0,6}(推介|推荐|招租|介绍)/,
    unless: /防范|非法集资|诈骗|宣传[^，。；]{0,6}政策|不承担|不下达|营商环境的意见/,
    weight: 1,
    frameProof: true,
    why: '为部门推介投资环境、寻找和推荐投资者属招商引资',
  },
  {
    id: 'INVEST_TARGET',
    categories: [C.INVESTMENT_ATTRACTION],
    regex: /(项目落地|促成[^，。；]{0,10}项目|签约[^，。；]{0,8}项目|项目签约|项目线索|投资意向|投资兴业|来村投资|投资建厂|入驻率|入驻企业|新增入驻|投资额|到位资金|引进[^，。；]{0,6}(家|个))/,
    unless: /不下达|不承担|不涉及|政策|招聘|岗位|用工|就业/,
    objectPattern: /任务|指标|考核|目标|不少于|至少|确保|力争|排名|通报|奖励|\d+\s*(个|家|条|亿|万)/,
    objectScope: 'sentence',
    weight: 0.8,
    quota: true,
    why: '项目落地、签约、线索数量和投资额任务属招商引资指标',
  },
  {
    id: 'OUTPUT_TARGET',
    categories: [C.INVESTMENT_ATTRACTION],
    regex: new RegExp(`(产值|产业规模|流转面积|规模经营面积|流转|盘活|新增[^，。；]{0,4}(茶园|竹林|基地|面积)|扩面|招商|投资项目|入库项目|项目数)[^。；]{0,20}?${TARGET_WORDS}`),
    unless: /不下达|不考核|不涉及|不作|自愿|补贴标准/,
    objectPattern: /每(个)?(村|社区)|各(村|社区)|任务|考核|指标|目标|确保|力争/,
    objectScope: 'sentence',
    weight: 1,
    quota: true,
    why: '向村（社区）下达产值增长、土地流转面积、盘活项目等经济指标（本县负面清单茶叶、竹产业招商和产值考核任务）',
  },

  // ------------------------------------------------------------------ 协税护税、代征代收
  {
    id: 'COLLECT_TAX',
    categories: [C.TAX_ASSISTANCE],
    verbs: ['代收', '代征', '代缴', '代扣', '收取', '收缴', '征收', '征缴', '催缴', '催收', '追缴', '清欠', '解缴', '收款', '上门收取', '统一收取', '代收代缴', '现场收取', '协征', '收税', '收上来', '收齐', '垫付', '先行垫付', '代垫', '垫缴'],
    objects: TAXES,
    objectScope: 'sentence',
    unless: /申请材料|材料|不经手|不代收|不接触|宣传|告知|提醒|自行缴纳|本人直接/,
    weight: 1,
    frameProof: true,
    why: '代征代收、催缴税款和社会保险费属协税护税，税费由税务部门征收（负面清单协税护税和代征代收税费）',
  },
  {
    id: 'COLLECT_FEE',
    categories: [C.TAX_ASSISTANCE, C.REVENUE_GENERATION],
    verbs: ['代收', '代缴', '代收代缴', '收取', '收缴', '解缴', '上门收取', '统一收取', '收款', '现场收取', '代售', '售卖'],
    objects: FEES,
    objectScope: 'sentence',
    unless: /党费|团费|会费|申请材料|材料|不经手|不代收|不收取|不接触|宣传|告知|提醒|快递|包裹|用于(本村|村内|本小区|小区|本社区|社区公共|公共设施|村集体)|归(村)?集体|集体所有/,
    weight: 1,
    frameProof: true,
    why: '为部门或企业代收费用属代征代收税费，村（社区）不得经手',
  },
  {
    id: 'CHASE_DEBT',
    categories: [C.REVENUE_GENERATION, C.TAX_ASSISTANCE],
    verbs: ['催收', '催缴', '追缴', '清欠', '清收', '追讨', '讨债'],
    objects: [...FEES, '借款', '欠款', '债务'],
    objectScope: 'sentence',
    unless: /宣传|告知|提醒|不承担|不参与|公示|公开/,
    weight: 1,
    why: '为部门、企业或国有资产催收欠费、租金和借款属经济创收，村（社区）不得承担',
  },
  {
    id: 'PRESS_TAXPAYER',
    categories: [C.TAX_ASSISTANCE],
    regex: /(督促|催促|动员|通知|要求|上门)[^，。；]{0,20}?(缴纳|补缴|申报|缴税|纳税|办税|完税|补税|申报缴纳|缴存|足额缴存|限期[^，。；]{0,8}办理)/,
    objects: TAXES,
    objectScope: 'sentence',
    unless: /动员[^，。；]{0,8}参保|参保动员|宣传|自行|本人|渠道|不承担/,
    weight: 1,
    frameProof: true,
    why: '督促纳税人申报、缴纳、补缴税费属协税护税',
  },
  {
    id: 'TAX_QUOTA',
    categories: [C.TAX_ASSISTANCE],
    regex: new RegExp(`(注册|下载注册|申报|缴纳|纳税(?!人|服务|信用)|汇算)[^，。；]{0,8}?${TARGET_WORDS}|${NUMBER_TARGET}[^，。；]{0,4}(注册|下载注册|申报|汇算)`),
    objectPattern: /税/,
    objectScope: 'doc',
    unless: /不下达|参保|医保|养老保险/,
    weight: 1,
    quota: true,
    why: '向村（社区）下达涉税注册、申报、缴纳指标属协税护税',
  },
  {
    id: 'TAX_SOURCE',
    categories: [C.TAX_ASSISTANCE],
    regex: /协税护税(?!宣传|政策|知识|培训|法规)|护税协税|综合治税|协税员|护税员|漏征漏管|税源[^，。；]{0,6}(调查|摸底|登记|采集|排查|核实|管控|管理)|(调查|摸底|登记|采集|排查|核实)[^，。；]{0,8}税源|涉税信息|征管|(注册率|申报率)|核定[^，。；]{0,16}(营业额|税额|定额)|(营业额|租金收入|经营收入|经营情况|房租)[^，。；]{0,8}(登记|核定|核实|申报)|(登记|核定|核实|采集|摸底)[^，。；]{0,12}(营业额|房租|租金收入|经营收入|雇工|成交价格|交易价格|实际价格)|计税价格|计税依据|核定计税|应纳税额|核税/,
    objectPattern: /税|纳税|征管|定额/,
    objectScope: 'doc',
    unless: /不下达|不承担/,
    weight: 1,
    why: '税源调查、营业额核定、涉税信息采集和申报率指标属税务部门的征管工作（协税护税）',
  },

  // ------------------------------------------------------------------ 经济创收
  {
    id: 'INCOME_QUOTA',
    categories: [C.REVENUE_GENERATION],
    regex: new RegExp(`(创收|增收|经营性收入|集体收入|集体经济收入|收入|收益|营业额|销售额|售票额|罚没收入|收费收入)[^。；]{0,16}?${TARGET_WORDS}|(创收|增收)(任务|指标|目标)`),
    regexScope: 'sentence',
    unless: /农民增收|群众增收|农户增收|居民增收|不下达|不设|收入状况|收入情况|家庭收入|收入变化|核实|了解/,
    weight: 1,
    quota: true,
    why: '向村（社区）下达经营收入、创收、销售额指标属经济创收',
  },
  {
    id: 'HAND_OVER_INCOME',
    categories: [C.REVENUE_GENERATION, C.TAX_ASSISTANCE],
    regex: /(上缴|上交|缴入|交回|缴至|解缴|交至|交给|交到|存入|转交)[^，。；]{0,10}?(乡镇|街道|财政|统筹|县|专户|国库|公司|营业厅|账户)|交[^，。；]{0,3}(公司|营业厅|财政)|(统筹使用|收入专户|非税收入)/,
    unless: /党费|团费|会费|不经手|直接发放|不接触|本人直接|(转交|交由|交给|交至)[^，。；]{0,14}(处理|调查|办理|审核|调解|核查|处置)/,
    objectPattern: /收入|收益|款项|代收款|所收款|(?<![消经免浪花话党团会])费|租金|价款|售票/,
    objectScope: 'sentence',
    weight: 1,
    frameProof: true,
    why: '把村（社区）收入或代收款项上缴乡镇、财政或企业，是向村（社区）下达收入指标或让其代收',
  },
  {
    id: 'SALES_QUOTA',
    categories: [C.REVENUE_GENERATION],
    regex: new RegExp(`(销售|推销|代销|代售|售卖|出售|认购|购买|采购|售票)[^，。；]{0,16}?${TARGET_WORDS}|(动员|组织|发动)[^，。；]{0,16}?(购买|认购|订购|团购)[^，。；]{0,24}(房|产品|商品|保险|礼盒|门票|特产)`),
    unless: /医保|医疗保险|养老保险|参保|不下达|不承担/,
    weight: 1,
    quota: true,
    why: '为企业或国有资产下达销售、认购任务属经济创收',
  },
  {
    id: 'FEE_QUOTA',
    categories: [C.REVENUE_GENERATION],
    regex: /收缴率|收费指标|收费任务|收费目标|催收任务|征收任务|缴费率|收缴任务|收费额/,
    unless: /不下达/,
    weight: 1.2,
    quota: true,
    frameProof: true,
    why: '向村（社区）下达收费、收缴率指标属经济创收（收费指标）',
  },
  {
    id: 'RENT_OUT',
    categories: [C.REVENUE_GENERATION],
    regex: /(对外出租|开办收费|经营增收|发包|收费服务)[^。；]{0,20}?(收入|增加收入|增收|上缴|统筹)/,
    weight: 0.8,
    why: '要求村（社区）以出租、发包、收费服务等方式创收并上缴',
  },

  // ------------------------------------------------------------------ any category: quotas on a department's act, investigations
  ...QUOTA_ACTS.map(
    (q): ActionPattern => ({
      id: q.id,
      categories: [q.category],
      regex: quotaOn(q.acts),
      regexScope: 'sentence',
      objectPattern: /村|社区|网格/,
      objectScope: 'sentence',
      unless: QUOTA_NOT_THE_ACT,
      weight: 1,
      quota: true,
      why: q.why,
    }),
  ),
  {
    id: 'INVESTIGATE',
    categories: ANY,
    verbs: ['调查核实', '现场核实', '现场调查', '现场核查', '调查处理', '核查处理', '调查取证', '查明'],
    objects: ENTERPRISES,
    objectScope: 'clause',
    unless: /家庭|收入|困难|低保|救助|入户调查|意愿|需求|用工|招聘|岗位|诉求|纠纷|群众意见|居民意见/,
    weight: 0.8,
    why: '到现场调查核实企业、经营户的违法或污染情况是有关部门的调查处理职责，村（社区）只能反映和报告',
  },
];

/**
 * Topics: what an application is about, to tell which category a generic exercise of
 * power belongs to (责令整改 of 燃气 is production safety, of 占道经营 city management).
 * Topics never block on their own: 安全生产月宣传 is about production safety and admissible.
 */
export const TOPICS: Record<NegativeCategory, string[]> = {
  [C.LAW_ENFORCEMENT]: [
    '无证无照', '无照经营', '证照', '营业执照', '许可证', '食品安全', '食品', '三无产品', '药品', '市场', '价格', '消防', '消防安全', '火灾隐患',
    '犬只', '养犬', '遛犬', '渔政', '禁捕', '渔具', '非法捕捞', '电鱼', '森林防火', '野外用火', '火种', '进山', '殡葬', '坟墓', '乱埋乱葬', '土葬', '治安', '交通违法', '非法营运', '黑车', '营运', '出租房屋', '群租', '野生动物', '采砂', '盗伐', '办学', '培训机构', '办学许可证', '网吧', 'KTV', '歌厅', '文化市场', '药店', '处方药', '放牧', '禁牧', '无证', '燃放', '禁放', '健康证', '厨师', '宴席', '聚餐', '林地', '占用林地', '毁林', '医保基金', '骗保', '控烟', '宗教', '农药', '培训', '农民工工资', '欠薪', '劳动保障', '工资支付',
  ],
  [C.DEMOLITION]: [
    '拆迁', '拆违', '违法建筑', '违章建筑', '违法建设', '违法建房', '违建', '私搭乱建', '乱搭乱建', '违法搭建', '大棚房', '征收', '房屋征收', '征地', '违法修建', '违规搭建', '强制拆除', '构筑物', '棚户区', '棚改', '城中村', '附着物', '清表', '交地', '腾房', '搬迁', '控违', '危旧房', '危房', '补偿协议', '建房', '擅自建房', '在建房屋', '乡村建设规划许可证', '规划许可', '违法用地', '违法占地', '两违', '加层', '搭建', '旧房', '复垦', '一户多宅',
  ],
  [C.ENVIRONMENTAL_RECTIFICATION]: [
    '环境整治', '污染', '散乱污', '排污', '污染源', '秸秆', '禁烧', '焚烧', '火点', '扬尘', '固废', '固体废物', '废渣', '督察', '生态环境', '环保', '黑臭水体', '油烟', '噪声', '禁养区', '养殖污染', '重金属', '清废', '渣土', '土壤污染', '石材', '砂石', '粉尘', '加工点', '堆场', '搅拌站', '排口', '雨污', '污水', '混接', '养殖场', '排放', '废气', '废水', '粪污', '直排', '偷排', '畜禽养殖', '露天烧烤', '农膜', '回收率', '柴油货车', '黄标车', '国三', '尾气', '机动车排放', '淘汰', '生态修复', '复绿', '植被', '修复',
    '清四乱', '四乱', '河湖整治', '河道整治', '网箱养殖', '工地扬尘', '围挡', '喷淋', '裸土', '生态流量', '下泄流量', '水土保持', '水土流失', '退养', '清网', '网箱', '围网', '地笼',
  ],
  [C.CITY_MANAGEMENT]: [
    '城市管理', '市容', '城管', '占道', '占道经营', '流动摊贩', '摊贩', '摊点', '摊位', '夜市', '户外广告', '广告牌', '店招', '招牌', '小广告', '乱张贴', '广告塔', '霓虹灯', '灯箱', '违停', '乱停', '乱停乱放', '违法停车', '停车', '机动车', '停放秩序', '车辆停放', '共享单车', '共享电单车', '地锁',
    '生活垃圾', '垃圾分类', '建筑垃圾', '餐厨垃圾', '偷倒', '文明城市', '路段', '门前三包', '乱堆乱放', '市容环境', '出店经营', '外摆', '桌凳', '桌椅', '家禽散养', '饲养家禽', '散养',
  ],
  [C.INVESTMENT_ATTRACTION]: [
    '招商', '招商引资', '引资', '引进', '投资', '投资项目', '招商项目', '引进项目', '产业项目', '签约项目', '项目落地', '项目签约', '落地企业', '企业入驻', '入驻', '产值', '招租', '乡贤回归', '投资兴业', '流转',
    '经营主体', '经营业主', '规模经营', '产业',
  ],
  [C.TAX_ASSISTANCE]: ['税', '税收', '税务', '税源', '纳税', '涉税', '个税', '个人所得税', '房产税', '耕地占用税', '社会保险费', '社保费', '医保费', '养老保险费', '保费', '缴费', '缴费基数', '参保缴费', '欠缴', '滞纳金', '社会保险', '工伤保险', '失业保险', '养老保险', '医疗保险', '社保', '有线电视费', '收视费', '两费'],
  [C.REVENUE_GENERATION]: [
    '创收', '增收', '收入', '经营性收入', '收益', '上缴', '统筹', '销售', '推销', '租金', '收费', '收缴率', '非税收入', '罚没收入', '发包', '余房', '去库存', '国有资产', '门面',
    '欠费', '借款', '欠款', '认购', '团购', '物业费', '商业保险', '商业补充医疗保险', '惠民保', '保险公司', '信用卡', '手机银行', '理财产品',
  ],
  [C.PRODUCTION_SAFETY]: [
    '安全生产', '生产安全', '生产经营单位', '企业安全', '小微企业', '九小场所', '三小场所', '危化品', '危险化学品', '烟花爆竹零售', '烟花爆竹经营', '烟花爆竹储存', '零售点', '加油站', '液化气', '燃气', '燃气安全', '游乐设施', '特种设备', '观光车', '施工安全',
    '建筑施工', '脚手架', '自建房', '施工现场', '隐患整改', '安全隐患', '有限空间', '重大危险源', '矿山', '工贸', '安全责任', '安全监管', '砖厂', '采石场', '爆破', '边坡', '化粪池', '污水井', '作业', '隐患', '九小', '灭火器', '电气线路', '结构安全', '安全巡查', '电梯', '扶梯', '锅炉', '压力容器', '起重机械', '塔吊', '检验标志', '临边防护', '安全条件', '安全生产条件', '复工复产', '安全核查', '安全把关', '安全检查', '安全生产检查', '客运', '班车', '加油', '加油车', '农机', '拖拉机', '收割机', '安全检验', '渔船',
  ],
};

/**
 * Departments named in the text hint at what it is about: a generic 责令整改 asked for by
 * the 生态环境局 is environmental rectification, by the 应急管理局 production safety.
 */
export const DEPARTMENT_TOPICS: Array<[RegExp, NegativeCategory]> = [
  [/生态环境局|生态环境部门|环保局|环委会/, C.ENVIRONMENTAL_RECTIFICATION],
  [/应急管理局|安委会|安全生产委员会/, C.PRODUCTION_SAFETY],
  [/城管局|综合行政执法局|城市管理局|城管/, C.CITY_MANAGEMENT],
  [/市场监管局|市场监督管理局|市场监管所|综合执法大队|执法大队|公安局|派出所|消防救援|文化市场/, C.LAW_ENFORCEMENT],
  [/税务局|税务部门|税务所|税务总局/, C.TAX_ASSISTANCE],
  [/商务|投资促进|经济合作|招商局|经信局/, C.INVESTMENT_ATTRACTION],
  [/房屋征收|征地|拆迁办|征收办/, C.DEMOLITION],
  [/国有资产|国资|城投公司|农投公司|财政局/, C.REVENUE_GENERATION],
];

/** Names that contain a category's words but are not its work (organisations, campaigns). */
export const PROTECTED_NAMES = [
  '招商银行', '招商局', '招商证券', '招商蛇口', '投资促进局', '安全生产月', '安全宣传咨询日', '安全生产宣传月', '消防宣传月', '防灾减灾日', '城管局', '执法局', '综合行政执法局', '执法大队', '执法中队', '执法人员',
  '拆迁安置小区', '拆迁安置房', '拆迁安置点', '安置小区', '住房城乡建设局', '住房和城乡建设局', '住房城乡建设部门', '住房和城乡建设部门',
  '执法队', '税务局', '税务部门', '税务所', '税务人员', '办税服务厅', '应急管理局', '生态环境局', '市场监管局', '市场监管所', '市场监督管理局', '农业综合执法大队', '综合执法大队', '消防救援大队',
  '拆迁办', '征收办', '征地拆迁办', '城乡居民医保', '国家反诈中心', '数字城管', '城管通', '执法记录仪', '普查办', '农普办', '经普办', '人普办', '县普查办', '创建办', '文明办', '河长办', '综治办', '禁毒办', '防汛办', '应急办', '农业综合执法大队', '文化市场综合执法大队', '执法监督', '执法行为', '城管进社区', '市容随手拍', '随手拍',
];
