import { Client } from 'pg';
import { startTestApi, type TestApi } from './support/api';
import { client } from './support/client';
import { createTestCounty, TEST_PASSWORD, type TestCounty } from './support/county';
import { NEGATIVE_CATEGORIES } from '../src/catalogue/entity/work-category';
import { currentListItems } from '../src/catalogue/service/catalogue.service';
import { Region } from '../src/geography/region.entity';
import { fromGlobalId, toGlobalId } from '../src/kernel/global-id';
import { GUIDANCE_LISTS, QINGYI_OWN_ITEMS } from '../src/db/seed/demo-lists';

let t: TestApi;
let c: TestCounty;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApi();
  c = await createTestCounty(t.orm, '511898', '试点县');
  tokens.reviewer2 = await t.signIn(c.users.reviewer, TEST_PASSWORD);
  for (const u of ['admin', 'reviewer', 'dept_civil']) tokens[u] = await t.signIn(u);
});
afterAll(() => t.close());

const { ok, fails } = client(() => t);
/** Rows in the catalogue's tables and the audit trail: a failed mutation must not change them. */
async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await t.orm.em
    .fork()
    .getConnection()
    .execute(
      `select (select count(*) from list_item) as items, (select count(*) from list_change) as changes,
            (select count(*) from list_change where status = 'PENDING') as pending,
            (select count(*) from list_version) as versions, (select count(*) from list_version_item) as snapshot,
            (select count(*) from audit_event) as audit`,
    );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

const ITEM = `id itemKey listType title description category legalBasis status cancelledAt department { name } templateItem { itemKey region { level } }`;
const CHANGE = `id kind status reason proposed { listType title category legalBasis department { name } } item { id itemKey } templateItem { id itemKey } county { code } stagedBy { username }`;
const VERSION = `id number documentNumber publishedAt note dutyCount assistanceCount negativeCount county { code } publishedBy { username }`;
const VROW = `itemKey listType title category legalBasis departmentName`;

const IMPORT = `mutation($c: ID!) { importGuidanceLists(countyId: $c) { ${CHANGE} } }`;
const STAGE = `mutation($i: StageListChangeInput!) { stageListChange(input: $i) { ${CHANGE} } }`;
const DISCARD = `mutation($id: ID!, $r: String) { discardListChange(id: $id, reason: $r) { id status } }`;
const PUBLISH = `mutation($i: PublishListVersionInput!) { publishListVersion(input: $i) { ${VERSION} } }`;
const PENDING = `query($c: ID) { pendingListChanges(countyId: $c) { ${CHANGE} } }`;
const VERSION_Q = `query($id: ID!, $lt: ListType) { listVersion(id: $id) { ${VERSION} items(listType: $lt) { ${VROW} } changes { kind } } }`;
const DIFF = `query($f: ID!, $to: ID!) { listVersionDiff(fromId: $f, toId: $to) {
  from { number } to { number }
  added { ${VROW} } cancelled { ${VROW} }
  adjusted { itemKey changedFields before { ${VROW} } after { ${VROW} } } } }`;
const ITEMS = `query($f: ListItemFilter, $first: Int) { listItems(filter: $f, first: $first) { totalCount nodes { ${ITEM} } } }`;

describe('seeded lists', () => {
  it('the province’s guidance lists: about 15 duty, 25 assistance and 12 negative items, with legal basis', async () => {
    const { guidanceListItems: items } = await ok(`{ guidanceListItems { ${ITEM} departmentHint region { name level } } }`);
    const count = (lt: string) => items.filter((i: any) => i.listType === lt).length;
    expect(count('DUTY')).toBeGreaterThanOrEqual(15);
    expect(count('ASSISTANCE')).toBeGreaterThanOrEqual(25);
    expect(count('NEGATIVE')).toBeGreaterThanOrEqual(12);
    expect(items.every((i: any) => i.region.level === 'PROVINCE' && i.region.name === '四川省')).toBe(true);
    for (const i of items) {
      if (i.listType !== 'NEGATIVE') expect(i.legalBasis.length).toBeGreaterThan(0);
      expect(i.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(i.departmentHint).toBeTruthy();
    }
    // Keys follow the list: LZ / XZ / FM and three digits.
    expect(items.map((i: any) => i.itemKey)).toEqual(expect.arrayContaining(['LZ-001', 'XZ-001', 'FM-001']));
    const negatives = items.filter((i: any) => i.listType === 'NEGATIVE');
    expect(negatives.find((i: any) => i.title.includes('违法建筑拆除'))?.category).toBe('DEMOLITION');
    expect(negatives.find((i: any) => i.title === '以购买服务名义下沉的执法类事项')?.category).toBe('LAW_ENFORCEMENT');
    expect((await ok(`{ guidanceListItems(listType: NEGATIVE) { id } }`)).guidanceListItems).toHaveLength(negatives.length);
  });

  it('the negative lists (province and 青衣县) cover all eight negative categories', async () => {
    const province = (await ok(`{ guidanceListItems(listType: NEGATIVE) { category } }`)).guidanceListItems.map((i: any) => i.category);
    const county = (await ok(ITEMS, { f: { countyCode: '511828', listType: 'NEGATIVE', status: 'ACTIVE' }, first: 100 })).listItems.nodes.map(
      (i: any) => i.category,
    );
    for (const cat of NEGATIVE_CATEGORIES) {
      expect(province).toContain(cat);
      expect(county).toContain(cat);
    }
  });

  it('青衣县 published version 1 (青社工发〔2026〕1号, 2026-03-01) derived from the guidance, with its own items and departments', async () => {
    const { listVersions } = await ok(`{ listVersions(countyCode: "511828") { totalCount nodes { ${VERSION} } } }`, {}, tokens.reviewer);
    expect(listVersions.totalCount).toBe(1);
    const v1 = listVersions.nodes[0];
    expect(v1).toMatchObject({
      number: 1,
      documentNumber: '青社工发〔2026〕1号',
      publishedAt: '2026-03-01',
      county: { code: '511828' },
      publishedBy: { username: 'reviewer' },
    });
    expect(v1.dutyCount + v1.assistanceCount + v1.negativeCount).toBe(GUIDANCE_LISTS.length + QINGYI_OWN_ITEMS.length);

    const { listItems } = await ok(ITEMS, { f: { countyCode: '511828' }, first: 100 });
    expect(listItems.totalCount).toBe(GUIDANCE_LISTS.length + QINGYI_OWN_ITEMS.length);
    const derived = listItems.nodes.filter((i: any) => i.templateItem);
    expect(derived).toHaveLength(GUIDANCE_LISTS.length);
    expect(derived.every((i: any) => i.templateItem.region.level === 'PROVINCE')).toBe(true);
    // Every responsible department maps to one of the county's, except conscription (the 人武部 is not a demo department).
    const without = listItems.nodes.filter((i: any) => !i.department).map((i: any) => i.title);
    expect(without).toEqual(['协助开展兵役登记和征兵宣传动员']);
    const own = listItems.nodes.filter((i: any) => !i.templateItem);
    expect(own.map((i: any) => i.department.name).sort()).toEqual(QINGYI_OWN_ITEMS.map((i) => i.department).sort());
    // Anonymous readers see lists and versions but not who published them.
    const anon = (await ok(`{ listVersions(countyCode: "511828") { nodes { publishedBy { username } } } }`)).listVersions.nodes[0];
    expect(anon.publishedBy).toBeNull();
  });

  it('currentListItems gives the rules engine what was last published', async () => {
    const county = await t.orm.em.fork().findOneOrFail(Region, { code: '511828' });
    const items = await currentListItems(t.orm.em.fork(), county.id, 'NEGATIVE' as never);
    expect(items.length).toBe(GUIDANCE_LISTS.filter((g) => g.listType === 'NEGATIVE').length + 1);
    expect(items.every((i) => i.status === 'ACTIVE' && i.listType === 'NEGATIVE')).toBe(true);
  });
});

describe('a county from no lists to two published versions', () => {
  let v1: any;
  let v2: any;
  let added: string;
  let adjustedKey: string;
  let cancelledKey: string;

  it('imports the guidance lists as pending ADD changes, once', async () => {
    expect((await ok(ITEMS, { f: { countyId: c.countyId } })).listItems.totalCount).toBe(0);
    const { importGuidanceLists: staged } = await ok(IMPORT, { c: c.countyId }, tokens.reviewer2);
    expect(staged).toHaveLength(GUIDANCE_LISTS.length);
    expect(staged.every((s: any) => s.kind === 'ADD' && s.status === 'PENDING' && s.templateItem && s.stagedBy.username === c.users.reviewer)).toBe(true);
    // Departments are matched by kind among the county's own: 民政部门 → 试点县民政局; unmatched ones stay empty.
    const civil = staged.filter((s: any) => s.proposed.department?.name === '试点县民政局');
    expect(civil.length).toBeGreaterThan(5);
    expect(staged.find((s: any) => s.proposed.title === '协助开展突发事件的宣传动员、自救互救和转移避险').proposed.department.name).toBe('试点县应急管理局');
    expect(staged.find((s: any) => s.proposed.title === '招商引资任务和指标').proposed.department).toBeNull();
    // A second import finds nothing new.
    expect((await ok(IMPORT, { c: c.countyId }, tokens.reviewer2)).importGuidanceLists).toEqual([]);
    expect((await ok(PENDING, { c: c.countyId }, tokens.reviewer2)).pendingListChanges).toHaveLength(GUIDANCE_LISTS.length);
  });

  it('discards one pending change; discarding it again is a CONFLICT', async () => {
    const pending = (await ok(PENDING, { c: c.countyId }, tokens.reviewer2)).pendingListChanges;
    const victim = pending.find((p: any) => p.proposed.title === '协助开展防范电信网络诈骗宣传');
    expect((await ok(DISCARD, { id: victim.id, r: '本县暂不列入' }, tokens.reviewer2)).discardListChange.status).toBe('DISCARDED');
    expect((await fails(DISCARD, { id: victim.id }, tokens.reviewer2)).extensions.code).toBe('CONFLICT');
    expect((await ok(PENDING, { c: c.countyId }, tokens.reviewer2)).pendingListChanges).toHaveLength(GUIDANCE_LISTS.length - 1);
  });

  it('publishes version 1 with a full snapshot', async () => {
    v1 = (await ok(PUBLISH, { i: { countyId: c.countyId, documentNumber: '试社工发〔2026〕1号', publishedAt: '2026-03-10', note: '首版' } }, tokens.reviewer2))
      .publishListVersion;
    const n = (lt: string) => GUIDANCE_LISTS.filter((g) => g.listType === lt).length;
    expect(v1).toMatchObject({
      number: 1,
      documentNumber: '试社工发〔2026〕1号',
      publishedAt: '2026-03-10',
      dutyCount: n('DUTY'),
      assistanceCount: n('ASSISTANCE') - 1,
      negativeCount: n('NEGATIVE'),
    });
    expect((await ok(PENDING, { c: c.countyId }, tokens.reviewer2)).pendingListChanges).toEqual([]);
    const { listVersion } = await ok(VERSION_Q, { id: v1.id });
    expect(listVersion.items).toHaveLength(GUIDANCE_LISTS.length - 1);
    expect(listVersion.changes).toHaveLength(GUIDANCE_LISTS.length - 1);
    // Keys are numbered per list in guidance order.
    expect(listVersion.items[0].itemKey).toBe('LZ-001');
    expect((await ok(VERSION_Q, { id: v1.id, lt: 'NEGATIVE' })).listVersion.items.every((i: any) => i.listType === 'NEGATIVE')).toBe(true);
    // Publishing again with nothing pending is bad input, and writes nothing.
    const before = await rowCounts();
    const e = await fails(PUBLISH, { i: { countyId: c.countyId, documentNumber: '试社工发〔2026〕9号', publishedAt: '2026-03-11' } }, tokens.reviewer2);
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    expect(e.extensions.details.map((d: any) => d.field)).toEqual(['countyId']);
    expect(await rowCounts()).toEqual(before);
  });

  it('stages an ADD, an ADJUST and a CANCEL', async () => {
    const items = (await ok(ITEMS, { f: { countyId: c.countyId, status: 'ACTIVE' }, first: 100 }, tokens.reviewer2)).listItems.nodes;
    const relief = items.find((i: any) => i.title.startsWith('协助开展最低生活保障'));
    const straw = items.find((i: any) => i.title.startsWith('秸秆禁烧'));
    adjustedKey = relief.itemKey;
    cancelledKey = straw.itemKey;
    const add = (
      await ok(
        STAGE,
        {
          i: {
            countyId: c.countyId,
            kind: 'ADD',
            reason: '县委常委会研究同意新增',
            proposed: {
              listType: 'ASSISTANCE',
              title: '协助开展独居老年人定期探访',
              description: '协助每月探访辖区独居、空巢老年人，发现困难及时报告。',
              category: 'ELDERLY_CARE',
              legalBasis: ['《中华人民共和国老年人权益保障法》'],
              departmentId: c.departments.civil,
            },
          },
        },
        tokens.reviewer2,
      )
    ).stageListChange;
    expect(add).toMatchObject({ kind: 'ADD', status: 'PENDING', item: null, proposed: { department: { name: '试点县民政局' } } });
    const adjust = (
      await ok(
        STAGE,
        {
          i: {
            countyId: c.countyId,
            kind: 'ADJUST',
            itemId: relief.id,
            reason: '依据修订后的办法调整表述',
            proposed: {
              title: '协助开展最低生活保障、特困人员救助供养和低保边缘家庭认定的入户调查',
              legalBasis: ['《社会救助暂行办法》', '《中华人民共和国村民委员会组织法》第五条'],
            },
          },
        },
        tokens.reviewer2,
      )
    ).stageListChange;
    // An ADJUST keeps what it does not name (category, department).
    expect(adjust.proposed).toMatchObject({ listType: 'ASSISTANCE', category: relief.category, department: { name: '试点县民政局' } });
    const cancel = (await ok(STAGE, { i: { countyId: c.countyId, kind: 'CANCEL', itemId: straw.id, reason: '并入环境整治事项' } }, tokens.reviewer2))
      .stageListChange;
    expect(cancel).toMatchObject({ kind: 'CANCEL', proposed: null, item: { itemKey: cancelledKey } });
    // The item shows its pending change; the published list is untouched until publication.
    const shown = (await ok(`query($id: ID!) { listItem(id: $id) { title pendingChange { kind } } }`, { id: relief.id }, tokens.reviewer2)).listItem;
    expect(shown).toEqual({ title: relief.title, pendingChange: { kind: 'ADJUST' } });
    expect((await ok(PENDING, { c: c.countyId }, tokens.reviewer2)).pendingListChanges.map((p: any) => p.kind)).toEqual(['ADD', 'ADJUST', 'CANCEL']);
  });

  it('publishes version 2; version 1 stays as it was', async () => {
    v2 = (await ok(PUBLISH, { i: { countyId: c.countyId, documentNumber: '试社工发〔2026〕2号', publishedAt: '2026-04-01' } }, tokens.admin))
      .publishListVersion;
    expect(v2).toMatchObject({ number: 2, assistanceCount: v1.assistanceCount + 1, negativeCount: v1.negativeCount - 1, dutyCount: v1.dutyCount });

    const one = (await ok(VERSION_Q, { id: v1.id })).listVersion.items;
    const two = (await ok(VERSION_Q, { id: v2.id })).listVersion.items;
    const key = (rows: any[], k: string) => rows.find((r) => r.itemKey === k);
    expect(key(one, adjustedKey).title).toBe('协助开展最低生活保障、特困人员救助供养的申请受理和入户调查');
    expect(key(two, adjustedKey).title).toBe('协助开展最低生活保障、特困人员救助供养和低保边缘家庭认定的入户调查');
    expect(key(one, cancelledKey)).toBeDefined();
    expect(key(two, cancelledKey)).toBeUndefined();
    const newRow = two.find((r: any) => r.title === '协助开展独居老年人定期探访');
    added = newRow.itemKey;
    // Keys are never reused: the new item takes the next number of the assistance list.
    const maxAssist = Math.max(...one.filter((r: any) => r.listType === 'ASSISTANCE').map((r: any) => Number(r.itemKey.slice(3))));
    expect(added).toBe(`XZ-${String(maxAssist + 1).padStart(3, '0')}`);
    expect(newRow.departmentName).toBe('试点县民政局');
    expect(key(one, added)).toBeUndefined();

    const { listVersions } = await ok(`query($c: ID) { listVersions(countyId: $c) { nodes { number } } }`, { c: c.countyId });
    expect(listVersions.nodes.map((v: any) => v.number)).toEqual([2, 1]);
    const cancelled = (await ok(ITEMS, { f: { countyId: c.countyId, status: 'CANCELLED' } })).listItems.nodes;
    expect(cancelled.map((i: any) => i.itemKey)).toEqual([cancelledKey]);
    expect(cancelled[0].cancelledAt).toBeTruthy();
    // What communities and the rules engine see now is version 2.
    const county = await t.orm.em.fork().findOneOrFail(Region, { code: c.countyCode });
    expect((await currentListItems(t.orm.em.fork(), county.id)).map((i) => i.itemKey).sort()).toEqual(two.map((r: any) => r.itemKey).sort());
  });

  it('diffs version 1 → version 2 exactly, and back', async () => {
    const { listVersionDiff: d } = await ok(DIFF, { f: v1.id, to: v2.id });
    expect(d.from.number).toBe(1);
    expect(d.to.number).toBe(2);
    expect(d.added.map((r: any) => r.itemKey)).toEqual([added]);
    expect(d.cancelled.map((r: any) => r.itemKey)).toEqual([cancelledKey]);
    expect(d.adjusted).toHaveLength(1);
    expect(d.adjusted[0].itemKey).toBe(adjustedKey);
    expect(d.adjusted[0].changedFields).toEqual(['title', 'legalBasis']);
    expect(d.adjusted[0].before.legalBasis).not.toEqual(d.adjusted[0].after.legalBasis);
    const back = (await ok(DIFF, { f: v2.id, to: v1.id })).listVersionDiff;
    expect(back.added.map((r: any) => r.itemKey)).toEqual([cancelledKey]);
    expect(back.cancelled.map((r: any) => r.itemKey)).toEqual([added]);
    // Versions of two counties cannot be compared.
    const qingyi = (await ok(`{ listVersions(countyCode: "511828") { nodes { id } } }`)).listVersions.nodes[0].id;
    expect((await fails(DIFF, { f: v1.id, to: qingyi })).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('records every step in the audit trail, with before and after', async () => {
    const trail = async (id: string) =>
      (await ok(`query($id: ID!) { auditTrail(recordId: $id) { action actorUsername before after comment } }`, { id }, tokens.admin)).auditTrail;
    const items = (await ok(ITEMS, { f: { countyId: c.countyId, search: adjustedKey } })).listItems.nodes;
    const itemTrail = await trail(items.find((i: any) => i.itemKey === adjustedKey).id);
    expect(itemTrail.map((e: any) => e.action)).toEqual(['listItem.add', 'listItem.adjust']);
    expect(itemTrail[1].before.title).not.toBe(itemTrail[1].after.title);
    expect(itemTrail[1].actorUsername).toBe('admin');
    expect(itemTrail[1].comment).toBe('依据修订后的办法调整表述');
    const versionTrail = await trail(v2.id);
    expect(versionTrail).toHaveLength(1);
    expect(versionTrail[0]).toMatchObject({
      action: 'listVersion.publish',
      before: { number: 1 },
      after: { number: 2, documentNumber: '试社工发〔2026〕2号' },
    });
    expect(versionTrail[0].after.changeIds).toHaveLength(3);
    const change = (await ok(VERSION_Q, { id: v2.id })).listVersion;
    expect(change.changes.map((x: any) => x.kind)).toEqual(['ADD', 'ADJUST', 'CANCEL']);
    const { listVersion } = await ok(`query($id: ID!) { listVersion(id: $id) { changes { id } } }`, { id: v2.id });
    expect((await trail(listVersion.changes[0].id)).map((e: any) => e.action)).toEqual(['listChange.stage', 'listChange.publish']);
    const discarded = (await ok(`{ auditEvents(first: 5, filter: { action: "listChange.discard" }) { nodes { comment after } } }`, {}, tokens.admin))
      .auditEvents.nodes;
    expect(discarded).toHaveLength(1);
    expect(discarded[0]).toMatchObject({ comment: '本县暂不列入', after: { status: 'DISCARDED' } });
  });
});

describe('validation: BAD_USER_INPUT with field details, and nothing written', () => {
  const stage = (i: Record<string, unknown>) => ({ i: { countyId: c.countyId, reason: '测试', ...i } });
  const fullAdd = (p: Record<string, unknown> = {}) => ({
    kind: 'ADD',
    proposed: { listType: 'ASSISTANCE', title: '协助开展测试事项', description: '测试', category: 'OTHER', legalBasis: ['《测试条例》'], ...p },
  });
  let active: any[];
  let cancelled: any;
  beforeAll(async () => {
    active = (await ok(ITEMS, { f: { countyId: c.countyId, status: 'ACTIVE' }, first: 100 })).listItems.nodes;
    cancelled = (await ok(ITEMS, { f: { countyId: c.countyId, status: 'CANCELLED' } })).listItems.nodes[0];
  });

  const cases: Array<[string, () => Record<string, unknown>, string[]]> = [
    [
      'negative-list work proposed for the assistance list',
      () => stage(fullAdd({ category: 'DEMOLITION', title: '协助开展违法建筑拆除' })),
      ['proposed.category'],
    ],
    ['an assistance item without legal basis', () => stage(fullAdd({ legalBasis: [] })), ['proposed.legalBasis']],
    ['a negative item of a non-negative category', () => stage(fullAdd({ listType: 'NEGATIVE', category: 'SOCIAL_ASSISTANCE' })), ['proposed.category']],
    ['an ADD without a proposal', () => stage({ kind: 'ADD' }), ['proposed']],
    [
      'an ADD without list type or category',
      () => stage({ kind: 'ADD', proposed: { title: '某事项', description: '说明', legalBasis: ['依据'] } }),
      ['proposed.listType', 'proposed.category'],
    ],
    ['an ADD naming an item', () => stage({ ...fullAdd(), itemId: active[0].id }), ['itemId']],
    ['a title already on the list', () => stage(fullAdd({ title: active[0].title })), ['proposed.title']],
    // Department 1 belongs to 青衣县, not to the test county or a region above it.
    ['a department of another county', () => stage(fullAdd({ departmentId: toGlobalId('Department', 1) })), ['proposed.departmentId']],
    ['an ADJUST without an item', () => stage({ kind: 'ADJUST', proposed: { title: '新名称' } }), ['itemId']],
    ['an ADJUST of a cancelled item', () => stage({ kind: 'ADJUST', itemId: cancelled.id, proposed: { title: '新名称' } }), ['itemId']],
    ['an ADJUST that changes nothing', () => stage({ kind: 'ADJUST', itemId: active[1].id, proposed: { title: active[1].title } }), ['proposed']],
    [
      'an ADJUST moving an item to another list',
      () => stage({ kind: 'ADJUST', itemId: active[1].id, proposed: { listType: active[1].listType === 'DUTY' ? 'ASSISTANCE' : 'DUTY' } }),
      ['proposed.listType'],
    ],
    ['a CANCEL with a proposal', () => stage({ kind: 'CANCEL', itemId: active[1].id, proposed: { title: 'x' } }), ['proposed']],
    [
      'an empty reason and an over-long title (input validation)',
      () => stage({ ...fullAdd({ title: '长'.repeat(201) }), reason: '' }),
      ['proposed.title', 'reason'],
    ],
  ];

  it.each(cases)('%s', async (_name, vars, fields) => {
    const variables = await vars();
    const before = await rowCounts();
    const e = await fails(STAGE, variables, tokens.reviewer2);
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(e.extensions.details.map((d: any) => d.field).sort()).toEqual([...fields].sort());
    expect(await rowCounts()).toEqual(before);
  });

  it('an item of another county, and a second pending change for one item', async () => {
    const qingyiItem = (await ok(ITEMS, { f: { countyCode: '511828' }, first: 1 })).listItems.nodes[0];
    let e = await fails(STAGE, stage({ kind: 'CANCEL', itemId: qingyiItem.id }), tokens.reviewer2);
    expect(e.extensions.details.map((d: any) => d.field)).toEqual(['itemId']);
    await ok(STAGE, stage({ kind: 'CANCEL', itemId: active[2].id }), tokens.reviewer2);
    const before = await rowCounts();
    e = await fails(STAGE, stage({ kind: 'ADJUST', itemId: active[2].id, proposed: { description: '新的说明' } }), tokens.reviewer2);
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    expect(e.extensions.details.map((d: any) => d.field)).toEqual(['itemId']);
    expect(await rowCounts()).toEqual(before);
  });

  it('publication: a date that does not exist, a date before the previous version, a used document number (CONFLICT)', async () => {
    const before = await rowCounts();
    const publish = (i: Record<string, unknown>) =>
      fails(PUBLISH, { i: { countyId: c.countyId, documentNumber: '试社工发〔2026〕3号', publishedAt: '2026-05-01', ...i } }, tokens.reviewer2);
    let e = await publish({ publishedAt: '2026-02-30' });
    expect([e.extensions.code, e.extensions.details.map((d: any) => d.field)]).toEqual(['BAD_USER_INPUT', ['publishedAt']]); // refused by the LocalDate scalar, before the resolver's checks
    // A value that is no date is refused while the variables are read, before the input's own checks.
    e = await publish({ publishedAt: '2026/05/01', documentNumber: '' });
    expect([e.extensions.code, e.extensions.reason, e.extensions.details.map((d: any) => d.field)]).toEqual([
      'BAD_USER_INPUT',
      'INVALID_DATE',
      ['publishedAt'],
    ]);
    e = await publish({ documentNumber: '' });
    expect([e.extensions.code, e.extensions.details.map((d: any) => d.field)]).toEqual(['BAD_USER_INPUT', ['documentNumber']]);
    e = await publish({ publishedAt: '2026-03-31' });
    expect([e.extensions.code, e.extensions.details.map((d: any) => d.field)]).toEqual(['BAD_USER_INPUT', ['publishedAt']]);
    e = await publish({ documentNumber: '试社工发〔2026〕2号' });
    expect(e.extensions.code).toBe('CONFLICT');
    expect(e.message).toContain('第 2 版');
    expect(await rowCounts()).toEqual(before);
  });
});

describe('who may maintain the lists', () => {
  it('only the county’s reviewers and admins; everyone else is FORBIDDEN (or UNAUTHENTICATED) and nothing is written', async () => {
    const before = await rowCounts();
    const qingyi = toGlobalId('Region', (await t.orm.em.fork().findOneOrFail(Region, { code: '511828' })).id);
    const add = {
      kind: 'ADD',
      reason: '测试',
      proposed: { listType: 'DUTY', title: '越权测试', description: '说明', category: 'OTHER', legalBasis: ['依据'] },
    };
    const attempts: Array<[string, Record<string, unknown>, string | undefined]> = [
      [STAGE, { i: { countyId: c.countyId, ...add } }, tokens.dept_civil],
      [STAGE, { i: { countyId: c.countyId, ...add } }, tokens.reviewer], // 青衣县's reviewer, another county
      [STAGE, { i: { countyId: qingyi, ...add } }, tokens.reviewer2],
      [IMPORT, { c: c.countyId }, tokens.dept_civil],
      [IMPORT, { c: qingyi }, tokens.reviewer2],
      [PUBLISH, { i: { countyId: c.countyId, documentNumber: 'X', publishedAt: '2026-06-01' } }, tokens.reviewer],
      [PUBLISH, { i: { countyId: qingyi, documentNumber: 'X', publishedAt: '2026-06-01' } }, tokens.dept_civil],
    ];
    for (const [query, variables, token] of attempts) expect((await fails(query, variables, token)).extensions.code).toBe('FORBIDDEN');
    const pending = (await ok(PENDING, { c: c.countyId }, tokens.reviewer2)).pendingListChanges[0];
    // Another county's working papers do not exist for this reviewer.
    expect((await fails(DISCARD, { id: pending.id }, tokens.reviewer)).extensions.code).toBe('NOT_FOUND');
    expect((await fails(STAGE, { i: { countyId: c.countyId, ...add } })).extensions.code).toBe('UNAUTHENTICATED');
    expect((await fails(PENDING, { c: c.countyId })).extensions.code).toBe('UNAUTHENTICATED');
    expect(await rowCounts()).toEqual(before);
  });
});

describe('concurrent publication', () => {
  it('two reviewers publishing the same county at once: one version, the other gets CONFLICT', async () => {
    const items = (await ok(ITEMS, { f: { countyId: c.countyId, status: 'ACTIVE', listType: 'DUTY' } })).listItems.nodes;
    await ok(
      STAGE,
      { i: { countyId: c.countyId, kind: 'ADJUST', itemId: items[0].id, reason: '并发测试', proposed: { description: '并发测试的新说明' } } },
      tokens.reviewer2,
    );
    const publish = (token: string) =>
      t.gql(PUBLISH, { i: { countyId: c.countyId, documentNumber: '试社工发〔2026〕5号', publishedAt: '2026-06-01' } }, { token });
    const results = await Promise.all([publish(tokens.reviewer2), publish(tokens.admin), publish(tokens.reviewer2)]);
    const won = results.filter((r) => r.body.data?.publishListVersion);
    const lost = results.filter((r) => r.body.errors);
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.body.errors[0].extensions.code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(won[0].body.data.publishListVersion.number).toBe(3);
    expect((await ok(`query($c: ID) { listVersions(countyId: $c) { totalCount } }`, { c: c.countyId })).listVersions.totalCount).toBe(3);
  });

  it('a publish while another holds the county’s lists fails at once with CONFLICT (row lock, NOWAIT)', async () => {
    const items = (await ok(ITEMS, { f: { countyId: c.countyId, status: 'ACTIVE', listType: 'DUTY' } })).listItems.nodes;
    await ok(
      STAGE,
      { i: { countyId: c.countyId, kind: 'ADJUST', itemId: items[1].id, reason: '锁测试', proposed: { description: '锁测试的新说明' } } },
      tokens.reviewer2,
    );
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select id from region where id = $1 for update', [fromGlobalId(c.countyId).id]);
      const started = Date.now();
      const e = await fails(PUBLISH, { i: { countyId: c.countyId, documentNumber: '试社工发〔2026〕6号', publishedAt: '2026-06-02' } }, tokens.reviewer2);
      expect(e.extensions.code).toBe('CONFLICT');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    const v = (await ok(PUBLISH, { i: { countyId: c.countyId, documentNumber: '试社工发〔2026〕6号', publishedAt: '2026-06-02' } }, tokens.reviewer2))
      .publishListVersion;
    expect(v.number).toBe(4);
  });
});

describe('batched reads', () => {
  it('a version with all its items and their departments and items costs a handful of statements', async () => {
    const qingyi = (await ok(`{ listVersions(countyCode: "511828") { nodes { id } } }`)).listVersions.nodes[0].id;
    t.resetQueries();
    const { listVersion } = await ok(
      `query($id: ID!) { listVersion(id: $id) { number county { name } items { itemKey department { name } item { status templateItem { itemKey } department { shortName } } version { number } } changes { item { itemKey } } } }`,
      { id: qingyi },
    );
    expect(listVersion.items.length).toBeGreaterThan(50);
    // version, county, snapshot rows, departments, items, templates, items' departments, the versions, changes (some batches coincide)
    expect(t.queries.length).toBeLessThanOrEqual(9);
  });

  it('a page of list items with region, department, template and pending change: the same statements for 5 items as for 50', async () => {
    const counts: number[] = [];
    // Both pages short of the 58 items, so each has its count statement.
    for (const first of [5, 50]) {
      t.resetQueries();
      const { listItems } = await ok(
        `query($n: Int) { listItems(first: $n, filter: { countyCode: "511828" }) { totalCount nodes { itemKey region { name } department { name } templateItem { itemKey } pendingChange { kind } } } }`,
        { n: first },
        tokens.reviewer,
      );
      expect(listItems.nodes.length).toBe(Math.min(first, listItems.totalCount));
      counts.push(t.queries.length);
    }
    // actor, county by code, page, count, then one each for region, department, template, pending change
    expect(counts[1]).toBe(counts[0]);
    expect(counts[1]).toBeLessThanOrEqual(8);
  });

  it('pages through all regions’ items with stable cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { listItems }: any = await ok(
        `query($a: String) { listItems(first: 40, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
        { a: after },
      );
      seen.push(...listItems.nodes.map((n: any) => n.id));
      if (!listItems.pageInfo.hasNextPage) {
        expect(seen).toHaveLength(listItems.totalCount);
        break;
      }
      after = listItems.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('moving an item to another list', () => {
  it('cancel and re-add under the same title in one version; a discarded cancel cannot leave two items with one title', async () => {
    const duty = (await ok(ITEMS, { f: { countyId: c.countyId, status: 'ACTIVE', listType: 'DUTY' } })).listItems.nodes;
    const moved = duty.find((i: any) => i.title === '开展便民利民的社区服务活动');
    const readd = (title: string) =>
      ok(
        STAGE,
        {
          i: {
            countyId: c.countyId,
            kind: 'ADD',
            reason: '调整为协助办理事项',
            proposed: { listType: 'ASSISTANCE', title, description: moved.description, category: moved.category, legalBasis: moved.legalBasis },
          },
        },
        tokens.reviewer2,
      );
    // Without a pending CANCEL the title is taken.
    expect(
      (
        await fails(
          STAGE,
          {
            i: {
              countyId: c.countyId,
              kind: 'ADD',
              reason: 'x',
              proposed: { listType: 'ASSISTANCE', title: moved.title, description: 'x', category: 'OTHER', legalBasis: ['x'] },
            },
          },
          tokens.reviewer2,
        )
      ).extensions.details[0].field,
    ).toBe('proposed.title');
    const cancel = (await ok(STAGE, { i: { countyId: c.countyId, kind: 'CANCEL', itemId: moved.id, reason: '调整为协助办理事项' } }, tokens.reviewer2))
      .stageListChange;
    await readd(moved.title);

    // Discarding the CANCEL would leave two items with one title: publication refuses, writing nothing.
    await ok(DISCARD, { id: cancel.id }, tokens.reviewer2);
    const before = await rowCounts();
    const e = await fails(PUBLISH, { i: { countyId: c.countyId, documentNumber: '试社工发〔2026〕7号', publishedAt: '2026-07-01' } }, tokens.reviewer2);
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    expect(await rowCounts()).toEqual(before);

    await ok(STAGE, { i: { countyId: c.countyId, kind: 'CANCEL', itemId: moved.id, reason: '调整为协助办理事项' } }, tokens.reviewer2);
    const v = (await ok(PUBLISH, { i: { countyId: c.countyId, documentNumber: '试社工发〔2026〕7号', publishedAt: '2026-07-01' } }, tokens.reviewer2))
      .publishListVersion;
    const versions = (await ok(`query($c: ID) { listVersions(countyId: $c, first: 2) { nodes { id number } } }`, { c: c.countyId })).listVersions.nodes;
    expect(versions[0]).toEqual({ id: v.id, number: 5 });
    const d = (await ok(DIFF, { f: versions[1].id, to: v.id })).listVersionDiff;
    expect(d.cancelled.map((r: any) => [r.itemKey, r.listType])).toEqual([[moved.itemKey, 'DUTY']]);
    expect(d.added.map((r: any) => [r.title, r.listType])).toEqual([[moved.title, 'ASSISTANCE']]);
    expect(d.adjusted).toEqual([]);
  });
});
