/**
 * Professional work (省意见二（四）、二（六）：村（社区）不具有专业资质): work that by law
 * or by its nature needs a qualification — house safety appraisal, electrical work,
 * vaccination, diagnosis and treatment, testing that issues a report, lift maintenance,
 * surveying — asked of the community itself. Filed as ordinary assistance it is blocking
 * (PROFESSIONAL_WORK); bought as a service, PURCHASE_NEEDS_QUALIFICATION. The same
 * context rules apply as for the negative list: 免疫注射由乡镇兽医站兽医人员实施 is the
 * vet's work, 村不承担注射 is not the village's.
 */
import { clauseActors } from './context';
import { judge, objectFound, occurrences } from './negative';
import { PROTECTED_NAMES } from './lexicon/negative';
import { buildDoc, type Doc } from './text';

interface ProfessionalPattern {
  id: string;
  verbs?: string[];
  regex?: RegExp;
  objectPattern?: RegExp;
  objectScope?: 'clause' | 'sentence' | 'doc';
  unless?: RegExp;
  what: string;
}

const PATTERNS: ProfessionalPattern[] = [
  {
    id: 'APPRAISAL',
    verbs: ['鉴定', '安全鉴定', '安全评估', '结构安全评估', '出具鉴定结论', '出具鉴定'],
    objectPattern: /房屋|结构|建筑|自建房|危房|鉴定结论|司法|伤残|资产/,
    objectScope: 'sentence',
    unless: /委托[^，。；]{0,12}(机构|单位)|有资质的/,
    what: '房屋安全鉴定、评估须由具备资质的鉴定机构出具',
  },
  {
    id: 'TESTING',
    verbs: ['检测', '检验', '化验', '采样检测', '监测'],
    objectPattern: /线路|电气|漏电|绝缘|水质|水源|饮用水|燃气|管道|结构|噪声|空气|土壤|食品|农残|检测报告|检验报告|特种设备|电梯/,
    objectScope: 'sentence',
    unless: /血压|体温|身高|体重/,
    what: '检验检测须由具备资质的检验检测机构实施并出具报告',
  },
  {
    id: 'ELECTRICAL',
    regex: /(更换|维修|改造|安装|接驳)[^，。；]{0,8}(线路|电线|电路|燃气管道|燃气管|配电|漏电保护)/,
    what: '电工、燃气作业须持特种作业操作证',
  },
  {
    id: 'MEDICAL',
    regex: /(注射|接种)[^，。；]{0,8}(疫苗|狂犬)|(诊疗|诊断|治疗|处方|开药|调整用药|用药剂量|心理治疗|针灸|输液)/,
    unless: /通知|提醒|预约|陪同/,
    what: '诊疗、接种、心理治疗须由执业医师、执业兽医等专业人员实施',
  },
  {
    id: 'CERTIFY',
    regex: /出具[^，。；]{0,10}(免疫证明|检疫证明|健康证明|检测报告|检验报告|鉴定报告|鉴定结论|评估报告|检测结论)/,
    what: '出具检验检测、检疫、鉴定结论须有相应资质',
  },
  {
    id: 'MAINTENANCE',
    regex:
      /(电梯|锅炉|压力容器|起重机械|消防设施)[^，。；]{0,10}(维护保养|维保|检修|维修)(?!资金|基金|费用|经费)|(维护保养|维保)[^，。；]{0,6}(电梯|锅炉|消防设施)/,
    what: '特种设备、消防设施维保须由具备资质的单位实施',
  },
  { id: 'SURVEY', regex: /(测绘|不动产测量|地籍测量|面积测绘|勘测定界)/, what: '测绘须由具备测绘资质的单位实施' },
  {
    id: 'LICENSED_STAFF',
    regex:
      /(须|必须|应当|要)[^，。；]{0,6}(持证|持有[^，。；]{0,10}证|具备[^，。；]{0,10}资质|取得[^，。；]{0,10}资格)|执法辅助证|执法资格|执业资格|特种作业操作证/,
    what: '服务人员须持专业证照或执法资格',
  },
];

export interface ProfessionalMatch {
  id: string;
  phrase: string;
  clause: string;
  what: string;
}

/** Professional actions the community itself is asked to carry out. */
export function findProfessionalWork(
  title: string,
  description: string,
  doc: Doc = buildDoc(
    [
      { part: 'title', text: title },
      { part: 'description', text: description },
    ],
    PROTECTED_NAMES,
  ),
): ProfessionalMatch[] {
  const actors = clauseActors(doc);
  const out: ProfessionalMatch[] = [];
  for (const p of PATTERNS) {
    for (const o of occurrences(doc, p)) {
      if (o.clause.part === 'evaluation') continue;
      if (p.unless?.test(o.clause.text)) continue;
      const object = objectFound(doc, p, o.clause);
      if (object === null) continue;
      // a requirement on the staff (须持证上岗) is a fact about the work, whoever states it
      const why = p.id === 'LICENSED_STAFF' ? null : judge(doc, actors, o, false);
      if (why) continue;
      if (p.id === 'LICENSED_STAFF' && /由[^，。；]{0,16}(企业|机构|单位|公司|医院|卫生院|兽医站|局)/.test(o.clause.text)) continue;
      out.push({ id: p.id, phrase: o.phrase, clause: o.clause.text, what: p.what });
      break;
    }
  }
  return out;
}
