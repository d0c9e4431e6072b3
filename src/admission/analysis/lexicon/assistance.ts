/**
 * What communities may do when they assist a department (省意见二（三）：联系村（居）民群众、
 * 入户开展调查、组织动员发动、宣传教育劝阻、群众诉求反映，以及非专业性工作任务的发现报告和政务
 * 服务的辅助办理), as vocabulary. Used to explain why a look-alike is admissible (“社区承担的
 * 是宣传、发现报告”) and to recognise publicity and report frames around a sensitive topic.
 */
export interface AssistanceAction {
  key: string;
  label: string;
  words: string[];
}

export const ASSISTANCE_ACTIONS: AssistanceAction[] = [
  { key: 'CONTACT', label: '联系群众', words: ['联系', '联络', '走访', '探访', '家访', '看望', '慰问', '上门走访', '入户走访', '结对'] },
  {
    key: 'SURVEY',
    label: '入户调查',
    words: ['入户调查', '入户登记', '调查', '摸底', '摸排', '登记', '核实', '核对', '采集', '统计', '信息采集', '排查', '随访'],
  },
  {
    key: 'MOBILISE',
    label: '组织动员',
    words: ['组织', '动员', '发动', '召集', '召开', '组织开展', '宣传动员', '志愿服务', '志愿者', '议事', '协商', '院坝会'],
  },
  {
    key: 'EDUCATE',
    label: '宣传教育劝阻',
    words: [
      '宣传',
      '宣讲',
      '讲解',
      '解读',
      '教育',
      '培训',
      '科普',
      '普及',
      '倡导',
      '引导',
      '劝导',
      '劝阻',
      '劝说',
      '提醒',
      '告知',
      '通知',
      '张贴',
      '转发',
      '发放',
      '公示',
      '公告',
      '广播',
      '知晓',
      '咨询',
    ],
  },
  { key: 'VOICE', label: '群众诉求反映', words: ['反映', '诉求', '收集意见', '征求意见', '意见', '建议', '听取'] },
  { key: 'REPORT', label: '发现报告', words: ['发现', '报告', '上报', '拍照上报', '报送', '举报', '线索', '反馈'] },
  {
    key: 'SERVICE',
    label: '政务服务辅助办理',
    words: ['代办', '帮办', '受理', '代收申请材料', '材料收转', '收转', '协助办理', '辅助办理', '指导', '帮助', '协助', '提供场地', '场地'],
  },
];

/** Verbs that make what follows them the content of publicity, a reminder or a report, not a task. */
export const FRAME_VERBS = [
  '宣传',
  '宣讲',
  '讲解',
  '解读',
  '告知',
  '提醒',
  '普及',
  '培训',
  '教育',
  '倡导',
  '劝导',
  '劝阻',
  '引导',
  '通知',
  '公示',
  '张贴',
  '转发',
  '发放',
  '知晓',
  '学习',
  '咨询',
  '反映',
  '报告',
  '上报',
  '举报',
  '科普',
  '警示',
  '听取',
  '征求',
];

/** Clause openings that state a purpose or a basis, not a task: 为推进综合行政执法改革… */
export const PURPOSE_OPENING = /^(为了|为|围绕|根据|按照|依据|依照|落实|贯彻|结合|针对|鉴于|受|随着|因|在[^，。；]{0,12}(期间|之际))/;

/** Topics that legitimately appear in publicity of a negative-list subject (安全生产月宣传, 税收宣传…). */
export const PUBLICITY_TOPICS: Record<string, string[]> = {
  PRODUCTION_SAFETY: ['安全生产月', '安全宣传咨询日', '安全宣传', '应急科普', '安全常识', '安全知识', '安全用气', '安全生产', '安全', '应急'],
  TAX_ASSISTANCE: ['税收宣传', '税费政策', '税收政策', '纳税', '个税', '税务', '税'],
  LAW_ENFORCEMENT: ['普法', '法治宣传', '法律', '执法', '违法'],
  DEMOLITION: ['违法建设', '违建', '拆迁', '征收', '改造'],
  ENVIRONMENTAL_RECTIFICATION: ['环保', '生态环境', '禁烧', '秸秆', '垃圾', '污染', '人居环境'],
  CITY_MANAGEMENT: ['市容', '文明', '垃圾分类', '城市管理'],
  INVESTMENT_ATTRACTION: ['招商', '投资', '营商环境', '产业'],
  REVENUE_GENERATION: ['集体经济', '增收', '收入'],
};
