/**
 * Demo three lists (三项清单): the province's guidance lists (指导清单) for 四川省, and the
 * demo county 青衣县's lists derived from them, published as version 1.
 *
 * The province's real annexes (附件1–3 of the 2021 guidance) are not reproduced here; the
 * items below are written in their spirit from the tasks that the laws themselves give to
 * villagers' and residents' committees. Citations name an article only where the article
 * is certain; otherwise they name the law or regulation alone. Negative items cite the
 * guidance's part 二（四）, which names the eight kinds of administrative work that may
 * never be pushed down, and 二（六）, which forbids buying services that need professional
 * qualification or law-enforcement power from communities.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Region } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import { Role } from '../../kernel/roles';
import type { Actor } from '../../kernel/context';
import { WorkCategory as C } from '../../catalogue';
import { LIST_KEY_PREFIX, ListItem, ListType } from '../../catalogue';
import { ListChangeKind } from '../../catalogue';
import { importGuidanceLists, publishListVersion, stageListChange } from '../../catalogue';

export interface SeedListItem {
  listType: ListType;
  title: string;
  description: string;
  category: C;
  legalBasis: string[];
  /** Kind of responsible department (guidance items), e.g. 民政部门; matched against a county's departments on import. */
  departmentHint: string | null;
  /** Reviewers' vocabulary of negative items: trigger phrases, example sentences, admissible look-alikes. */
  triggerPhrases?: string[];
  examples?: string[];
  counterExamples?: string[];
}

const 村委会法 = '《中华人民共和国村民委员会组织法》';
const 居委会法 = '《中华人民共和国城市居民委员会组织法》';
const 准入意见 = '《关于建立城乡社区工作事项准入备案制度的指导意见》（四川省民政厅等四部门，2021年3月24日）';

const { DUTY, ASSISTANCE, NEGATIVE } = ListType;
const item = (
  listType: ListType,
  title: string,
  category: C,
  departmentHint: string | null,
  legalBasis: string[],
  description: string,
  vocabulary: Vocabulary = {},
): SeedListItem => ({
  listType,
  title,
  description,
  category,
  legalBasis,
  departmentHint,
  ...vocabulary,
});

/**
 * The reviewers' vocabulary of a negative item (versioned with the lists, maintained by
 * list changes): trigger phrases, sentences that are the item's work, and admissible
 * sentences that resemble it. Written from the guidance's wording, not from any case file.
 */
interface Vocabulary {
  triggerPhrases?: string[];
  examples?: string[];
  counterExamples?: string[];
}

/** 四川省城乡社区依法履职、协助办理、工作负面事项指导清单 (demo content). */
export const GUIDANCE_LISTS: SeedListItem[] = [
  // —— 依法履职事项 ——
  item(
    DUTY,
    '组织村（居）民委员会换届选举和成员补选',
    C.SELF_GOVERNANCE,
    '民政部门',
    [`${村委会法}第十一条`, 居委会法],
    '依法组织村民委员会、居民委员会换届选举和成员补选，做好选民登记、候选人提名、投票选举和选举结果公布等工作。',
  ),
  item(
    DUTY,
    '召集村民会议、村民代表会议和居民会议，讨论决定涉及村（居）民利益的事项',
    C.SELF_GOVERNANCE,
    '民政部门',
    [`${村委会法}第二十四条`, 居委会法],
    '召集和主持村民会议、村民代表会议、居民会议，对集体经济项目、公益事业、宅基地使用方案等涉及村（居）民利益的事项依法讨论决定。',
  ),
  item(
    DUTY,
    '制定和修订村民自治章程、村规民约和居民公约',
    C.SELF_GOVERNANCE,
    '民政部门',
    [`${村委会法}第二十七条`, `${居委会法}第十五条`],
    '组织村（居）民讨论制定、修订村民自治章程、村规民约和居民公约，报乡镇人民政府、街道办事处备案并监督执行。',
  ),
  item(
    DUTY,
    '实行村（居）务公开和财务公开',
    C.SELF_GOVERNANCE,
    '民政部门',
    [`${村委会法}第三十条`],
    '按规定的时间、内容和程序公开村（居）务和集体财务收支情况，接受村（居）民监督。',
  ),
  item(
    DUTY,
    '支持村务监督委员会依法开展监督',
    C.SELF_GOVERNANCE,
    '民政部门',
    [`${村委会法}第三十二条`],
    '建立健全村务监督委员会，配合其对村务决策和公开、财产管理、工程项目建设、惠农政策落实等情况进行监督。',
  ),
  item(
    DUTY,
    '办理本村（社区）公共事务和公益事业',
    C.SELF_GOVERNANCE,
    '民政部门',
    [`${村委会法}第二条`, `${居委会法}第三条`],
    '在基层党组织领导下，组织村（居）民办理道路、水利、公共活动场所等本村（社区）的公共事务和公益事业。',
  ),
  item(
    DUTY,
    '设立人民调解委员会，调解民间纠纷',
    C.DISPUTE_MEDIATION,
    '司法行政部门',
    [`《中华人民共和国人民调解法》第八条`, `${村委会法}第七条`, `${居委会法}第十三条`],
    '设立人民调解委员会，及时调解婚姻家庭、邻里、土地承包等民间纠纷，防止矛盾激化。',
  ),
  item(
    DUTY,
    '设立治安保卫委员会，组织群防群治，协助维护社会治安',
    C.PUBLIC_SAFETY,
    '公安机关',
    [`${村委会法}第二条`, `${村委会法}第七条`, `${居委会法}第三条`],
    '设立治安保卫委员会，组织村（居）民开展群防群治和邻里守望，协助维护本村（社区）社会治安。',
  ),
  item(
    DUTY,
    '宣传宪法、法律、法规和国家政策，开展法治宣传教育',
    C.CULTURE_EDUCATION,
    '司法行政部门',
    [`${村委会法}第九条`, `${居委会法}第三条`],
    '宣传宪法、法律、法规和国家政策，教育和推动村（居）民履行法律规定的义务，维护村（居）民合法权益。',
  ),
  item(
    DUTY,
    '开展便民利民的社区服务活动',
    C.SELF_GOVERNANCE,
    '民政部门',
    [`${居委会法}第四条`],
    '开展便民利民的社区服务活动，兴办有关的服务事业，组织志愿服务和邻里互助。',
  ),
  item(
    DUTY,
    '依法管理村集体所有的土地和其他财产，支持发展集体经济',
    C.AGRICULTURE_RURAL,
    '农业农村部门',
    [`${村委会法}第八条`],
    '依照法律规定管理本村属于农民集体所有的土地和其他财产，支持和组织村民依法发展合作经济，引导合理利用自然资源、保护和改善生态环境。',
  ),
  item(
    DUTY,
    '开展社会主义精神文明建设和移风易俗活动',
    C.CULTURE_EDUCATION,
    '文化广播电视和旅游部门',
    [`${村委会法}第九条`, `${居委会法}第三条`],
    '开展多种形式的社会主义精神文明建设活动，发展文化教育，普及科技知识，促进男女平等，推动移风易俗。',
  ),
  item(
    DUTY,
    '向人民政府反映村（居）民的意见、要求和建议',
    C.SELF_GOVERNANCE,
    '民政部门',
    [`${村委会法}第二条`, `${居委会法}第三条`],
    '收集并向乡镇人民政府、街道办事处反映村（居）民的意见、要求，提出建议。',
  ),
  item(
    DUTY,
    '组织开展爱国卫生运动和公共卫生自治活动',
    C.HEALTH,
    '卫生健康部门',
    [`${村委会法}第七条`, `${居委会法}第十三条`],
    '设立公共卫生委员会，组织村（居）民开展爱国卫生运动、健康知识普及和人居环境自我管理。',
  ),
  item(
    DUTY,
    '反映老年人要求，维护老年人合法权益，为老年人服务',
    C.ELDERLY_CARE,
    '民政部门',
    ['《中华人民共和国老年人权益保障法》第七条'],
    '反映老年人的要求，维护老年人合法权益，组织邻里互助和志愿服务，为老年人提供关爱服务。',
  ),

  // —— 协助办理事项 ——
  item(
    ASSISTANCE,
    '协助开展最低生活保障、特困人员救助供养的申请受理和入户调查',
    C.SOCIAL_ASSISTANCE,
    '民政部门',
    ['《社会救助暂行办法》', `${村委会法}第五条`, `${居委会法}第三条`],
    '协助乡镇人民政府（街道办事处）受理或代为提出低保、特困供养申请，参与入户调查、民主评议和张榜公示。',
  ),
  item(
    ASSISTANCE,
    '协助开展临时救助和困难群众排查',
    C.SOCIAL_ASSISTANCE,
    '民政部门',
    ['《社会救助暂行办法》', `${居委会法}第三条`],
    '协助发现和报告遭遇急难的困难群众，协助受理临时救助申请，参与困难群众动态排查。',
  ),
  item(
    ASSISTANCE,
    '协助开展高龄津贴等老年人福利补贴申请和居家养老服务',
    C.ELDERLY_CARE,
    '民政部门',
    ['《中华人民共和国老年人权益保障法》', `${村委会法}第五条`],
    '协助宣传老年人福利政策，代收高龄津贴等申请材料，协助掌握独居、空巢老年人情况并组织探访关爱。',
  ),
  item(
    ASSISTANCE,
    '协助开展农村留守儿童和困境儿童关爱保护',
    C.SOCIAL_ASSISTANCE,
    '民政部门',
    ['《中华人民共和国未成年人保护法》', `${居委会法}第三条`],
    '由儿童主任协助建立留守儿童、困境儿童信息台账，协助监护指导和关爱帮扶，发现侵害情形及时报告。',
  ),
  item(
    ASSISTANCE,
    '协助开展残疾人证办理、残疾人两项补贴申请和残疾人服务',
    C.DISABILITY,
    '残疾人联合会',
    ['《中华人民共和国残疾人保障法》', `${村委会法}第五条`],
    '协助宣传残疾人保障政策，协助受理困难残疾人生活补贴和重度残疾人护理补贴申请，协助开展残疾人需求摸排。',
  ),
  item(
    ASSISTANCE,
    '协助开展退役军人和其他优抚对象服务',
    C.VETERANS,
    '退役军人事务部门',
    ['《中华人民共和国退役军人保障法》', `${居委会法}第三条`],
    '协助退役军人服务站做好退役军人和其他优抚对象的信息采集、政策宣传、走访慰问和困难帮扶。',
  ),
  item(
    ASSISTANCE,
    '协助开展兵役登记和征兵宣传动员',
    C.OTHER,
    '人民武装部',
    ['《中华人民共和国兵役法》', '《征兵工作条例》'],
    '协助做好适龄男性公民兵役登记的通知和宣传，协助开展征兵政策宣传和应征青年动员。',
  ),
  item(
    ASSISTANCE,
    '协助开展基本公共卫生服务、健康教育和传染病防控宣传',
    C.HEALTH,
    '卫生健康部门',
    ['《中华人民共和国传染病防治法》', `${居委会法}第三条`],
    '协助村（社区）卫生室和社区卫生服务机构开展健康教育、重点人群随访通知和传染病防控宣传动员。',
  ),
  item(
    ASSISTANCE,
    '协助开展人口监测和生育服务',
    C.POPULATION,
    '卫生健康部门',
    ['《中华人民共和国人口与计划生育法》', `${村委会法}第九条`, `${居委会法}第三条`],
    '协助宣传生育支持政策，协助做好生育登记服务的告知和出生人口信息的核实报告。',
  ),
  item(
    ASSISTANCE,
    '协助开展城乡居民基本养老保险参保登记和待遇资格认证宣传',
    C.EMPLOYMENT_SOCIAL_SECURITY,
    '人力资源社会保障部门',
    ['《中华人民共和国社会保险法》', '《国务院关于建立统一的城乡居民基本养老保险制度的意见》'],
    '协助宣传城乡居民基本养老保险政策，协助参保登记和待遇领取资格认证的告知，不承担保费代收。',
  ),
  item(
    ASSISTANCE,
    '协助开展城乡居民基本医疗保险参保动员',
    C.EMPLOYMENT_SOCIAL_SECURITY,
    '医疗保障部门',
    ['《中华人民共和国社会保险法》'],
    '协助宣传城乡居民基本医疗保险政策和缴费渠道，动员未参保居民参保。',
  ),
  item(
    ASSISTANCE,
    '协助开展就业困难人员摸排和就业政策宣传',
    C.EMPLOYMENT_SOCIAL_SECURITY,
    '人力资源社会保障部门',
    ['《中华人民共和国就业促进法》'],
    '协助摸排就业困难人员和农村劳动力转移就业情况，发布招聘信息，宣传就业创业扶持政策。',
  ),
  item(
    ASSISTANCE,
    '协助开展人口普查、经济普查、农业普查等重大国情国力调查',
    C.STATISTICS_SURVEY,
    '统计机构',
    ['《中华人民共和国统计法》', '《全国人口普查条例》', '《全国经济普查条例》', '《全国农业普查条例》'],
    '协助普查机构做好普查区域划分、普查员选聘推荐、入户登记的组织动员和宣传。',
  ),
  item(
    ASSISTANCE,
    '协助开展突发事件的宣传动员、自救互救和转移避险',
    C.EMERGENCY_MANAGEMENT,
    '应急管理部门',
    ['《中华人民共和国突发事件应对法》'],
    '按照当地人民政府的决定、命令，协助开展突发事件预警信息传递、宣传动员，组织群众自救互救和转移避险，协助维护社会秩序。',
  ),
  item(
    ASSISTANCE,
    '协助开展地质灾害隐患群测群防',
    C.EMERGENCY_MANAGEMENT,
    '自然资源部门',
    ['《地质灾害防治条例》'],
    '协助落实地质灾害隐患点群测群防员，汛期协助巡查、发现和报告险情，组织受威胁群众避险转移。',
  ),
  item(
    ASSISTANCE,
    '协助开展群众性消防工作',
    C.EMERGENCY_MANAGEMENT,
    '消防救援机构',
    ['《中华人民共和国消防法》'],
    '确定消防安全管理人，组织制定防火安全公约，开展消防安全宣传和防火巡查，发现火灾隐患及时报告。',
  ),
  item(
    ASSISTANCE,
    '协助开展社区矫正对象的走访帮扶',
    C.PUBLIC_SAFETY,
    '司法行政部门',
    ['《中华人民共和国社区矫正法》'],
    '依法协助社区矫正机构了解社区矫正对象的日常表现，参与教育帮扶，发现异常情况及时报告。',
  ),
  item(
    ASSISTANCE,
    '协助开展禁毒宣传和社区戒毒社区康复',
    C.PUBLIC_SAFETY,
    '公安机关',
    ['《中华人民共和国禁毒法》'],
    '协助开展禁毒宣传教育，协助做好社区戒毒、社区康复人员的帮扶和发现报告。',
  ),
  item(
    ASSISTANCE,
    '协助开展矛盾纠纷排查和信访诉求反映',
    C.DISPUTE_MEDIATION,
    '信访部门',
    ['《信访工作条例》', `${居委会法}第三条`],
    '协助排查矛盾纠纷和不稳定因素，收集并如实反映群众诉求，协助做好疏导化解。',
  ),
  item(
    ASSISTANCE,
    '协助开展流动人口和出租房屋信息的登记报告',
    C.POPULATION,
    '公安机关',
    ['《居住证暂行条例》', `${居委会法}第三条`],
    '协助公安派出所做好流动人口和出租房屋基础信息的采集告知和变动报告，不承担登记审批。',
  ),
  item(
    ASSISTANCE,
    '协助开展农村土地承包和宅基地管理政策宣传与信息报送',
    C.AGRICULTURE_RURAL,
    '农业农村部门',
    ['《中华人民共和国农村土地承包法》', '《中华人民共和国土地管理法》'],
    '协助宣传农村土地承包和宅基地管理政策，协助做好承包经营权变更、宅基地申请材料的收集和初步核实。',
  ),
  item(
    ASSISTANCE,
    '协助开展惠农补贴政策宣传和补贴对象公示',
    C.AGRICULTURE_RURAL,
    '农业农村部门',
    [`${村委会法}第三十条`, `${村委会法}第五条`],
    '协助宣传耕地地力保护补贴等惠农政策，协助补贴对象信息的核实和公示。',
  ),
  item(
    ASSISTANCE,
    '协助开展殡葬改革和移风易俗宣传',
    C.CULTURE_EDUCATION,
    '民政部门',
    ['《殡葬管理条例》'],
    '协助宣传殡葬改革政策，劝导文明节俭办丧事，协助发现和报告乱埋乱葬等情况。',
  ),
  item(
    ASSISTANCE,
    '协助开展政务服务事项的帮办代办',
    C.OTHER,
    '政务服务和大数据管理部门',
    [`${居委会法}第二条`, `${村委会法}第五条`, `${准入意见}二（三）`],
    '依托村（社区）便民服务站，协助群众办理社保、医保、救助等政务服务事项的咨询、代办和材料收转，不承担审批。',
  ),
  item(
    ASSISTANCE,
    '协助指导成立业主大会、选举业主委员会',
    C.SELF_GOVERNANCE,
    '住房城乡建设部门',
    ['《中华人民共和国民法典》', '《物业管理条例》'],
    '协助街道办事处、乡镇人民政府指导业主成立业主大会、选举业主委员会，协调处理物业服务矛盾。',
  ),
  item(
    ASSISTANCE,
    '协助开展防范电信网络诈骗宣传',
    C.PUBLIC_SAFETY,
    '公安机关',
    ['《中华人民共和国反电信网络诈骗法》'],
    '协助开展防范电信网络诈骗等宣传教育，发现可疑情况及时报告。',
  ),

  // —— 工作负面事项 ——
  item(
    NEGATIVE,
    '行政处罚、行政强制等行政执法事项',
    C.LAW_ENFORCEMENT,
    '综合行政执法部门',
    [`${准入意见}二（四）`, '《中华人民共和国行政处罚法》', '《中华人民共和国行政强制法》'],
    '行政处罚、行政强制、行政检查等行政执法职权由有关部门及其执法机构或依法授权的乡镇（街道）行使，不得交由村（社区）实施或以村（社区）名义实施。',
    {
      triggerPhrases: ['当场罚款', '暂扣证件', '查封扣押', '责令停业', '收缴工具'],
      examples: ['由村（社区）工作人员对违法行为人当场处以罚款并开具收据。', '村（社区）负责扣押违规经营者的工具和物品，交执法部门处理。'],
      counterExamples: ['村（社区）发现违法线索后及时报告执法部门，由执法部门依法查处。'],
    },
  ),
  item(
    NEGATIVE,
    '以购买服务名义下沉的执法类事项',
    C.LAW_ENFORCEMENT,
    '财政部门',
    [`${准入意见}二（四）`, `${准入意见}二（六）`, '《政府购买服务管理办法》'],
    '不得以“购买服务”名义将执法检查、违法行为查处、执法取证等需要执法资格或专业资质的事项交由村（社区）承担。',
    { triggerPhrases: ['购买执法辅助服务', '购买执法巡查服务'], examples: ['以购买服务方式由社区承担执法巡查、违法行为查处和执法取证工作。'] },
  ),
  item(
    NEGATIVE,
    '协助开展违法建筑拆除、征地拆迁和房屋征收',
    C.DEMOLITION,
    '住房城乡建设部门',
    [`${准入意见}二（四）`, '《中华人民共和国城乡规划法》', '《国有土地上房屋征收与补偿条例》'],
    '违法建筑的认定、查处和拆除，征地拆迁、房屋征收的实施和动员签约，由有关部门和依法授权的乡镇（街道）负责，不得要求村（社区）承担或协助拆除。',
    {
      triggerPhrases: ['组织拆除违法建筑', '动员签订征收补偿协议', '清除地上附着物', '违建拆除任务', '征收签约率'],
      examples: ['社区负责组织人员拆除辖区违法建筑，并按月上报拆除面积。', '村委会逐户动员被征收户签订补偿协议并按期腾房。'],
      counterExamples: ['村民会议讨论征地补偿安置方案，村委会收集并反映群众意见。', '发现新增违法建设线索的，及时报告乡镇综合行政执法队。'],
    },
  ),
  item(
    NEGATIVE,
    '生态环境执法检查和污染源排查整治',
    C.ENVIRONMENTAL_RECTIFICATION,
    '生态环境部门',
    [`${准入意见}二（四）`, '《中华人民共和国环境保护法》'],
    '企业排污监督检查、污染源排查整治和环境违法行为查处由生态环境部门负责，不得下达给村（社区）。',
    {
      triggerPhrases: ['污染源排查', '排污检查', '督促企业停产整改'],
      examples: ['村（社区）每月对辖区企业排污情况开展检查，对超标排放的督促停产整改。'],
      counterExamples: ['社区收集居民对污染问题的投诉，转交生态环境部门调查处理。'],
    },
  ),
  item(
    NEGATIVE,
    '秸秆禁烧、散乱污企业整治等专项环境整治任务',
    C.ENVIRONMENTAL_RECTIFICATION,
    '生态环境部门',
    [`${准入意见}二（四）`],
    '不得以专项整治名义向村（社区）下达秸秆禁烧巡查、散乱污企业关停等环境整治任务和考核指标。',
    {
      triggerPhrases: ['秸秆禁烧值守', '禁烧巡查', '火点扣分', '散乱污企业关停', '散乱污排查'],
      examples: ['村干部在田间地头设点值守，严防秸秆焚烧，出现火点的村扣减考核分。', '村（社区）对散乱污企业开展拉网式排查并督促关停。'],
      counterExamples: ['村（社区）宣传秸秆综合利用政策，发现焚烧苗头及时劝阻并报告乡镇。'],
    },
  ),
  item(
    NEGATIVE,
    '占道经营、违规户外广告等市容秩序管理和处罚',
    C.CITY_MANAGEMENT,
    '综合行政执法部门',
    [`${准入意见}二（四）`, '《城市市容和环境卫生管理条例》'],
    '占道经营、违规设置户外广告、乱堆乱放等城市管理事项的查处由城市管理和综合执法部门负责，不得要求村（社区）巡查处置。',
    {
      triggerPhrases: ['清理占道经营', '劝离流动摊贩', '拆除违规广告', '张贴违停告知单'],
      examples: ['社区每天安排人员在主要街道劝离流动摊贩、清理占道经营物品。'],
      counterExamples: ['社区工作人员发现市容问题，通过随手拍渠道上报城管部门处理。'],
    },
  ),
  item(
    NEGATIVE,
    '招商引资任务和指标',
    C.INVESTMENT_ATTRACTION,
    '商务部门',
    [`${准入意见}二（四）`],
    '不得向村（社区）下达招商引资、项目引进任务和指标，不得将其纳入对村（社区）的考核。',
    {
      triggerPhrases: ['招商任务', '引进企业任务', '项目签约任务', '招商引资指标'],
      examples: ['每个村（社区）年内引进投资项目不少于1个，完成情况纳入考核。'],
      counterExamples: ['村（社区）在公示栏发布企业招聘信息，帮助群众就业。'],
    },
  ),
  item(
    NEGATIVE,
    '协税护税和代征代收税费',
    C.TAX_ASSISTANCE,
    '税务部门',
    [`${准入意见}二（四）`, '《中华人民共和国税收征收管理法》'],
    '不得要求村（社区）承担协税护税、代征代收税费和欠税追缴任务。',
    {
      triggerPhrases: ['代收税费', '催缴税款', '代收社会保险费', '税源调查', '督促纳税'],
      examples: ['村（社区）工作人员上门收取城乡居民医保个人缴费并统一解缴。', '社区对辖区个体工商户开展税源调查，督促其按期申报纳税。'],
      counterExamples: ['社区张贴税费政策宣传资料，居民通过线上渠道自行缴费。'],
    },
  ),
  item(
    NEGATIVE,
    '经济创收和罚没收入、收费指标',
    C.REVENUE_GENERATION,
    '财政部门',
    [`${准入意见}二（四）`],
    '不得向村（社区）下达经济创收、罚没收入或行政事业性收费指标。',
    {
      triggerPhrases: ['创收指标', '收费指标', '收缴率', '销售任务', '上缴乡镇统筹'],
      examples: ['村（社区）年经营性收入不低于5万元，收入的一部分上缴乡镇统筹使用。'],
      counterExamples: ['村民代表会议讨论决定集体经济发展项目，收益归村集体所有。'],
    },
  ),
  item(
    NEGATIVE,
    '企业安全生产监督检查和事故调查处理',
    C.PRODUCTION_SAFETY,
    '应急管理部门',
    [`${准入意见}二（四）`, '《中华人民共和国安全生产法》'],
    '生产经营单位安全生产的监督检查、隐患整改督办和生产安全事故调查处理由负有安全生产监督管理职责的部门负责，村（社区）不承担监管责任。',
    {
      triggerPhrases: ['企业安全检查', '下达隐患整改通知', '安全生产目标责任书'],
      examples: ['网格员每月对辖区企业开展安全生产检查，对隐患下达整改通知并复查销号。'],
      counterExamples: ['村（社区）在安全生产月期间张贴宣传海报，组织居民参加应急科普活动。'],
    },
  ),
  item(
    NEGATIVE,
    '建筑施工、燃气、危险化学品等行业领域安全监管',
    C.PRODUCTION_SAFETY,
    '应急管理部门',
    [`${准入意见}二（四）`, '《中华人民共和国安全生产法》'],
    '不得要求村（社区）对建筑施工、燃气经营、危险化学品等行业领域开展安全监管、签订监管责任书或承担属地监管责任。',
    {
      triggerPhrases: ['燃气安全检查', '属地监管责任', '施工安全巡查', '危化品检查', '签订监管责任书'],
      examples: ['村（社区）对辖区燃气用户和餐饮场所开展安全检查，督促整改隐患。', '明确村为农村自建房施工安全属地监管责任主体，负责施工现场巡查。'],
      counterExamples: ['入户安检由燃气企业持证人员实施，社区协助张贴安检通知。'],
    },
  ),
  item(
    NEGATIVE,
    '食品药品、产品质量等市场监管执法检查',
    C.LAW_ENFORCEMENT,
    '市场监督管理部门',
    [`${准入意见}二（四）`],
    '食品药品安全、产品质量、价格等市场监管执法检查由市场监督管理部门负责，不得交由村（社区）检查或处置。',
    {
      triggerPhrases: ['查验营业执照', '食品安全检查', '无证经营清理', '下架封存'],
      examples: ['村（社区）对辖区经营户查验营业执照和食品经营许可证，对无证经营的责令停止经营。'],
      counterExamples: ['村（社区）获知集体聚餐信息后提醒举办者向市场监管所报备。'],
    },
  ),
  item(
    NEGATIVE,
    '对村（社区）设置“一票否决”考核事项',
    C.OTHER,
    '社会工作部门',
    [`${准入意见}二（四）`],
    '有关部门和乡镇（街道）不得对村（社区）设置“一票否决”事项，不得以目标考核方式评价村（社区）协助办理的工作。',
  ),
  item(
    NEGATIVE,
    '要求村（社区）出具无法律法规依据或无法核实的证明',
    C.OTHER,
    '司法行政部门',
    [`${准入意见}二（五）`],
    '不得要求村（社区）出具没有法律法规依据、已经取消或村（社区）没有能力核实的证明事项（“万能章”）。',
  ),
];

/** Items 青衣县 adds of its own (a county on the 青衣江, near the giant panda national park). */
export const QINGYI_OWN_ITEMS: Array<SeedListItem & { department: string }> = [
  {
    ...item(
      ASSISTANCE,
      '协助开展青衣江沿岸汛期巡查和危险区群众转移',
      C.EMERGENCY_MANAGEMENT,
      '水利部门',
      ['《中华人民共和国防洪法》', '《中华人民共和国突发事件应对法》'],
      '汛期协助巡查青衣江及支流沿岸的山洪、滑坡危险区，传递预警信息，组织危险区群众转移避险。',
    ),
    department: '青衣县水利局',
  },
  {
    ...item(
      ASSISTANCE,
      '协助开展大熊猫国家公园周边森林草原防灭火宣传和野外用火劝阻',
      C.EMERGENCY_MANAGEMENT,
      '林业部门',
      ['《森林防火条例》', '《草原防火条例》'],
      '在防火期协助开展森林草原防灭火宣传，劝阻野外违规用火，发现火情及时报告。',
    ),
    department: '青衣县林业局',
  },
  {
    ...item(
      NEGATIVE,
      '茶叶、竹产业招商和产值考核任务',
      C.INVESTMENT_ATTRACTION,
      '商务部门',
      [`${准入意见}二（四）`],
      '不得向村（社区）下达茶叶、竹产业招商引资和产值增长考核任务。',
      {
        triggerPhrases: ['茶叶招商', '竹产业招商', '茶叶产值考核', '竹产业产值考核', '新增茶园面积任务'],
        examples: ['产茶村年内引进茶叶加工企业1家以上，茶叶产值同比增长10%。'],
        counterExamples: ['县茶叶技术推广站举办病虫害防控培训，村协助通知茶农参加。'],
      },
    ),
    department: '青衣县商务和经济信息化局',
  },
];

export const QINGYI_LIST_VERSION_1 = {
  documentNumber: '青社工发〔2026〕1号',
  publishedAt: '2026-03-01',
  note: '依据四川省城乡社区依法履职、协助办理、工作负面事项指导清单，结合本县实际制定并发布本县村（社区）三项清单。',
};

export interface DemoListsSummary {
  guidanceItems: number;
  countyItems: number;
}

/**
 * Seeds the province's guidance lists, derives 青衣县's lists from them (plus its own
 * items) and publishes version 1 as the county's reviewer. Runs inside seedDemoCounty's
 * transaction, after its flush.
 */
export async function seedDemoLists(em: EntityManager, parts: { province: Region; county: Region; reviewer: User }): Promise<DemoListsSummary> {
  const counters = new Map<ListType, number>();
  for (const g of GUIDANCE_LISTS) {
    const n = (counters.get(g.listType) ?? 0) + 1;
    counters.set(g.listType, n);
    em.create(ListItem, {
      region: parts.province,
      listType: g.listType,
      itemKey: `${LIST_KEY_PREFIX[g.listType]}-${String(n).padStart(3, '0')}`,
      title: g.title,
      description: g.description,
      category: g.category,
      legalBasis: g.legalBasis,
      departmentHint: g.departmentHint,
      triggerPhrases: g.triggerPhrases ?? [],
      examples: g.examples ?? [],
      counterExamples: g.counterExamples ?? [],
    });
  }
  await em.flush();

  const reviewer: Actor = {
    userId: parts.reviewer.id,
    username: parts.reviewer.username,
    role: Role.REVIEWER,
    regionId: parts.county.id,
    departmentId: null,
    communityId: null,
    via: 'jwt',
  };
  await importGuidanceLists(em, reviewer, { countyId: parts.county.id });
  const departments = await em.find(Department, { region: parts.county.id });
  for (const own of QINGYI_OWN_ITEMS) {
    await stageListChange(em, reviewer, {
      countyId: parts.county.id,
      kind: ListChangeKind.ADD,
      reason: '结合本县实际增列',
      proposed: {
        listType: own.listType,
        title: own.title,
        description: own.description,
        category: own.category,
        legalBasis: own.legalBasis,
        triggerPhrases: own.triggerPhrases ?? [],
        examples: own.examples ?? [],
        counterExamples: own.counterExamples ?? [],
        departmentId: departments.find((d) => d.name === own.department)?.id ?? null,
      },
    });
  }
  const version = await publishListVersion(em, reviewer, { countyId: parts.county.id, ...QINGYI_LIST_VERSION_1 });
  return { guidanceItems: GUIDANCE_LISTS.length, countyItems: version.dutyCount + version.assistanceCount + version.negativeCount };
}
