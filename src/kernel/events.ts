import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The event bus: how one module reacts to what happens in another without importing it
 * (after Vendure's EventBus, `packages/core/src/event-bus/event-bus.ts`). The publishing
 * module defines the event class; a module that cares subscribes in its `index.ts`;
 * src/modules.ts loads every module, so whoever opens the database has every subscriber.
 *
 * Subscribers run **inside the publisher's transaction**, in the order they subscribed,
 * with the publisher's `em` (Vendure's "blocking" handlers): what a subscriber writes
 * commits or rolls back with the change that caused it, and an error in a subscriber
 * undoes the whole mutation. There are no after-commit subscribers: today nothing in the
 * platform reacts to a change after it committed (jobs are enqueued by the code that
 * asks for them).
 *
 * An event class may declare `static readonly required = true`: publishing it with no
 * subscriber is then a programming error (a module not loaded), not a silent no-op.
 */
export type EventClass<E> = (abstract new (...args: never[]) => E) & { readonly required?: boolean };

export type Subscriber<E> = (event: E, em: EntityManager) => void | Promise<void>;

interface Subscription {
  id: string;
  handler: Subscriber<never>;
}

export class EventBus {
  private readonly subscriptions = new Map<EventClass<unknown>, Subscription[]>();

  /**
   * Runs `handler` for every event of `type`, in the publisher's transaction. `id` names
   * the subscription (unique per event type; subscribing the same id again replaces it,
   * so reloading a module does not subscribe twice).
   */
  subscribe<E>(type: EventClass<E>, id: string, handler: Subscriber<E>): void {
    const list = this.subscriptions.get(type) ?? [];
    const i = list.findIndex((s) => s.id === id);
    const sub = { id, handler: handler as Subscriber<never> };
    if (i >= 0) list[i] = sub;
    else list.push(sub);
    this.subscriptions.set(type, list);
  }

  /** Runs the subscribers of the event's class one after the other, with `em` (the publisher's transaction). */
  async publish<E extends object>(em: EntityManager, event: E): Promise<void> {
    const type = event.constructor as EventClass<E>;
    const list = this.subscriptions.get(type) ?? [];
    if (!list.length && type.required) throw new Error(`event ${type.name} has no subscriber: is its module loaded (src/modules.ts)?`);
    for (const s of list) await (s.handler as Subscriber<E>)(event, em);
  }

  /** The ids subscribed to an event type, in order (for tests and diagnostics). */
  subscribers(type: EventClass<unknown>): string[] {
    return (this.subscriptions.get(type) ?? []).map((s) => s.id);
  }
}

/** The process's event bus. */
export const events = new EventBus();
