import { registerEnumType } from 'type-graphql';

/**
 * The kind of work an item or an application is about. Shared by the three lists and by
 * admission applications, so the rules engine can match an application against the
 * negative list by category. The first eight are the negative-list categories the
 * province's guidance names (行政执法、拆迁拆违、环境整治、城市管理、招商引资、协税护税、
 * 经济创收、生产安全).
 */
export enum WorkCategory {
  LAW_ENFORCEMENT = 'LAW_ENFORCEMENT',
  DEMOLITION = 'DEMOLITION',
  ENVIRONMENTAL_RECTIFICATION = 'ENVIRONMENTAL_RECTIFICATION',
  CITY_MANAGEMENT = 'CITY_MANAGEMENT',
  INVESTMENT_ATTRACTION = 'INVESTMENT_ATTRACTION',
  TAX_ASSISTANCE = 'TAX_ASSISTANCE',
  REVENUE_GENERATION = 'REVENUE_GENERATION',
  PRODUCTION_SAFETY = 'PRODUCTION_SAFETY',
  SELF_GOVERNANCE = 'SELF_GOVERNANCE',
  PARTY_BUILDING = 'PARTY_BUILDING',
  SOCIAL_ASSISTANCE = 'SOCIAL_ASSISTANCE',
  ELDERLY_CARE = 'ELDERLY_CARE',
  HEALTH = 'HEALTH',
  POPULATION = 'POPULATION',
  VETERANS = 'VETERANS',
  DISABILITY = 'DISABILITY',
  EMPLOYMENT_SOCIAL_SECURITY = 'EMPLOYMENT_SOCIAL_SECURITY',
  PUBLIC_SAFETY = 'PUBLIC_SAFETY',
  DISPUTE_MEDIATION = 'DISPUTE_MEDIATION',
  EMERGENCY_MANAGEMENT = 'EMERGENCY_MANAGEMENT',
  AGRICULTURE_RURAL = 'AGRICULTURE_RURAL',
  CULTURE_EDUCATION = 'CULTURE_EDUCATION',
  STATISTICS_SURVEY = 'STATISTICS_SURVEY',
  OTHER = 'OTHER',
}

export const WORK_CATEGORY_LABELS: Record<WorkCategory, { zh: string; en: string }> = {
  LAW_ENFORCEMENT: { zh: '行政执法', en: 'Administrative law enforcement' },
  DEMOLITION: { zh: '拆迁拆违', en: 'Demolition and illegal-building removal' },
  ENVIRONMENTAL_RECTIFICATION: { zh: '环境整治', en: 'Environmental rectification' },
  CITY_MANAGEMENT: { zh: '城市管理', en: 'City management' },
  INVESTMENT_ATTRACTION: { zh: '招商引资', en: 'Investment attraction' },
  TAX_ASSISTANCE: { zh: '协税护税', en: 'Tax collection assistance' },
  REVENUE_GENERATION: { zh: '经济创收', en: 'Revenue generation' },
  PRODUCTION_SAFETY: { zh: '生产安全', en: 'Production safety' },
  SELF_GOVERNANCE: { zh: '村（居）民自治', en: 'Residents’ self-governance' },
  PARTY_BUILDING: { zh: '基层党建', en: 'Party building' },
  SOCIAL_ASSISTANCE: { zh: '社会救助', en: 'Social assistance' },
  ELDERLY_CARE: { zh: '养老服务', en: 'Elderly care' },
  HEALTH: { zh: '卫生健康', en: 'Health' },
  POPULATION: { zh: '人口服务', en: 'Population services' },
  VETERANS: { zh: '退役军人服务', en: 'Veterans’ services' },
  DISABILITY: { zh: '残疾人服务', en: 'Disability services' },
  EMPLOYMENT_SOCIAL_SECURITY: { zh: '就业和社会保障', en: 'Employment and social security' },
  PUBLIC_SAFETY: { zh: '平安建设', en: 'Public safety' },
  DISPUTE_MEDIATION: { zh: '矛盾纠纷调解', en: 'Dispute mediation' },
  EMERGENCY_MANAGEMENT: { zh: '应急管理', en: 'Emergency management' },
  AGRICULTURE_RURAL: { zh: '农业农村', en: 'Agriculture and rural affairs' },
  CULTURE_EDUCATION: { zh: '文化教育', en: 'Culture and education' },
  STATISTICS_SURVEY: { zh: '统计调查', en: 'Statistics and surveys' },
  OTHER: { zh: '其他', en: 'Other' },
};

/** The categories the negative list covers by policy: work that may never be pushed down. */
export const NEGATIVE_CATEGORIES: ReadonlySet<WorkCategory> = new Set([
  WorkCategory.LAW_ENFORCEMENT,
  WorkCategory.DEMOLITION,
  WorkCategory.ENVIRONMENTAL_RECTIFICATION,
  WorkCategory.CITY_MANAGEMENT,
  WorkCategory.INVESTMENT_ATTRACTION,
  WorkCategory.TAX_ASSISTANCE,
  WorkCategory.REVENUE_GENERATION,
  WorkCategory.PRODUCTION_SAFETY,
]);

registerEnumType(WorkCategory, {
  name: 'WorkCategory',
  description: '工作事项类别（前八类为负面清单所列的行政工作）。Category of work; the first eight are negative-list categories.',
  valuesConfig: Object.fromEntries(Object.entries(WORK_CATEGORY_LABELS).map(([k, v]) => [k, { description: `${v.zh}。${v.en}.` }])),
});
