/**
 * Reference data of the demo county: 青衣县, a FICTIONAL county of 雅安市, 四川省.
 *
 * The province (510000) and city (511800) are real; the county code 511828 is not assigned
 * (雅安市's real county-level divisions are 511802 雨城区, 511803 名山区 and 511822 荥经县 …
 * 511827 宝兴县), and every township, community, population figure and organisation code
 * below is invented, though shaped like the real thing for a hilly county on the 青衣江:
 *
 *  - Regions: GB/T 2260 six-digit codes for province, city and county; twelve-digit
 *    statistical division codes (统计用区划代码) for townships: 街道 0xx, 镇 1xx, 乡 2xx in
 *    digits 7–9, then 000.
 *  - Communities: the township's first nine digits + three: 001–099 for urban communities
 *    (社区居委会), 200–299 for villages (村委会). Streets mostly hold 社区, towns a 社区 at the
 *    town seat plus many 村, 乡 only 村.
 *  - Population and households were drawn once from a seeded PRNG (urban 3,000–12,000,
 *    villages 600–3,500, skewed small in the remote 乡; 2.6–3.2 people per household) and
 *    written here as literals, so the data is fixed and reviewable.
 *  - Departments: the usual county departments after the 2018–2019 and 2023–2024 institutional
 *    reforms. USCCs are built with makeUscc (registration authority 1 = 机构编制; type 1 机关,
 *    2 事业单位, 3 群众团体) over division code 511828 and invented organisation codes: legacy
 *    style "00xxxxxx" + GB 11714 check character for long-standing bodies, "MB1xxxxxx" (the
 *    prefix 机构编制 authorities use for post-2015 assignments) for bodies created by the
 *    reforms. The three city departments are real bodies whose codes we do not claim, so
 *    their uscc is null.
 */
import { makeUscc } from '../../organisation';

export interface SeedRegion {
  code: string;
  name: string;
  level: 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP';
  parentCode: string | null;
  /** Townships only: 镇 TOWN, 乡 XIANG, 街道 STREET. */
  kind?: 'TOWN' | 'XIANG' | 'STREET';
}

export interface SeedCommunity {
  code: string;
  name: string;
  type: 'VILLAGE' | 'URBAN';
  townshipCode: string;
  population: number;
  households: number;
}

export interface SeedDepartment {
  name: string;
  shortName: string;
  uscc: string | null;
  regionCode: string;
  /** '政府工作部门' | '党委工作机关' | '群团组织' | '垂直管理部门' | '事业单位' */
  category: string;
}

export const DEMO_PROVINCE: SeedRegion = { code: '510000', name: '四川省', level: 'PROVINCE', parentCode: null };
export const DEMO_CITY: SeedRegion = { code: '511800', name: '雅安市', level: 'CITY', parentCode: '510000' };
export const DEMO_COUNTY: SeedRegion = { code: '511828', name: '青衣县', level: 'COUNTY', parentCode: '511800' };

/** Two streets at the county seat, five towns, three 乡 in the hills. */
export const DEMO_TOWNSHIPS: SeedRegion[] = [
  { code: '511828001000', name: '城东街道', level: 'TOWNSHIP', parentCode: '511828', kind: 'STREET' },
  { code: '511828002000', name: '城西街道', level: 'TOWNSHIP', parentCode: '511828', kind: 'STREET' },
  { code: '511828100000', name: '青衣镇', level: 'TOWNSHIP', parentCode: '511828', kind: 'TOWN' },
  { code: '511828101000', name: '龙泉镇', level: 'TOWNSHIP', parentCode: '511828', kind: 'TOWN' },
  { code: '511828102000', name: '多营镇', level: 'TOWNSHIP', parentCode: '511828', kind: 'TOWN' },
  { code: '511828103000', name: '草坝镇', level: 'TOWNSHIP', parentCode: '511828', kind: 'TOWN' },
  { code: '511828104000', name: '碧峰峡镇', level: 'TOWNSHIP', parentCode: '511828', kind: 'TOWN' },
  { code: '511828200000', name: '罗坝乡', level: 'TOWNSHIP', parentCode: '511828', kind: 'XIANG' },
  { code: '511828201000', name: '白马乡', level: 'TOWNSHIP', parentCode: '511828', kind: 'XIANG' },
  { code: '511828202000', name: '高桥乡', level: 'TOWNSHIP', parentCode: '511828', kind: 'XIANG' },
];

/** 21 urban communities and 98 villages, grouped by township. */
export const DEMO_COMMUNITIES: SeedCommunity[] = [
  // 城东街道
  { code: '511828001001', name: '滨江社区', type: 'URBAN', townshipCode: '511828001000', population: 5204, households: 1902 },
  { code: '511828001002', name: '文庙社区', type: 'URBAN', townshipCode: '511828001000', population: 10674, households: 3768 },
  { code: '511828001003', name: '东门社区', type: 'URBAN', townshipCode: '511828001000', population: 9998, households: 3392 },
  { code: '511828001004', name: '新华社区', type: 'URBAN', townshipCode: '511828001000', population: 5317, households: 1842 },
  { code: '511828001005', name: '南桥社区', type: 'URBAN', townshipCode: '511828001000', population: 8259, households: 2979 },
  { code: '511828001006', name: '廊桥社区', type: 'URBAN', townshipCode: '511828001000', population: 6383, households: 2260 },
  { code: '511828001007', name: '沙湾社区', type: 'URBAN', townshipCode: '511828001000', population: 7133, households: 2677 },
  { code: '511828001008', name: '东城社区', type: 'URBAN', townshipCode: '511828001000', population: 7158, households: 2570 },
  { code: '511828001200', name: '和平村', type: 'VILLAGE', townshipCode: '511828001000', population: 1965, households: 681 },
  { code: '511828001201', name: '桥头村', type: 'VILLAGE', townshipCode: '511828001000', population: 2051, households: 648 },
  // 城西街道
  { code: '511828002001', name: '西门社区', type: 'URBAN', townshipCode: '511828002000', population: 5214, households: 1781 },
  { code: '511828002002', name: '金凤社区', type: 'URBAN', townshipCode: '511828002000', population: 6124, households: 2296 },
  { code: '511828002003', name: '育才社区', type: 'URBAN', townshipCode: '511828002000', population: 9132, households: 3386 },
  { code: '511828002004', name: '兴贤社区', type: 'URBAN', townshipCode: '511828002000', population: 5905, households: 2186 },
  { code: '511828002005', name: '后坝社区', type: 'URBAN', townshipCode: '511828002000', population: 6210, households: 2248 },
  { code: '511828002006', name: '桂花社区', type: 'URBAN', townshipCode: '511828002000', population: 8703, households: 3168 },
  { code: '511828002007', name: '苍坪社区', type: 'URBAN', townshipCode: '511828002000', population: 5312, households: 1898 },
  { code: '511828002200', name: '周山村', type: 'VILLAGE', townshipCode: '511828002000', population: 1861, households: 664 },
  { code: '511828002201', name: '陇西村', type: 'VILLAGE', townshipCode: '511828002000', population: 2339, households: 754 },
  { code: '511828002202', name: '苏坝村', type: 'VILLAGE', townshipCode: '511828002000', population: 2678, households: 894 },
  // 青衣镇
  { code: '511828100001', name: '青衣社区', type: 'URBAN', townshipCode: '511828100000', population: 6186, households: 2118 },
  { code: '511828100002', name: '新街社区', type: 'URBAN', townshipCode: '511828100000', population: 4097, households: 1480 },
  { code: '511828100200', name: '红星村', type: 'VILLAGE', townshipCode: '511828100000', population: 2492, households: 811 },
  { code: '511828100201', name: '石龙村', type: 'VILLAGE', townshipCode: '511828100000', population: 1626, households: 565 },
  { code: '511828100202', name: '鹤鸣村', type: 'VILLAGE', townshipCode: '511828100000', population: 2626, households: 954 },
  { code: '511828100203', name: '新庙村', type: 'VILLAGE', townshipCode: '511828100000', population: 2724, households: 980 },
  { code: '511828100204', name: '黄龙村', type: 'VILLAGE', townshipCode: '511828100000', population: 3448, households: 1203 },
  { code: '511828100205', name: '凤鸣村', type: 'VILLAGE', townshipCode: '511828100000', population: 1701, households: 555 },
  { code: '511828100206', name: '水口村', type: 'VILLAGE', townshipCode: '511828100000', population: 1809, households: 636 },
  { code: '511828100207', name: '枫林村', type: 'VILLAGE', townshipCode: '511828100000', population: 2727, households: 949 },
  { code: '511828100208', name: '柏树村', type: 'VILLAGE', townshipCode: '511828100000', population: 1749, households: 567 },
  { code: '511828100209', name: '大兴村', type: 'VILLAGE', townshipCode: '511828100000', population: 1362, households: 442 },
  { code: '511828100210', name: '对岩村', type: 'VILLAGE', townshipCode: '511828100000', population: 1920, households: 688 },
  { code: '511828100211', name: '顺河村', type: 'VILLAGE', townshipCode: '511828100000', population: 2122, households: 708 },
  { code: '511828100212', name: '观音村', type: 'VILLAGE', townshipCode: '511828100000', population: 3139, households: 1035 },
  { code: '511828100213', name: '天宝村', type: 'VILLAGE', townshipCode: '511828100000', population: 1916, households: 640 },
  { code: '511828100214', name: '五里村', type: 'VILLAGE', townshipCode: '511828100000', population: 3146, households: 1090 },
  { code: '511828100215', name: '合江村', type: 'VILLAGE', townshipCode: '511828100000', population: 3018, households: 1045 },
  // 龙泉镇
  { code: '511828101001', name: '龙泉社区', type: 'URBAN', townshipCode: '511828101000', population: 5047, households: 1777 },
  { code: '511828101200', name: '龙溪村', type: 'VILLAGE', townshipCode: '511828101000', population: 1037, households: 370 },
  { code: '511828101201', name: '双龙村', type: 'VILLAGE', townshipCode: '511828101000', population: 2425, households: 855 },
  { code: '511828101202', name: '龙门村', type: 'VILLAGE', townshipCode: '511828101000', population: 2176, households: 760 },
  { code: '511828101203', name: '团结村', type: 'VILLAGE', townshipCode: '511828101000', population: 2850, households: 943 },
  { code: '511828101204', name: '金花村', type: 'VILLAGE', townshipCode: '511828101000', population: 2609, households: 909 },
  { code: '511828101205', name: '白鹤村', type: 'VILLAGE', townshipCode: '511828101000', population: 2169, households: 713 },
  { code: '511828101206', name: '青龙村', type: 'VILLAGE', townshipCode: '511828101000', population: 1161, households: 388 },
  { code: '511828101207', name: '永兴村', type: 'VILLAGE', townshipCode: '511828101000', population: 2910, households: 1034 },
  { code: '511828101208', name: '庙坪村', type: 'VILLAGE', townshipCode: '511828101000', population: 1633, households: 562 },
  { code: '511828101209', name: '高坎村', type: 'VILLAGE', townshipCode: '511828101000', population: 2736, households: 923 },
  { code: '511828101210', name: '太平村', type: 'VILLAGE', townshipCode: '511828101000', population: 1309, households: 421 },
  { code: '511828101211', name: '安乐村', type: 'VILLAGE', townshipCode: '511828101000', population: 1257, households: 424 },
  { code: '511828101212', name: '紫荆村', type: 'VILLAGE', townshipCode: '511828101000', population: 2474, households: 802 },
  { code: '511828101213', name: '茶园村', type: 'VILLAGE', townshipCode: '511828101000', population: 1238, households: 437 },
  // 多营镇
  { code: '511828102001', name: '多营社区', type: 'URBAN', townshipCode: '511828102000', population: 4095, households: 1505 },
  { code: '511828102200', name: '大河村', type: 'VILLAGE', townshipCode: '511828102000', population: 2701, households: 972 },
  { code: '511828102201', name: '富民村', type: 'VILLAGE', townshipCode: '511828102000', population: 910, households: 329 },
  { code: '511828102202', name: '葫芦村', type: 'VILLAGE', townshipCode: '511828102000', population: 2055, households: 647 },
  { code: '511828102203', name: '坪山村', type: 'VILLAGE', townshipCode: '511828102000', population: 929, households: 311 },
  { code: '511828102204', name: '椿林村', type: 'VILLAGE', townshipCode: '511828102000', population: 2454, households: 822 },
  { code: '511828102205', name: '上坝村', type: 'VILLAGE', townshipCode: '511828102000', population: 935, households: 297 },
  { code: '511828102206', name: '下坝村', type: 'VILLAGE', townshipCode: '511828102000', population: 951, households: 324 },
  { code: '511828102207', name: '沙坪村', type: 'VILLAGE', townshipCode: '511828102000', population: 2385, households: 785 },
  { code: '511828102208', name: '燕子村', type: 'VILLAGE', townshipCode: '511828102000', population: 1651, households: 545 },
  { code: '511828102209', name: '桐子村', type: 'VILLAGE', townshipCode: '511828102000', population: 1021, households: 334 },
  { code: '511828102210', name: '三合村', type: 'VILLAGE', townshipCode: '511828102000', population: 1633, households: 579 },
  { code: '511828102211', name: '联合村', type: 'VILLAGE', townshipCode: '511828102000', population: 2238, households: 785 },
  { code: '511828102212', name: '中坝村', type: 'VILLAGE', townshipCode: '511828102000', population: 1603, households: 560 },
  // 草坝镇
  { code: '511828103001', name: '草坝社区', type: 'URBAN', townshipCode: '511828103000', population: 4294, households: 1500 },
  { code: '511828103200', name: '水津村', type: 'VILLAGE', townshipCode: '511828103000', population: 1358, households: 491 },
  { code: '511828103201', name: '范山村', type: 'VILLAGE', townshipCode: '511828103000', population: 2455, households: 852 },
  { code: '511828103202', name: '新坝村', type: 'VILLAGE', townshipCode: '511828103000', population: 1117, households: 395 },
  { code: '511828103203', name: '雨霖村', type: 'VILLAGE', townshipCode: '511828103000', population: 1378, households: 448 },
  { code: '511828103204', name: '塘坝村', type: 'VILLAGE', townshipCode: '511828103000', population: 1074, households: 349 },
  { code: '511828103205', name: '花果村', type: 'VILLAGE', townshipCode: '511828103000', population: 1875, households: 604 },
  { code: '511828103206', name: '明月村', type: 'VILLAGE', townshipCode: '511828103000', population: 1169, households: 412 },
  { code: '511828103207', name: '岩口村', type: 'VILLAGE', townshipCode: '511828103000', population: 1446, households: 479 },
  { code: '511828103208', name: '二郎村', type: 'VILLAGE', townshipCode: '511828103000', population: 2165, households: 708 },
  { code: '511828103209', name: '石桥村', type: 'VILLAGE', townshipCode: '511828103000', population: 1128, households: 399 },
  { code: '511828103210', name: '新民村', type: 'VILLAGE', townshipCode: '511828103000', population: 1046, households: 375 },
  { code: '511828103211', name: '光明村', type: 'VILLAGE', townshipCode: '511828103000', population: 2035, households: 730 },
  { code: '511828103212', name: '金桂村', type: 'VILLAGE', townshipCode: '511828103000', population: 1299, households: 413 },
  { code: '511828103213', name: '碾房村', type: 'VILLAGE', townshipCode: '511828103000', population: 1040, households: 360 },
  // 碧峰峡镇
  { code: '511828104001', name: '碧峰社区', type: 'URBAN', townshipCode: '511828104000', population: 3060, households: 1170 },
  { code: '511828104200', name: '峡口村', type: 'VILLAGE', townshipCode: '511828104000', population: 2008, households: 638 },
  { code: '511828104201', name: '后山村', type: 'VILLAGE', townshipCode: '511828104000', population: 1160, households: 379 },
  { code: '511828104202', name: '红牌村', type: 'VILLAGE', townshipCode: '511828104000', population: 1770, households: 589 },
  { code: '511828104203', name: '碧云村', type: 'VILLAGE', townshipCode: '511828104000', population: 791, households: 253 },
  { code: '511828104204', name: '竹林村', type: 'VILLAGE', townshipCode: '511828104000', population: 1719, households: 597 },
  { code: '511828104205', name: '槐树村', type: 'VILLAGE', townshipCode: '511828104000', population: 1776, households: 619 },
  { code: '511828104206', name: '杉木村', type: 'VILLAGE', townshipCode: '511828104000', population: 1075, households: 368 },
  { code: '511828104207', name: '烟竹村', type: 'VILLAGE', townshipCode: '511828104000', population: 1105, households: 366 },
  { code: '511828104208', name: '月亮村', type: 'VILLAGE', townshipCode: '511828104000', population: 922, households: 292 },
  { code: '511828104209', name: '响水村', type: 'VILLAGE', townshipCode: '511828104000', population: 935, households: 327 },
  { code: '511828104210', name: '清泉村', type: 'VILLAGE', townshipCode: '511828104000', population: 804, households: 292 },
  { code: '511828104211', name: '银杏村', type: 'VILLAGE', townshipCode: '511828104000', population: 1535, households: 535 },
  // 罗坝乡
  { code: '511828200200', name: '罗坝村', type: 'VILLAGE', townshipCode: '511828200000', population: 1684, households: 571 },
  { code: '511828200201', name: '和睦村', type: 'VILLAGE', townshipCode: '511828200000', population: 1107, households: 368 },
  { code: '511828200202', name: '大坪村', type: 'VILLAGE', townshipCode: '511828200000', population: 749, households: 269 },
  { code: '511828200203', name: '瓦窑村', type: 'VILLAGE', townshipCode: '511828200000', population: 1607, households: 576 },
  { code: '511828200204', name: '杨柳村', type: 'VILLAGE', townshipCode: '511828200000', population: 1813, households: 578 },
  { code: '511828200205', name: '核桃村', type: 'VILLAGE', townshipCode: '511828200000', population: 1229, households: 419 },
  { code: '511828200206', name: '茅坪村', type: 'VILLAGE', townshipCode: '511828200000', population: 986, households: 350 },
  { code: '511828200207', name: '田坝村', type: 'VILLAGE', townshipCode: '511828200000', population: 1208, households: 386 },
  { code: '511828200208', name: '梨园村', type: 'VILLAGE', townshipCode: '511828200000', population: 1329, households: 418 },
  // 白马乡
  { code: '511828201200', name: '白马村', type: 'VILLAGE', townshipCode: '511828201000', population: 1432, households: 498 },
  { code: '511828201201', name: '马鞍村', type: 'VILLAGE', townshipCode: '511828201000', population: 1173, households: 370 },
  { code: '511828201202', name: '松林村', type: 'VILLAGE', townshipCode: '511828201000', population: 1363, households: 477 },
  { code: '511828201203', name: '蒿坪村', type: 'VILLAGE', townshipCode: '511828201000', population: 1681, households: 559 },
  { code: '511828201204', name: '青杠村', type: 'VILLAGE', townshipCode: '511828201000', population: 753, households: 258 },
  { code: '511828201205', name: '长坪村', type: 'VILLAGE', townshipCode: '511828201000', population: 1760, households: 579 },
  { code: '511828201206', name: '岩峰村', type: 'VILLAGE', townshipCode: '511828201000', population: 1476, households: 510 },
  { code: '511828201207', name: '麻柳村', type: 'VILLAGE', townshipCode: '511828201000', population: 1305, households: 428 },
  // 高桥乡
  { code: '511828202200', name: '高桥村', type: 'VILLAGE', townshipCode: '511828202000', population: 1318, households: 452 },
  { code: '511828202201', name: '天池村', type: 'VILLAGE', townshipCode: '511828202000', population: 679, households: 214 },
  { code: '511828202202', name: '盐井村', type: 'VILLAGE', townshipCode: '511828202000', population: 791, households: 287 },
  { code: '511828202203', name: '关口村', type: 'VILLAGE', townshipCode: '511828202000', population: 680, households: 222 },
  { code: '511828202204', name: '石门村', type: 'VILLAGE', townshipCode: '511828202000', population: 870, households: 302 },
  { code: '511828202205', name: '云峰村', type: 'VILLAGE', townshipCode: '511828202000', population: 779, households: 261 },
  { code: '511828202206', name: '团山村', type: 'VILLAGE', townshipCode: '511828202000', population: 1235, households: 443 },
];

// Shorthands for the departments' USCCs: 11 机关, 12 事业单位, 13 群众团体 (all registered by 机构编制).
const organ = (orgCode: string, division = '511828') => makeUscc('1', '1', division, orgCode);
const institution = (orgCode: string, division = '511828') => makeUscc('1', '2', division, orgCode);
const massOrg = (orgCode: string, division = '511828') => makeUscc('1', '3', division, orgCode);

/**
 * County departments first (the seed binds demo users to the first name match), then three
 * city departments, which show that 有关部门 may sit at county level or higher.
 */
export const DEMO_DEPARTMENTS: SeedDepartment[] = [
  // 党委工作机关
  { name: '中共青衣县委组织部', shortName: '县委组织部', uscc: organ('005972036'), regionCode: '511828', category: '党委工作机关' },
  { name: '中共青衣县委政法委员会', shortName: '县委政法委', uscc: organ('007991513'), regionCode: '511828', category: '党委工作机关' },
  { name: '中共青衣县委社会工作部', shortName: '县委社会工作部', uscc: organ('MB14EFM28'), regionCode: '511828', category: '党委工作机关' },
  // 政府工作部门
  { name: '青衣县发展和改革局', shortName: '县发展改革局', uscc: organ('009033263'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县教育局', shortName: '县教育局', uscc: organ('00876622X'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县公安局', shortName: '县公安局', uscc: organ('004794856'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县民政局', shortName: '县民政局', uscc: organ('008470293'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县司法局', shortName: '县司法局', uscc: organ('008096465'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县财政局', shortName: '县财政局', uscc: organ('007614486'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县人力资源和社会保障局', shortName: '县人力资源社会保障局', uscc: organ('004695647'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县自然资源局', shortName: '县自然资源局', uscc: organ('MB1938C7A'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县住房和城乡建设局', shortName: '县住房城乡建设局', uscc: organ('000731081'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县交通运输局', shortName: '县交通运输局', uscc: organ('002434697'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县水利局', shortName: '县水利局', uscc: organ('004259941'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县农业农村局', shortName: '县农业农村局', uscc: organ('MB13MFYL5'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县商务和经济信息化局', shortName: '县商务经信局', uscc: organ('MB1KCKYLJ'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县文化广播电视和旅游局', shortName: '县文化广电旅游局', uscc: organ('MB17AKR7G'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县卫生健康局', shortName: '县卫生健康局', uscc: organ('MB1JAG7KR'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县退役军人事务局', shortName: '县退役军人事务局', uscc: organ('MB1MLPN5N'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县应急管理局', shortName: '县应急管理局', uscc: organ('MB17QNKQ3'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县审计局', shortName: '县审计局', uscc: organ('007569494'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县市场监督管理局', shortName: '县市场监管局', uscc: organ('MB1RLQ1GU'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县统计局', shortName: '县统计局', uscc: organ('006966471'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县医疗保障局', shortName: '县医疗保障局', uscc: organ('MB1A96ERE'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县林业局', shortName: '县林业局', uscc: organ('002408093'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县综合行政执法局', shortName: '县综合行政执法局', uscc: organ('MB1D2J594'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县政务服务和大数据管理局', shortName: '县政务服务和大数据局', uscc: organ('MB12XGRPF'), regionCode: '511828', category: '政府工作部门' },
  { name: '青衣县信访局', shortName: '县信访局', uscc: organ('003664873'), regionCode: '511828', category: '政府工作部门' },
  // 群团组织
  { name: '青衣县总工会', shortName: '县总工会', uscc: massOrg('000956766'), regionCode: '511828', category: '群团组织' },
  { name: '共青团青衣县委员会', shortName: '团县委', uscc: massOrg('004353233'), regionCode: '511828', category: '群团组织' },
  { name: '青衣县妇女联合会', shortName: '县妇联', uscc: massOrg('007389645'), regionCode: '511828', category: '群团组织' },
  { name: '青衣县残疾人联合会', shortName: '县残联', uscc: massOrg('005080839'), regionCode: '511828', category: '群团组织' },
  // 垂直管理部门 (led from above; listed with the county they work in)
  { name: '国家税务总局青衣县税务局', shortName: '县税务局', uscc: organ('MB1T1C51R'), regionCode: '511828', category: '垂直管理部门' },
  { name: '青衣县消防救援大队', shortName: '县消防救援大队', uscc: organ('MB16292KE'), regionCode: '511828', category: '垂直管理部门' },
  // Since the 2019 vertical reform a county's environment bureau is a branch of the city bureau.
  { name: '雅安市青衣生态环境局', shortName: '县生态环境局', uscc: organ('MB1H2B17E'), regionCode: '511828', category: '垂直管理部门' },
  // 事业单位
  { name: '青衣县档案馆', shortName: '县档案馆', uscc: institution('006432488'), regionCode: '511828', category: '事业单位' },
  // City level (雅安市): real bodies, so no invented codes.
  { name: '雅安市民政局', shortName: '市民政局', uscc: null, regionCode: '511800', category: '政府工作部门' },
  { name: '中共雅安市委社会工作部', shortName: '市委社会工作部', uscc: null, regionCode: '511800', category: '党委工作机关' },
  { name: '雅安市农业农村局', shortName: '市农业农村局', uscc: null, regionCode: '511800', category: '政府工作部门' },
];
