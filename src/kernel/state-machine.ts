import { badInput, conflict, forbidden, type FieldProblem } from './errors';

/** Why a guard refuses, in Chinese and English (and the fields at fault); null when it lets the transition happen. */
export type Refusal = readonly [zh: string, en: string] | readonly [zh: string, en: string, details: FieldProblem[]] | null;

/**
 * One row of a process table (after Vendure's `default-order-process.ts`): an action, the
 * states it may start from, where it leads, who may take it, what must hold, and what it
 * does. `to: null` is an action that keeps the state (it only needs the record to be in
 * one of `from`).
 */
export interface Transition<S extends string, A extends string, T, W, X = unknown> {
  action: A;
  from: readonly S[];
  to: S | null;
  /** What the action is called, for messages: [zh, en]. */
  label?: readonly [string, string];
  /** Roles that may take it (absent: any; the caller checks who acts). */
  roles?: readonly string[];
  /** Who may act on this record (FORBIDDEN, reason JURISDICTION, when one refuses), checked before the state. */
  access?: ReadonlyArray<(subject: T, who: W) => Refusal>;
  /** What must hold of the record (BAD_USER_INPUT when one refuses), checked after the state. */
  guards?: ReadonlyArray<(subject: T, who: W) => Refusal>;
  /** The CONFLICT message when the record is not in one of `from` (else the machine's). */
  conflict?: readonly [string, string];
  /** What the transition does, inside the caller's transaction, before the state changes. */
  effect?: (subject: T, context: X) => void | Promise<void>;
}

export interface MachineOptions<S extends string, A extends string, T, W, X = unknown> {
  /** The record's state. */
  state(subject: T): S;
  setState(subject: T, state: S): void;
  /** The role of whoever acts (for `roles`). */
  roleOf?(who: W): string;
  /** The CONFLICT message for a transition not allowed from the record's state (default: its `conflict`). */
  conflict?(subject: T, transition: Transition<S, A, T, W, X>): readonly [string, string];
  /** The FORBIDDEN message for a role a transition does not name. */
  forbiddenRole?(transition: Transition<S, A, T, W, X>): readonly [string, string];
}

/**
 * A lifecycle as a table: the one way a record's status changes. `check` refuses what may
 * not happen now — role and access (FORBIDDEN), state (CONFLICT: someone else moved it
 * first), guards (BAD_USER_INPUT) — and `apply` runs the effect and sets the new state.
 * `available` lists what `who` could do now (for front ends' buttons).
 */
export class StateMachine<S extends string, A extends string, T, W = unknown, X = unknown, R extends Transition<S, A, T, W, X> = Transition<S, A, T, W, X>> {
  private readonly byAction: Map<A, R>;

  constructor(
    readonly name: string,
    readonly transitions: ReadonlyArray<R>,
    private readonly options: MachineOptions<S, A, T, W, X>,
  ) {
    this.byAction = new Map(transitions.map((t) => [t.action, t]));
    if (this.byAction.size !== transitions.length) throw new Error(`${name}: an action is listed twice`);
  }

  transition(action: A): R {
    const t = this.byAction.get(action);
    if (!t) throw new Error(`${this.name}: no transition ${action}`);
    return t;
  }

  /** Role, access and state: FORBIDDEN or CONFLICT, else the transition. */
  checkActor(subject: T, action: A, who: W): R {
    const t = this.transition(action);
    if (t.roles && this.options.roleOf && !t.roles.includes(this.options.roleOf(who))) {
      const [zh, en] = this.options.forbiddenRole?.(t) ?? ['无权执行此操作', 'You are not allowed to do this'];
      throw forbidden('ROLE', zh, en);
    }
    for (const rule of t.access ?? []) {
      const why = rule(subject, who);
      if (why) throw forbidden('JURISDICTION', why[0], why[1]);
    }
    if (!t.from.includes(this.options.state(subject))) {
      const [zh, en] = this.options.conflict?.(subject, t) ?? t.conflict ?? ['当前状态不允许此操作', 'Not allowed in the current state'];
      throw conflict(zh, en);
    }
    return t;
  }

  /** The transition's guards: BAD_USER_INPUT with the first refusal. */
  checkGuards(subject: T, t: Transition<S, A, T, W, X>, who: W): void {
    for (const guard of t.guards ?? []) {
      const why = guard(subject, who);
      if (why) throw badInput(why[0], why[1], why[2] ?? []);
    }
  }

  /** Every check, in order; returns the transition. */
  check(subject: T, action: A, who: W): R {
    const t = this.checkActor(subject, action, who);
    this.checkGuards(subject, t, who);
    return t;
  }

  /** Runs the transition's effect and moves the record to its new state (after `check`). */
  async apply(subject: T, t: Transition<S, A, T, W, X>, context: X): Promise<void> {
    await t.effect?.(subject, context);
    if (t.to !== null) this.options.setState(subject, t.to);
  }

  /** Whether `who` may take `t` on `subject` now: the same checks as `check`, building no errors. */
  may(subject: T, t: Transition<S, A, T, W, X>, who: W): boolean {
    if (!t.from.includes(this.options.state(subject))) return false;
    if (t.roles && this.options.roleOf && !t.roles.includes(this.options.roleOf(who))) return false;
    for (const rule of [...(t.access ?? []), ...(t.guards ?? [])]) if (rule(subject, who)) return false;
    return true;
  }

  /** The actions `who` could take on `subject` now, in table order. */
  available(subject: T, who: W): A[] {
    return this.transitions.filter((t) => this.may(subject, t, who)).map((t) => t.action);
  }
}

/**
 * A record's status lifecycle with no roles or guards of its own (the registry's ledgers,
 * plaques, refusals, findings, interviews, contracts): each action, the states it may
 * start from, where it leads, and the CONFLICT message when the record is elsewhere.
 */
export function lifecycle<S extends string, A extends string, T extends { status: S }>(
  name: string,
  rows: ReadonlyArray<{ action: A; from: readonly S[]; to: S | null; conflict: readonly [string, string] }>,
): StateMachine<S, A, T> {
  return new StateMachine<S, A, T>(name, rows, { state: (t) => t.status, setState: (t, s) => void (t.status = s) });
}
