/** Settings of the rules that come from configuration. */
export interface RuleSettings {
  fundingFloorYuanPerHour: number;
}
export const ruleSettingsOf = (config: { fundingFloorYuanPerHour: number }): RuleSettings => ({ fundingFloorYuanPerHour: config.fundingFloorYuanPerHour });
export const DEFAULT_RULE_SETTINGS: RuleSettings = { fundingFloorYuanPerHour: 20 };
