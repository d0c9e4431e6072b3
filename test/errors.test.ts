import { GraphQLError } from 'graphql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { formatError, AppError, notFound, ERROR_CODES } from '../src/kernel/errors';
import { startTestApi, type TestApi } from './support/api';

describe('error model (formatError)', () => {
  const fmt = (err: unknown, includeStack = false) =>
    formatError({ message: err instanceof Error ? err.message : String(err), path: ['x'] }, new GraphQLError('wrapped', { originalError: err as Error }), {
      includeStack,
    });

  it('keeps an AppError as it is: code, Chinese message, English alongside', () => {
    const out = fmt(notFound('该行政区划', 'Region'));
    expect(out).toMatchObject({ message: '未找到该行政区划', path: ['x'], extensions: { code: 'NOT_FOUND', messageEn: 'Region not found' } });
  });

  it('hides unknown errors as INTERNAL without details or stack outside development', () => {
    const seen: unknown[] = [];
    const secret = new Error('connection to 10.0.0.5 refused; password=hunter2');
    const out = formatError({ message: secret.message }, new GraphQLError('x', { originalError: secret }), {
      includeStack: false,
      onInternal: (e) => seen.push(e),
    });
    expect(out.extensions).toEqual({ code: 'INTERNAL', messageEn: 'Internal server error' });
    expect(out.message).not.toContain('hunter2');
    expect(seen).toEqual([secret]);
    expect(fmt(new Error('boom'), true).extensions?.stacktrace).toBeDefined();
  });

  it('maps a unique-constraint violation to CONFLICT', () => {
    const out = fmt(new UniqueConstraintViolationException(new Error('duplicate key value violates unique constraint')));
    expect(out.extensions?.code).toBe('CONFLICT');
    expect(out.message).toMatch(/冲突/);
  });

  it('only ever produces the documented codes', () => {
    const samples = [new Error('x'), new AppError('CONFLICT', '冲突', 'Conflict'), new GraphQLError('y', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    for (const s of samples) {
      const out = formatError({ message: s.message, extensions: (s as GraphQLError).extensions }, s, { includeStack: false });
      expect(ERROR_CODES).toContain(out.extensions?.code);
    }
  });
});

describe('error model over the API', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t.close());

  it('reports field-level validation details for bad input, in Chinese and English', async () => {
    const r = await t.gql(`mutation { signIn(input: { username: "", password: "${'x'.repeat(300)}" }) { token } }`);
    const e = r.body.errors[0];
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    expect(e.message).toBe('输入校验失败');
    const fields = e.extensions.details.map((d: any) => d.field).sort();
    expect(fields).toEqual(['password', 'username']);
    for (const d of e.extensions.details) {
      expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(d.messageEn).toMatch(/[a-z]/);
    }
  });

  it('reports a variable of the wrong type as BAD_USER_INPUT', async () => {
    const r = await t.gql(`query($n: Int) { communities(first: $n) { totalCount } }`, { n: 'many' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors[0].message).toMatch(/输入参数无效/);
  });

  it('reports a syntax error as BAD_USER_INPUT and never includes a stack trace in test/production', async () => {
    const r = await t.gql(`{ communities(first: 1 { totalCount } }`);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
    expect(r.body.errors[0].extensions.stacktrace).toBeUndefined();
  });

  it('asks for exactly one of id and code', async () => {
    const r = await t.gql(`{ region { name } }`);
    expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.body.data).toEqual({ region: null });
  });
});
