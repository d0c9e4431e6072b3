import crypto from 'node:crypto';
import { startTestApi, type TestApi } from './support/api';
import { createQueueBackend, type QueueBackend } from '../src/queue/backend';
import { startWorkers, type RunningWorkers } from '../src/queue/runtime';
import { expireAdmissionsJob, flagOverdueEmergenciesJob } from '../src/admission/service/jobs';
import { chinaDate } from '../src/kernel/dates';

/**
 * The admission module's scheduled jobs, run as real BullMQ jobs (on the PostgreSQL
 * backend in the test database): overdue emergency entries are flagged, expired items leave.
 */
let t: TestApi;
let backend: QueueBackend;
let workers: RunningWorkers;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  t = await startTestApi();
  backend = createQueueBackend({ databaseUrl: t.databaseUrl, prefix: `adm_${crypto.randomBytes(3).toString('hex')}` });
  workers = await startWorkers({ backend, jobs: [flagOverdueEmergenciesJob, expireAdmissionsJob], context: { logger: silent, orm: t.orm }, concurrency: 1 });
});
afterAll(async () => {
  await workers.close(5000);
  await backend.close();
  await t.close();
});

const input = (over: Record<string, unknown>) => ({
  title: '协助开展防汛值守',
  description: '汛期协助开展防汛值守和险情报告，确保群众安全。',
  kind: 'TEMPORARY',
  category: 'EMERGENCY_MANAGEMENT',
  legalBasis: ['《中华人民共和国防洪法》'],
  scopeType: 'COUNTY',
  periodStart: chinaDate(),
  fundingAmount: 10000,
  ...over,
});

async function run(def: typeof flagOverdueEmergenciesJob | typeof expireAdmissionsJob) {
  const job = await workers.queues.add(def, {});
  return job.waitUntilFinished(workers.queues.events(def.queue), 15_000);
}

it('the scheduled jobs are registered with their schedules', async () => {
  const schedulers = await workers.queues.get('admission').getJobSchedulers();
  expect(schedulers.map((s: any) => s.key ?? s.id ?? s.name).sort()).toEqual(['expire-admissions', 'flag-overdue-emergencies']);
});

it('flags an emergency entry whose deadline passed, once', async () => {
  const token = await t.signIn('dept_civil');
  const created = await t.gql(
    `mutation($i: ApplicationInput!) { createApplication(input: $i) { id number } }`,
    { i: input({ emergency: true, emergencyReason: '暴雨红色预警' }) },
    { token },
  );
  const { id, number } = created.body.data.createApplication;
  await t.gql(`mutation($id: ID!) { declareEmergencyEntry(id: $id) { status } }`, { id }, { token });
  const before = await run(flagOverdueEmergenciesJob);
  expect(before.numbers).not.toContain(number);
  await t.orm.em.fork().getConnection().execute(`update admission_application set approval_deadline = now() - interval '1 hour' where number = ?`, [number]);
  expect((await run(flagOverdueEmergenciesJob)).numbers).toEqual([number]);
  expect((await run(flagOverdueEmergenciesJob)).flagged).toBe(0);
});

it('revokes an item whose approval document expired, with the reason', async () => {
  const dept = await t.signIn('dept_civil');
  const reviewer = await t.signIn('reviewer');
  const created = await t.gql(
    `mutation($i: ApplicationInput!) { createApplication(input: $i) { id number findings { code severity } } }`,
    { i: input({ title: '协助开展秋冬季森林防火宣传', category: 'CULTURE_EDUCATION' }) },
    { token: dept },
  );
  const { id, number, findings } = created.body.data.createApplication;
  await t.gql(`mutation($id: ID!) { submitApplication(id: $id) { status } }`, { id }, { token: dept });
  await t.gql(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id }, { token: reviewer });
  const ack = findings.filter((f: any) => f.severity === 'WARNING').map((f: any) => f.code);
  const approved = await t.gql(
    `mutation($id: ID!, $i: ReviewInput!) { reviewApplication(id: $id, input: $i) { status } }`,
    {
      id,
      i: {
        legality: { opinion: 'PASS' },
        feasibility: { opinion: 'PASS' },
        reasonableness: { opinion: 'PASS' },
        recommendation: 'APPROVE',
        acknowledgedWarnings: ack,
      },
    },
    { token: reviewer },
  );
  expect(approved.body.data.reviewApplication.status).toBe('APPROVED');
  await t.orm.em
    .fork()
    .getConnection()
    .execute(`update approval_document set valid_until = current_date - 1 where application_id = (select id from admission_application where number = ?)`, [
      number,
    ]);
  expect((await run(expireAdmissionsJob)).expired).toBeGreaterThanOrEqual(1);
  const after = await t.gql(
    `query($id: ID!) { application(id: $id) { status revokeReason approvalDocument { revokedAt } history { action actorUsername } } }`,
    { id },
    { token: reviewer },
  );
  const app = after.body.data.application;
  expect(app.status).toBe('REVOKED');
  expect(app.revokeReason).toMatch(/有效期.*届满/);
  expect(app.approvalDocument.revokedAt).toBeTruthy();
  expect(app.history.at(-1)).toEqual({ action: 'application.expire', actorUsername: null });
});
