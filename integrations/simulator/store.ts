/**
 * An in-memory record list kept sorted by (updatedAt, externalId), the order the
 * platform's listings are served in, with a per-community index. A page is found by
 * binary search on `updatedSince` and on the cursor, so serving a page costs
 * O(log n + page) — O(k·log n + page·log k) when filtered on k communities (k-way merge).
 */

export interface StoredRecord {
  readonly externalId: string;
  /** updatedAt, milliseconds since the epoch. */
  u: number;
}

/** Where a listing stopped: the last record served. */
export interface Position {
  u: number;
  id: string;
}

export function compareRecords(a: StoredRecord, b: StoredRecord): number {
  if (a.u !== b.u) return a.u - b.u;
  const x = a.externalId;
  const y = b.externalId;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Sorts by (u, externalId). Keys are copied into typed arrays first: comparing the record
 * objects themselves is slow when several record classes share this code.
 */
function sortRecords<R extends StoredRecord>(records: R[]): R[] {
  const n = records.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = records[i].u;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = keys[i - 1] < keys[i];
  if (sorted) return records;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const d = keys[a] - keys[b];
    if (d !== 0) return d;
    const x = records[a].externalId;
    const y = records[b].externalId;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const out = new Array<R>(n);
  for (let i = 0; i < n; i++) out[i] = records[order[i]]!;
  return out;
}

/** First index whose record comes strictly after `pos`. */
function indexAfter(arr: readonly StoredRecord[], pos: Position): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const r = arr[mid];
    const after = r.u > pos.u || (r.u === pos.u && r.externalId > pos.id);
    if (after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index whose updatedAt is at or after `since`. */
function indexFrom(arr: readonly StoredRecord[], since: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid].u >= since) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of exactly this record (by its current u and externalId), or -1. */
function indexOf(arr: readonly StoredRecord[], r: StoredRecord): number {
  const i = indexAfter(arr, { u: r.u, id: r.externalId }) - 1;
  return i >= 0 && arr[i] === r ? i : -1;
}

function startIndex(arr: readonly StoredRecord[], since: number | null, after: Position | null): number {
  let i = since === null ? 0 : indexFrom(arr, since);
  if (after) i = Math.max(i, indexAfter(arr, after));
  return i;
}

/** Removes `gone` from a sorted array: splices for a few, one filter pass for many. */
function removeFrom<R extends StoredRecord>(arr: R[], gone: readonly R[], goneSet: Set<R>): R[] {
  if (gone.length <= 64) {
    for (const r of gone) {
      const i = indexOf(arr, r);
      if (i >= 0) arr.splice(i, 1);
    }
    return arr;
  }
  return arr.filter((r) => !goneSet.has(r));
}

export interface Segment<R> {
  arr: readonly R[];
  start: number;
}

export class SortedStore<R extends StoredRecord> {
  private all: R[];
  private byCommunity: Map<string, R[]> | null = null;
  private idIndex: Map<string, R> | null = null;

  constructor(
    records: R[],
    private readonly communityOf?: (r: R) => string,
  ) {
    this.all = sortRecords(records);
    if (communityOf) {
      this.byCommunity = new Map();
      let lastCode: string | undefined;
      let arr: R[] = [];
      for (const r of this.all) {
        const c = communityOf(r);
        if (c !== lastCode) {
          lastCode = c;
          const known = this.byCommunity.get(c);
          if (known) arr = known;
          else this.byCommunity.set(c, (arr = []));
        }
        arr.push(r);
      }
    }
  }

  get size(): number {
    return this.all.length;
  }

  /** All records in listing order. Do not modify. */
  get records(): readonly R[] {
    return this.all;
  }

  get filterable(): boolean {
    return this.byCommunity !== null;
  }

  maxU(): number {
    return this.all.length ? this.all[this.all.length - 1].u : 0;
  }

  get(externalId: string): R | undefined {
    if (!this.idIndex) {
      this.idIndex = new Map();
      for (const r of this.all) this.idIndex.set(r.externalId, r);
    }
    return this.idIndex.get(externalId);
  }

  /**
   * Up to `limit` records at or after `since` and strictly after `after`, in order;
   * with `communities`, only theirs (ignored when the store has no community index).
   */
  page(since: number | null, after: Position | null, limit: number, communities?: readonly string[] | null): R[] {
    if (!communities || !this.byCommunity) {
      const start = startIndex(this.all, since, after);
      return this.all.slice(start, start + limit);
    }
    const heads = this.segments(since, after, communities).map((s) => ({ arr: s.arr, i: s.start }));
    if (heads.length === 1) return heads[0].arr.slice(heads[0].i, heads[0].i + limit);
    // k-way merge with a binary min-heap on each segment's head record
    type Head = (typeof heads)[number];
    const less = (a: Head, b: Head) => compareRecords(a.arr[a.i], b.arr[b.i]) < 0;
    const down = (k: number) => {
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < heads.length && less(heads[l], heads[m])) m = l;
        if (r < heads.length && less(heads[r], heads[m])) m = r;
        if (m === k) return;
        [heads[k], heads[m]] = [heads[m], heads[k]];
        k = m;
      }
    };
    for (let k = (heads.length >>> 1) - 1; k >= 0; k--) down(k);
    const out: R[] = [];
    while (out.length < limit && heads.length) {
      const top = heads[0];
      out.push(top.arr[top.i]);
      if (++top.i >= top.arr.length) {
        const last = heads.pop()!;
        if (heads.length) heads[0] = last;
      }
      if (heads.length) down(0);
    }
    return out;
  }

  /** The not-yet-listed tails, one per community (or the whole list), for a listing at `after`. */
  segments(since: number | null, after: Position | null, communities?: readonly string[] | null): Segment<R>[] {
    if (!communities || !this.byCommunity) {
      const start = startIndex(this.all, since, after);
      return start < this.all.length ? [{ arr: this.all, start }] : [];
    }
    const out: Segment<R>[] = [];
    for (const c of new Set(communities)) {
      const arr = this.byCommunity.get(c);
      if (!arr) continue;
      const start = startIndex(arr, since, after);
      if (start < arr.length) out.push({ arr, start });
    }
    return out;
  }

  /**
   * Marks records as changed now: sets their updatedAt to a time strictly after every
   * record's (now, or 1 ms past the newest), lets `mutate` change their fields, and moves
   * them to the end of the listing. Returns the new updatedAt.
   */
  touch(records: readonly R[], mutate?: (r: R, at: number) => void, now = Date.now()): number {
    const unique = [...new Set(records)];
    const at = Math.max(now, this.maxU() + 1);
    if (!unique.length) return at;
    this.detach(unique);
    unique.sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
    for (const r of unique) {
      r.u = at;
      mutate?.(r, at);
      this.all.push(r);
      if (this.byCommunity) {
        const c = this.communityOf!(r);
        let arr = this.byCommunity.get(c);
        if (!arr) this.byCommunity.set(c, (arr = []));
        arr.push(r);
      }
    }
    return at;
  }

  /** Deletes records (a full reconcile on the consumer's side finds them missing). */
  remove(records: readonly R[]): void {
    const unique = [...new Set(records)];
    this.detach(unique);
    if (this.idIndex) for (const r of unique) this.idIndex.delete(r.externalId);
  }

  private detach(records: R[]): void {
    const set = new Set(records);
    this.all = removeFrom(this.all, records, set);
    if (this.byCommunity) {
      const groups = new Map<string, R[]>();
      for (const r of records) {
        const c = this.communityOf!(r);
        const g = groups.get(c);
        if (g) g.push(r);
        else groups.set(c, [r]);
      }
      for (const [c, group] of groups) {
        const arr = this.byCommunity.get(c);
        if (arr) this.byCommunity.set(c, removeFrom(arr, group, set));
      }
    }
  }
}
