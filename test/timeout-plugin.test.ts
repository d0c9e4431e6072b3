/**
 * The deadline check of timeoutPlugin sits on root fields and object-valued fields (where
 * loaders and queries run), not on every scalar: a request past its deadline stops before
 * the next level of work.
 */
import { ApolloServer } from '@apollo/server';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { timeoutPlugin } from '../src/http/limits';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('timeoutPlugin', () => {
  let reached: string[];
  const schema = () => {
    const Child = new GraphQLObjectType({ name: 'Child', fields: { name: { type: GraphQLString } } });
    const Parent = new GraphQLObjectType({
      name: 'Parent',
      fields: {
        name: { type: GraphQLString },
        child: {
          type: Child,
          resolve: () => {
            reached.push('child');
            return { name: 'child' };
          },
        },
      },
    });
    const Query = new GraphQLObjectType({
      name: 'Query',
      fields: {
        slow: {
          type: Parent,
          resolve: async () => {
            await sleep(120);
            return { name: 'parent' };
          },
        },
        fast: { type: Parent, resolve: () => ({ name: 'parent' }) },
      },
    });
    return new GraphQLSchema({ query: Query });
  };

  beforeEach(() => {
    reached = [];
  });

  it('stops at the next object field once the deadline has passed', async () => {
    const server = new ApolloServer({ schema: schema(), plugins: [timeoutPlugin(50)] });
    await server.start();
    try {
      const r = await server.executeOperation({ query: '{ slow { name child { name } } }' });
      const result = (r.body as any).singleResult;
      expect(result.data.slow.name).toBe('parent'); // a scalar of the late object is still read
      expect(result.data.slow.child).toBeNull();
      expect(result.errors[0].extensions).toMatchObject({ code: 'INTERNAL', reason: 'TIMEOUT' });
      expect(reached).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('lets a request within its deadline through untouched', async () => {
    const server = new ApolloServer({ schema: schema(), plugins: [timeoutPlugin(1000)] });
    await server.start();
    try {
      const r = await server.executeOperation({ query: '{ fast { name child { name } } }' });
      expect((r.body as any).singleResult).toEqual({ data: { fast: { name: 'parent', child: { name: 'child' } } } });
      expect(reached).toEqual(['child']);
    } finally {
      await server.stop();
    }
  });
});
