/**
 * Burden statistics (did burden fall?): month-end summaries refreshed in PostgreSQL,
 * indicators against a baseline, rankings, trends, exports and the dashboard. The public
 * surface of the module.
 */
import { BurdenBudget, StatisticsBaseline } from './entity/baseline.entity';
import { SUMMARY_ENTITIES } from './entity/summary.entity';

export * from './api/statistics.resolver';
export * from './api/http';
export * from './service/jobs';

/** Baselines, budgets and the summary tables the refresh job maintains. */
export const STATISTICS_ENTITIES = [StatisticsBaseline, BurdenBudget, ...SUMMARY_ENTITIES];
