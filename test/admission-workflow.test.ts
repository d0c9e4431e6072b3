/**
 * `availableActions` is a plain check (no errors built): it must list exactly the actions
 * `authorize` lets through, for every state, role, jurisdiction and finding combination.
 */
import 'reflect-metadata';
import { Role } from '../src/kernel/roles';
import type { Actor } from '../src/kernel/context';
import { ApplicationKind, ApplicationStatus, FindingSeverity } from '../src/admission/enums';
import type { AdmissionApplication } from '../src/admission/entity/application.entity';
import { TRANSITIONS, authorize, availableActions, type Who } from '../src/admission/service/workflow';

const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({
  userId: 1,
  username: 'u',
  role,
  regionId: 10,
  departmentId: 20,
  communityId: null,
  via: 'jwt',
  ...over,
});

const app = (status: ApplicationStatus, over: Record<string, unknown> = {}) =>
  ({
    status,
    kind: ApplicationKind.TEMPORARY,
    emergency: false,
    department: { id: 20 },
    county: { id: 10 },
    findings: [],
    acknowledgedWarnings: [],
    ...over,
  }) as unknown as AdmissionApplication;

const byThrowing = (a: AdmissionApplication, who: Who) =>
  TRANSITIONS.filter((t) => {
    try {
      authorize(a, t.action, who);
      return true;
    } catch {
      return false;
    }
  }).map((t) => t.action);

describe('availableActions', () => {
  const whos: Who[] = [
    'system',
    ...Object.values(Role).map((r) => actor(r)),
    actor(Role.DEPARTMENT_USER, { departmentId: 99 }),
    actor(Role.REVIEWER, { regionId: 99 }),
    actor(Role.COMMITTEE_SECRETARY, { regionId: 99 }),
  ];
  const variants: Array<Record<string, unknown>> = [
    {},
    { kind: ApplicationKind.NEW_REGULAR },
    { emergency: true },
    { findings: [{ code: 'X', severity: FindingSeverity.BLOCKING }] },
    { findings: [{ code: 'W', severity: FindingSeverity.WARNING }] },
    { findings: [{ code: 'W', severity: FindingSeverity.WARNING }], acknowledgedWarnings: ['W'] },
  ];

  it('lists exactly what authorize allows, in every combination', () => {
    let allowed = 0;
    for (const status of Object.values(ApplicationStatus)) {
      for (const over of variants) {
        for (const who of whos) {
          const a = app(status, over);
          const expected = byThrowing(a, who);
          expect({ status, over, who, actions: availableActions(a, who) }).toEqual({ status, over, who, actions: expected });
          allowed += expected.length;
        }
      }
    }
    expect(allowed).toBeGreaterThan(50); // the combinations do exercise allowed actions
  });

  it('gives a reviewer of the county the review buttons, and one of another county none', () => {
    expect(availableActions(app(ApplicationStatus.IN_REVIEW), actor(Role.REVIEWER))).toEqual(['approve', 'return', 'reject']);
    expect(availableActions(app(ApplicationStatus.IN_REVIEW), actor(Role.REVIEWER, { regionId: 99 }))).toEqual([]);
  });
});
