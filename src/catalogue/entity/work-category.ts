import { defineEnum } from '../../kernel/enums';

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
defineEnum(WorkCategory, 'WorkCategory', '工作事项类别（前八类为负面清单所列的行政工作）。Category of work; the first eight are negative-list categories.', {
  LAW_ENFORCEMENT: ['行政执法', 'Administrative law enforcement'],
  DEMOLITION: ['拆迁拆违', 'Demolition and illegal-building removal'],
  ENVIRONMENTAL_RECTIFICATION: ['环境整治', 'Environmental rectification'],
  CITY_MANAGEMENT: ['城市管理', 'City management'],
  INVESTMENT_ATTRACTION: ['招商引资', 'Investment attraction'],
  TAX_ASSISTANCE: ['协税护税', 'Tax collection assistance'],
  REVENUE_GENERATION: ['经济创收', 'Revenue generation'],
  PRODUCTION_SAFETY: ['生产安全', 'Production safety'],
  SELF_GOVERNANCE: ['村（居）民自治', 'Residents’ self-governance'],
  PARTY_BUILDING: ['基层党建', 'Party building'],
  SOCIAL_ASSISTANCE: ['社会救助', 'Social assistance'],
  ELDERLY_CARE: ['养老服务', 'Elderly care'],
  HEALTH: ['卫生健康', 'Health'],
  POPULATION: ['人口服务', 'Population services'],
  VETERANS: ['退役军人服务', 'Veterans’ services'],
  DISABILITY: ['残疾人服务', 'Disability services'],
  EMPLOYMENT_SOCIAL_SECURITY: ['就业和社会保障', 'Employment and social security'],
  PUBLIC_SAFETY: ['平安建设', 'Public safety'],
  DISPUTE_MEDIATION: ['矛盾纠纷调解', 'Dispute mediation'],
  EMERGENCY_MANAGEMENT: ['应急管理', 'Emergency management'],
  AGRICULTURE_RURAL: ['农业农村', 'Agriculture and rural affairs'],
  CULTURE_EDUCATION: ['文化教育', 'Culture and education'],
  STATISTICS_SURVEY: ['统计调查', 'Statistics and surveys'],
  OTHER: ['其他', 'Other'],
});

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
