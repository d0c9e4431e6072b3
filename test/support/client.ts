/**
 * The test client's two helpers, declared once: `ok` runs an operation and returns its data
 * (failing the test with the errors when there are any), `fails` runs one that must fail and
 * returns its first error. An operation is a typed document from test/generated
 * (`npm run codegen` over test/operations/*.graphql) — then variables and data are typed —
 * or a query string.
 */
import { expect } from '@jest/globals';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { TestApi } from './api';

/** The JSON of a GraphQL error as the API sends it. */
export interface GraphQLErrorJson {
  message: string;
  path?: Array<string | number>;
  extensions: {
    code: string;
    messageEn?: string;
    reason?: string;
    details?: Array<{ field: string; message: string; messageEn: string; constraint?: string }>;
    [k: string]: unknown;
  };
}

export interface Client {
  ok: <T = any, V = Record<string, unknown>>(query: string | TypedDocumentNode<T, V>, variables?: V, token?: string) => Promise<T>;
  fails: <T = any, V = Record<string, unknown>>(query: string | TypedDocumentNode<T, V>, variables?: V, token?: string) => Promise<any>;
}

/** The helpers over a test API (a getter: the API usually starts in `beforeAll`). */
export function client(api: () => TestApi): Client {
  return {
    async ok(query, variables, token) {
      const r = await api().gql(query, variables, { token });
      if (r.body.errors) throw new Error(JSON.stringify(r.body.errors, null, 1));
      return r.body.data as never;
    },
    async fails(query, variables, token) {
      const r = await api().gql(query, variables, { token });
      expect(r.body.errors).toBeDefined();
      return r.body.errors[0];
    },
  };
}
