import { BurdenBudget, StatisticsBaseline } from './baseline.entity';
import { SUMMARY_ENTITIES } from './summary.entity';

/** The statistics module's tables: baselines, budgets and the summary tables the refresh job maintains. */
export const STATISTICS_ENTITIES = [StatisticsBaseline, BurdenBudget, ...SUMMARY_ENTITIES];
