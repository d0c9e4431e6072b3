import { registerEnumType } from 'type-graphql';

/** A label in the users' language and in English. */
export interface Label {
  zh: string;
  en: string;
}

/**
 * One value of an enum: `[zh, en]`, whose GraphQL description is `zh。en.`; or
 * `[zh, en, description]` when the schema's description says more than the label.
 */
export type EnumValueSpec = readonly [zh: string, en: string] | readonly [zh: string, en: string, description: string];

type StringEnum = Record<string, string>;

const LABELS = new WeakMap<object, Record<string, Label>>();

/**
 * The one way to declare an enum: a TypeScript string enum, then its labels — every value
 * with a Chinese and an English label (the compiler checks none is missing) — which this
 * registers with GraphQL under `name` (each value described `中文。English.`) and keeps for
 * messages (`labelOf`, `enumLabels`):
 *
 * ```ts
 * export enum LedgerStatus {
 *   KEPT = 'KEPT',
 *   MERGED = 'MERGED',
 * }
 * defineEnum(LedgerStatus, 'LedgerStatus', '台账报表状态。Status of a ledger requirement.', {
 *   KEPT: ['保留', 'Kept'],
 *   MERGED: ['已并入其他台账报表', 'Merged into another'],
 * });
 * ```
 *
 * `graphql: false` keeps an enum out of the schema (internal vocabularies).
 */
export function defineEnum<E extends StringEnum>(
  e: E,
  name: string,
  description: string,
  values: Record<E[keyof E], EnumValueSpec>,
  options: { graphql?: boolean } = {},
): E {
  const specs = values as Record<string, EnumValueSpec>;
  for (const v of Object.values(e)) if (!specs[v]) throw new Error(`enum ${name}: value ${v} has no label`);
  LABELS.set(e, Object.fromEntries(Object.entries(specs).map(([k, [zh, en]]) => [k, { zh, en }])));
  if (options.graphql !== false) {
    registerEnumType(e, {
      name,
      description,
      valuesConfig: Object.fromEntries(Object.entries(specs).map(([k, [zh, en, text]]) => [k, { description: text ?? `${zh}。${en}.` }])) as never,
    });
  }
  return e;
}

/** Every value's label of an enum declared with `defineEnum`. */
export function enumLabels<E extends StringEnum>(e: E): Record<E[keyof E], Label> {
  const labels = LABELS.get(e);
  if (!labels) throw new Error('not an enum declared with defineEnum');
  return labels;
}

/** The label of one value. */
export function labelOf<E extends StringEnum>(e: E, value: E[keyof E]): Label {
  return enumLabels(e)[value];
}
