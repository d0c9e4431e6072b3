import { startTestApi, type TestApi } from './support/api';
import { createTestCounty, type TestCounty } from './support/county';
import { toGlobalId } from '../src/kernel/global-id';
import { ConsolidationTotalsDocument, CreateUserDocument, MeDocument, MyRegionDocument, SetUserActiveDocument, UsersDocument } from './generated/graphql';

let t: TestApi;
let away: TestCounty;
let admin: string;
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- graphql-js and the driver type these loosely
const sql = (q: string, p: unknown[] = []) => t.orm.em.getConnection().execute(q, p) as Promise<any[]>;
const CREATE = CreateUserDocument;
const USERS = UsersDocument;

beforeAll(async () => {
  t = await startTestApi();
  away = await createTestCounty(t.orm);
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

async function ids() {
  const [county] = await sql(`select id from region where code = '511828'`);
  const [township] = await sql(`select id from region where parent_id = ? order by id limit 1`, [county.id]);
  const [community] = await sql(`select id from community where township_id = ? order by id limit 1`, [township.id]);
  return { county: toGlobalId('Region', county.id), township: toGlobalId('Region', township.id), community: toGlobalId('Community', community.id) };
}

describe('accounts', () => {
  it('binds each role to its kind of jurisdiction, reporting every problem at once, and writes nothing then', async () => {
    const place = await ids();
    const before = (await sql(`select count(*)::int as n from app_user`))[0].n;
    const bad = await t.gql(
      CREATE,
      {
        i: {
          username: 'new_township',
          displayName: '新乡镇用户',
          role: 'TOWNSHIP_USER',
          regionId: place.county,
          communityId: place.community,
          password: 'short',
        },
      },
      { token: admin },
    );
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const fields = bad.body.errors[0].extensions.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['regionId', 'communityId', 'password'])); // a county is not a township; not bound to a community; weak password
    expect(
      (await t.gql(CREATE, { i: { username: 'svc2', displayName: '服务', role: 'INTEGRATION', password: 'Strong-Pass-2026' } }, { token: admin })).body
        .errors[0].extensions.details[0].field,
    ).toBe('password');
    expect(
      (
        await t.gql(
          CREATE,
          { i: { username: 'Bad Name', displayName: 'x', role: 'ANALYST', regionId: place.county, password: 'Strong-Pass-2026' } },
          { token: admin },
        )
      ).body.errors[0].extensions.code,
    ).toBe('BAD_USER_INPUT');
    expect((await sql(`select count(*)::int as n from app_user`))[0].n).toBe(before);
  });

  it('creates an account that signs in and works inside its jurisdiction; a taken username is a CONFLICT', async () => {
    const place = await ids();
    const r = await t.gql(
      CREATE,
      { i: { username: 'new_township', displayName: '新乡镇用户', role: 'TOWNSHIP_USER', regionId: place.township, password: 'Xiangzhen-2026' } },
      { token: admin },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.createUser).toMatchObject({ username: 'new_township', role: 'TOWNSHIP_USER', active: true, department: null, community: null });
    const token = await t.signIn('new_township', 'Xiangzhen-2026');
    const me = await t.gql(MyRegionDocument, {}, { token });
    expect(me.body.data!.me.region!.id).toBe(place.township);
    // The township's own statistics, not the county's.
    const own = await t.gql(ConsolidationTotalsDocument, { r: place.township }, { token });
    expect(own.body.errors).toBeUndefined();
    expect((await t.gql(ConsolidationTotalsDocument, { r: place.county }, { token })).body.errors[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'JURISDICTION',
    });
    expect(
      (
        await t.gql(
          CREATE,
          { i: { username: 'new_township', displayName: '重复', role: 'ANALYST', regionId: place.county, password: 'Xiangzhen-2026' } },
          { token: admin },
        )
      ).body.errors[0].extensions.code,
    ).toBe('CONFLICT');
    const [audit] = await sql(`select after from audit_event where action = 'user.create' order by id desc limit 1`);
    expect(audit.after).toMatchObject({ username: 'new_township', role: 'TOWNSHIP_USER' });
    expect(JSON.stringify(audit.after)).not.toContain('Xiangzhen');
  });

  it('lists users as far as the reader may see them: the county’s own for county staff, only oneself for analysts', async () => {
    const all = (await t.gql(USERS, {}, { token: admin })).body.data!.users;
    const reviewer = (await t.gql(USERS, {}, { token: await t.signIn('reviewer') })).body.data!.users.nodes.map((n) => n.username);
    expect(reviewer).toContain('dept_civil');
    expect(reviewer).toContain('community');
    expect(reviewer).not.toContain(away.users.reviewer);
    expect(reviewer).not.toContain('admin');
    expect(reviewer.length).toBeLessThan(all.totalCount);
    expect((await t.gql(USERS, {}, { token: await t.signIn('analyst') })).body.data!.users.nodes.map((n) => n.username)).toEqual(['analyst']);
    expect((await t.gql(USERS, { f: { role: 'DEPARTMENT_USER' } }, { token: admin })).body.data!.users.nodes.every((n) => n.username !== 'reviewer')).toBe(
      true,
    );
  });

  it('disabling an account ends its sessions at once; enabling lets it sign in again; nobody disables themselves', async () => {
    const token = await t.signIn('inspector');
    const [u] = await sql(`select id from app_user where username = 'inspector'`);
    const SET = SetUserActiveDocument;
    expect((await t.gql(SET, { u: toGlobalId('User', u.id), a: false }, { token: admin })).body.data!.setUserActive.active).toBe(false);
    expect((await t.gql(MeDocument, {}, { token })).status).toBe(401);
    await expect(t.signIn('inspector')).rejects.toThrow();
    expect((await t.gql(SET, { u: toGlobalId('User', u.id), a: true }, { token: admin })).body.data!.setUserActive.active).toBe(true);
    expect(await t.signIn('inspector')).toBeTruthy();
    const [me] = await sql(`select id from app_user where username = 'admin'`);
    expect((await t.gql(SET, { u: toGlobalId('User', me.id), a: false }, { token: admin })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const trail = await sql(`select action, comment from audit_event where entity_id = ? and action like 'user.%able' order by id`, [String(u.id)]);
    expect(trail).toEqual([
      { action: 'user.disable', comment: '调离岗位' },
      { action: 'user.enable', comment: '调离岗位' },
    ]);
  });
});
