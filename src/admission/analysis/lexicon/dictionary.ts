/**
 * The user dictionary given to the segmenter: every term the analysis matches on word
 * boundaries (so jieba keeps it whole), and names that must stay whole so that their
 * parts are not read as actions (招商银行, 安全生产月, 城管局, 执法人员…).
 */
import { ACTION_PATTERNS, PROTECTED_NAMES, TOPICS } from './negative';
import { COMMUNITY_ACTORS, OTHER_ACTORS } from './actors';
import { ASSISTANCE_ACTIONS, FRAME_VERBS } from './assistance';

/** Administrative words jieba's default dictionary cuts apart. */
const ADMINISTRATIVE_TERMS = [
  '村（社区）',
  '协助办理',
  '依法履职',
  '负面清单',
  '准入',
  '费随事转',
  '一票否决',
  '一票否优',
  '目标考核',
  '属地管理',
  '网格化管理',
  '群防群治',
  '群测群防',
  '便民服务站',
  '告知书',
  '通知书',
  '告知单',
  '决定书',
  '责任书',
  '承诺书',
  '责任状',
  '违停告知单',
  '整改通知书',
  '限期改正通知书',
  '催缴通知书',
  '代收代缴',
  '代征代收',
  '协税护税',
  '经济创收',
  '招商引资',
  '拆迁拆违',
  '环境整治',
  '城市管理',
  '安全生产',
  '生产安全',
  '行政执法',
  '综合执法',
  '入户调查',
  '入户登记',
  '发现报告',
  '辅助办理',
  '政务服务',
  '帮办代办',
  '材料收转',
  '宣传动员',
  '宣传引导',
  '劝导员',
  '秸秆禁烧',
  '散乱污',
  '私搭乱建',
  '违法建设',
  '违法建房',
  '违章建筑',
  '大棚房',
  '附着物',
  '棚户区',
  '城中村',
  '占道经营',
  '流动摊贩',
  '户外广告',
  '共享电单车',
  '九小场所',
  '三小场所',
  '生产经营单位',
  '危险化学品',
  '烟花爆竹',
  '游乐设施',
  '特种设备',
  '有限空间',
  '自建房',
  '脚手架',
  '社会保险费',
  '养老保险费',
  '医疗保险费',
  '医保费',
  '社保费',
  '有线电视费',
  '垃圾处理费',
  '耕地占用税',
  '个人所得税',
  '涉税信息',
  '税源',
  '经营性收入',
  '集体经济',
  '非税收入',
  '收缴率',
  '签约率',
  '参保率',
  '注册率',
  '申报率',
  '整改率',
  '销号',
  '复查销号',
  '执法人员',
  '执法队员',
  '执法中队',
  '执法大队',
  '畜牧兽医站',
  '兽医人员',
  '执业兽医',
  '持证人员',
  '燃气企业',
  '燃气经营企业',
  '物业服务企业',
  '施工单位',
];

export function userDictionaryWords(): string[] {
  const words = new Set<string>();
  const add = (w: string) => {
    const t = w.trim();
    if (t.length >= 2 && t.length <= 12 && !/\s/.test(t)) words.add(t);
  };
  ADMINISTRATIVE_TERMS.forEach(add);
  PROTECTED_NAMES.forEach(add);
  COMMUNITY_ACTORS.forEach(add);
  OTHER_ACTORS.forEach(add);
  FRAME_VERBS.forEach(add);
  for (const a of ASSISTANCE_ACTIONS) a.words.forEach(add);
  for (const list of Object.values(TOPICS)) list.forEach(add);
  for (const p of ACTION_PATTERNS) {
    p.verbs?.forEach(add);
    p.objects?.forEach(add);
  }
  return [...words];
}
