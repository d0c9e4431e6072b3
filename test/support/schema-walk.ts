import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  getNullableType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Walking schema/schema.graphql for tests that generate their cases from it (hostile
 * cursors, dates, costs): every field with its arguments, how to reach a nested field from
 * a root query, and every position of a given input type inside an argument.
 */
export const schema: GraphQLSchema = buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));

export interface FieldRef {
  parent: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
}

/** Every field of every object type (introspection types aside). */
export function allFields(): FieldRef[] {
  const out: FieldRef[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) out.push({ parent: type, field });
  }
  return out;
}

/** A well-formed global ID of no record. */
export const NO_SUCH_ID = Buffer.from('Nothing:1').toString('base64url');

/** A literal of a required scalar or enum argument nobody gave a value for (undefined for input objects and lists). */
function plainValue(type: GraphQLInputType): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- graphql-js's helpers return a wider type than the cast
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable) || isInputObjectType(nullable)) return undefined;
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].name;
  return (
    { String: '"x"', Int: '1', Float: '1', Boolean: 'false', LocalDate: '"2026-01-01"', Month: '"2026-01"', DateTimeISO: '"2026-01-01T00:00:00Z"' } as Record<
      string,
      string
    >
  )[named.name];
}

/** Values for required arguments, by argument name (filled in by the test from its database). */
export type ArgumentValues = Record<string, string | number | boolean>;

/** A minimal selection for a value of `type`. */
export function selection(type: GraphQLField<unknown, unknown>['type']): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  const fields = (named as GraphQLObjectType).getFields?.() ?? {};
  if (fields.nodes && fields.pageInfo) return ' { nodes { __typename } pageInfo { endCursor } }';
  return ' { __typename }';
}

function literal(v: string | number | boolean): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/**
 * `name(a: …, b: …)`: `extra` arguments first, then every argument of the field that
 * `values` has a value for (required or not: some pairs are "one of"), or null when a
 * required argument has none.
 */
export function callWithArgs(field: GraphQLField<unknown, unknown>, values: ArgumentValues, extra: string[] = []): string | null {
  const args: string[] = [...extra];
  for (const a of field.args) {
    if (extra.some((e) => e.startsWith(`${a.name}:`))) continue;
    if (a.name in values) args.push(`${a.name}: ${literal(values[a.name])}`);
    // A required ID nobody gave: one that names nothing (the call then fails on it, after validation).
    else if (isNonNullType(a.type) && getNamedType(a.type).name === 'ID') args.push(`${a.name}: ${literal(NO_SUCH_ID)}`);
    else if (isNonNullType(a.type) && plainValue(a.type) !== undefined) args.push(`${a.name}: ${plainValue(a.type)}`);
    else if (isNonNullType(a.type)) return null;
  }
  return args.length ? `${field.name}(${args.join(', ')})` : field.name;
}

/**
 * A query document that selects `target` (a field of `target.parent`) with `args` and
 * the selection text `select` (e.g. ` { nodes { __typename } }`): directly on Query, or
 * through a root query returning the parent type (or a connection of it). Null when no
 * route with fillable arguments exists.
 */
export function reach(target: FieldRef, values: ArgumentValues, args: string[], select: string, variables = ''): string | null {
  const vars = variables ? `(${variables})` : '';
  if (target.parent === schema.getQueryType() || target.parent === schema.getMutationType()) {
    const call = callWithArgs(target.field, values, args);
    return call ? `${target.parent === schema.getMutationType() ? 'mutation' : 'query'}${vars} { ${call}${select} }` : null;
  }
  const own = `${target.field.name}${args.length ? `(${args.join(', ')})` : ''}${select}`;
  for (const root of Object.values(schema.getQueryType()!.getFields())) {
    const named = getNamedType(root.type);
    if (named === target.parent) {
      const call = callWithArgs(root, values);
      if (call) return `query${vars} { ${call} { ${own} } }`;
    }
    if (isObjectType(named) && named.getFields().nodes && getNamedType(named.getFields().nodes.type) === target.parent) {
      const call = callWithArgs(root, values, ['first: 2']);
      if (call) return `query${vars} { ${call} { nodes { ${own} } } }`;
    }
  }
  return null;
}

/** Whether `type` is (or wraps) the named input type `name`. */
export function isOfNamedType(type: GraphQLInputType, name: string): boolean {
  return getNamedType(type).name === name;
}

/**
 * Every path to a leaf of one of `names` inside an argument's type (input objects walked,
 * lists entered): `[['filter', 'periodFrom'], …]`. Cycles stop at depth 4.
 */
export function leafPaths(type: GraphQLInputType, names: string[], at: string[] = [], depth = 0): { path: string[]; type: GraphQLInputType }[] {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- graphql-js's helpers return a wider type than the cast
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return leafPaths(nullable.ofType, names, at, depth);
  if (isInputObjectType(nullable)) {
    if (depth > 4) return [];
    return Object.values(nullable.getFields()).flatMap((f) => leafPaths(f.type, names, [...at, f.name], depth + 1));
  }
  return names.includes(getNamedType(type).name) ? [{ path: at, type }] : [];
}
