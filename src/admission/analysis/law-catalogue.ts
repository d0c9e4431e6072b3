/**
 * Laws, regulations, rules and central or provincial policy documents commonly cited as the
 * basis of work in villages and urban communities. A citation found here is a basis; one
 * not found (a real-looking 《…》 title or a complete document number) is flagged for the
 * reviewer to confirm (LEGAL_BASIS_UNVERIFIED). Titles are given without 《》 and without
 * the 中华人民共和国 prefix, which the matcher ignores.
 *
 * Kinds: LAW 法律, REGULATION 行政法规 (国务院条例、暂行办法), RULE 部门规章, LOCAL 四川省地方性
 * 法规, POLICY 中央和省级政策文件.
 */
export type LawKind = 'LAW' | 'REGULATION' | 'RULE' | 'LOCAL' | 'POLICY';

export interface LawEntry {
  title: string;
  kind: LawKind;
  /** Other names it is cited by. */
  aliases?: string[];
}

const law = (title: string, aliases?: string[]): LawEntry => ({ title, kind: 'LAW', aliases });
const reg = (title: string, aliases?: string[]): LawEntry => ({ title, kind: 'REGULATION', aliases });
const rule = (title: string, aliases?: string[]): LawEntry => ({ title, kind: 'RULE', aliases });
const local = (title: string, aliases?: string[]): LawEntry => ({ title, kind: 'LOCAL', aliases });
const policy = (title: string, aliases?: string[]): LawEntry => ({ title, kind: 'POLICY', aliases });

export const LAW_CATALOGUE: LawEntry[] = [
  // —— 法律 ——
  law('宪法'),
  law('村民委员会组织法', ['村委会组织法']),
  law('城市居民委员会组织法', ['居委会组织法', '居民委员会组织法']),
  law('全国人民代表大会和地方各级人民代表大会选举法', ['选举法']),
  law('民法典'),
  law('社会保险法'),
  law('老年人权益保障法'),
  law('未成年人保护法'),
  law('预防未成年人犯罪法'),
  law('家庭教育促进法'),
  law('残疾人保障法'),
  law('妇女权益保障法'),
  law('反家庭暴力法'),
  law('退役军人保障法'),
  law('军人地位和权益保障法'),
  law('英雄烈士保护法'),
  law('兵役法'),
  law('国防法'),
  law('国防教育法'),
  law('人民防空法'),
  law('传染病防治法'),
  law('基本医疗卫生与健康促进法'),
  law('精神卫生法'),
  law('母婴保健法'),
  law('疫苗管理法'),
  law('药品管理法'),
  law('中医药法'),
  law('献血法'),
  law('职业病防治法'),
  law('人口与计划生育法'),
  law('就业促进法'),
  law('劳动法'),
  law('劳动合同法'),
  law('统计法'),
  law('突发事件应对法'),
  law('防洪法'),
  law('防震减灾法'),
  law('气象法'),
  law('消防法'),
  law('安全生产法'),
  law('特种设备安全法'),
  law('道路交通安全法'),
  law('森林法'),
  law('草原法'),
  law('水法'),
  law('水土保持法'),
  law('土地管理法'),
  law('农村土地承包法'),
  law('乡村振兴促进法'),
  law('农业法'),
  law('农业技术推广法'),
  law('种子法'),
  law('动物防疫法'),
  law('畜牧法'),
  law('渔业法'),
  law('农产品质量安全法'),
  law('食品安全法'),
  law('环境保护法'),
  law('大气污染防治法'),
  law('水污染防治法'),
  law('固体废物污染环境防治法'),
  law('土壤污染防治法'),
  law('噪声污染防治法', ['环境噪声污染防治法']),
  law('长江保护法'),
  law('湿地保护法'),
  law('野生动物保护法'),
  law('城乡规划法'),
  law('建筑法'),
  law('城市房地产管理法'),
  law('治安管理处罚法'),
  law('行政处罚法'),
  law('行政强制法'),
  law('行政许可法'),
  law('禁毒法'),
  law('反电信网络诈骗法'),
  law('反恐怖主义法'),
  law('国家安全法'),
  law('反间谍法'),
  law('人民调解法'),
  law('社区矫正法'),
  law('法律援助法'),
  law('律师法'),
  law('公证法'),
  law('义务教育法'),
  law('教育法'),
  law('民办教育促进法'),
  law('职业教育法'),
  law('学前教育法'),
  law('公共文化服务保障法'),
  law('公共图书馆法'),
  law('体育法'),
  law('文物保护法'),
  law('旅游法'),
  law('慈善法'),
  law('红十字会法'),
  law('工会法'),
  law('税收征收管理法'),
  law('个人所得税法'),
  law('耕地占用税法'),
  law('契税法'),
  law('档案法'),
  law('保守国家秘密法'),
  law('个人信息保护法'),
  law('数据安全法'),
  law('网络安全法'),
  law('电子商务法'),
  law('广告法'),
  law('价格法'),
  law('产品质量法'),
  law('消费者权益保护法'),
  law('无障碍环境建设法'),
  law('民族区域自治法'),
  law('国家通用语言文字法'),
  law('测绘法'),
  law('矿产资源法'),
  // —— 行政法规 ——
  reg('社会救助暂行办法'),
  reg('城市居民最低生活保障条例'),
  reg('农村五保供养工作条例'),
  reg('自然灾害救助条例'),
  reg('军人抚恤优待条例'),
  reg('烈士褒扬条例'),
  reg('退役士兵安置条例'),
  reg('征兵工作条例'),
  reg('民兵工作条例'),
  reg('全国人口普查条例'),
  reg('全国经济普查条例'),
  reg('全国农业普查条例'),
  reg('统计法实施条例'),
  reg('居住证暂行条例'),
  reg('信访工作条例', ['信访条例']),
  reg('殡葬管理条例'),
  reg('物业管理条例'),
  reg('地质灾害防治条例'),
  reg('森林防火条例'),
  reg('草原防火条例'),
  reg('防汛条例'),
  reg('河道管理条例'),
  reg('水库大坝安全管理条例'),
  reg('城市市容和环境卫生管理条例'),
  reg('城市道路管理条例'),
  reg('城镇燃气管理条例'),
  reg('城镇排水与污水处理条例'),
  reg('烟花爆竹安全管理条例'),
  reg('危险化学品安全管理条例'),
  reg('国有土地上房屋征收与补偿条例'),
  reg('无证无照经营查处办法'),
  reg('志愿服务条例'),
  reg('地名管理条例'),
  reg('残疾预防和残疾人康复条例'),
  reg('残疾人就业条例'),
  reg('工伤保险条例'),
  reg('失业保险条例'),
  reg('保障农民工工资支付条例'),
  reg('劳动保障监察条例'),
  reg('医疗保障基金使用监督管理条例'),
  reg('突发公共卫生事件应急条例'),
  reg('重大动物疫情应急条例'),
  reg('畜禽规模养殖污染防治条例'),
  reg('农田水利条例'),
  reg('基本农田保护条例'),
  reg('土地管理法实施条例'),
  reg('村庄和集镇规划建设管理条例'),
  reg('政府信息公开条例'),
  reg('优化营商环境条例'),
  reg('促进个体工商户发展条例'),
  reg('宗教事务条例'),
  reg('互联网上网服务营业场所管理条例'),
  reg('娱乐场所管理条例'),
  reg('广播电视管理条例'),
  reg('道路运输条例'),
  reg('收费公路管理条例'),
  reg('校车安全管理条例'),
  reg('防范和处置非法集资条例'),
  reg('人民调解委员会组织条例'),
  reg('法律援助条例'),
  reg('戒毒条例'),
  reg('全民健身条例'),
  reg('建设工程质量管理条例'),
  reg('建设工程安全生产管理条例'),
  reg('生产安全事故应急条例'),
  reg('公共文化体育设施条例'),
  reg('农药管理条例'),
  reg('兽药管理条例'),
  reg('病原微生物实验室生物安全管理条例'),
  reg('历史文化名城名镇名村保护条例'),
  reg('风景名胜区条例'),
  reg('自然保护区条例'),
  reg('退耕还林条例'),
  // —— 部门规章 ——
  rule('政府购买服务管理办法'),
  rule('农村公路建设管理办法'),
  rule('最低生活保障审核确认办法'),
  rule('特困人员认定办法'),
  rule('国家基本公共卫生服务规范', ['基本公共卫生服务规范']),
  rule('养老机构管理办法'),
  // —— 四川省地方性法规 ——
  local('四川省〈中华人民共和国村民委员会组织法〉实施办法', ['四川省村民委员会组织法实施办法']),
  local('四川省〈中华人民共和国城市居民委员会组织法〉实施办法'),
  local('四川省村民委员会选举条例'),
  local('四川省老年人权益保障条例'),
  local('四川省人口与计划生育条例'),
  local('四川省消防条例'),
  local('四川省安全生产条例'),
  local('四川省森林防火条例'),
  local('四川省地质灾害防治条例'),
  local('四川省物业管理条例'),
  local('四川省志愿服务条例'),
  local('四川省社会救助条例'),
  local('四川省残疾人保护条例'),
  local('四川省农村扶贫开发条例'),
  local('四川省城乡环境综合治理条例'),
  local('四川省固体废物污染环境防治条例'),
  local('四川省大熊猫国家公园管理条例'),
  local('四川省养老服务条例'),
  // —— 中央和省级政策文件 ——
  policy('中共中央 国务院关于加强基层治理体系和治理能力现代化建设的意见', ['关于加强基层治理体系和治理能力现代化建设的意见']),
  policy('关于规范村级组织工作事务、机制牌子和证明事项的意见'),
  policy('整治形式主义为基层减负若干规定'),
  policy('关于建立城乡社区工作事项准入备案制度的指导意见'),
  policy('关于全面推行河长制的意见'),
  policy('关于全面推行林长制的意见'),
  policy('国务院关于建立统一的城乡居民基本养老保险制度的意见'),
  policy('国务院关于进一步健全特困人员救助供养制度的意见'),
  policy('国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见'),
  policy('国务院办公厅关于促进房地产市场平稳健康发展的通知'),
  policy('农村人居环境整治提升五年行动方案（2021—2025年）', ['农村人居环境整治提升五年行动方案']),
  policy('关于加强和完善城乡社区治理的意见'),
  policy('关于深化城市基层党建引领基层治理的若干措施'),
  policy('国务院关于加强农村留守儿童关爱保护工作的意见'),
  policy('国务院关于加强困境儿童保障工作的意见'),
  policy('关于改革完善社会救助制度的意见'),
  policy('国家积极应对人口老龄化中长期规划'),
  policy('关于加强新时代退役军人工作的意见'),
  policy('自然资源部 农业农村部关于设施农业用地管理有关问题的通知'),
  policy('国家发展改革委关于创新和完善促进绿色发展价格机制的意见'),
  policy('全国文明城市测评体系'),
  policy('城乡社区服务体系建设规划'),
];

/** A title reduced for comparison: no 《》〈〉, no 中华人民共和国, no spaces or trailing edition. */
export function normaliseTitle(title: string): string {
  return title
    .replace(/[《》〈〉<>\s“”"]/g, '')
    .replace(/^中华人民共和国/, '')
    .replace(/（\d{4}年?[^）]*(修正|修订|版)[^）]*）$/, '')
    .replace(/\(\d{4}年?[^)]*(修正|修订|版)[^)]*\)$/, '');
}

const INDEX: Map<string, LawEntry> = (() => {
  const m = new Map<string, LawEntry>();
  for (const e of LAW_CATALOGUE) {
    m.set(normaliseTitle(e.title), e);
    for (const a of e.aliases ?? []) m.set(normaliseTitle(a), e);
  }
  return m;
})();

/** The catalogue entry a title names, if any. */
export function findLaw(title: string): LawEntry | null {
  const key = normaliseTitle(title);
  return INDEX.get(key) ?? INDEX.get(key.replace(/^四川省/, '')) ?? null;
}

/** Catalogue entries named anywhere in a free-text citation (no 《》), longest first. */
export function lawsIn(text: string): LawEntry[] {
  const flat = text.replace(/\s/g, '');
  const out: LawEntry[] = [];
  for (const [key, e] of [...INDEX.entries()].sort((a, b) => b[0].length - a[0].length)) {
    if (key.length >= 4 && flat.includes(key) && !out.includes(e)) out.push(e);
  }
  return out;
}
