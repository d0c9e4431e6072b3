/**
 * The one-stop platform (政府一体化政务服务平台) as Zhunru sees it: the records it lists
 * and the adapter interface a province's real platform is plugged in through.
 * The HTTP contract is documented in integrations/platform/openapi.yaml; the
 * simulator (integrations/simulator) implements it, the HTTP adapter
 * (integrations/platform/http-adapter.ts) consumes it.
 */

/** A department's business application system (业务应用系统). */
export interface PlatformBusinessApp {
  /** Stable id on the platform (idempotent upserts key on it). */
  externalId: string;
  name: string;
  /** Unified social credit code of the owning department, when known. */
  departmentUscc: string | null;
  departmentName: string;
  /** Whether the app is integrated into the one-stop platform (can run on the unified terminal). */
  integrated: boolean;
  /** Whether communities must operate it themselves. */
  usedByCommunities: boolean;
  updatedAt: string; // ISO 8601
  deleted?: boolean;
}

export type PlatformTerminalStatus = 'ACTIVE' | 'CONSOLIDATED' | 'DECOMMISSIONED';

/** A service terminal (服务终端) deployed in a community. */
export interface PlatformTerminal {
  externalId: string;
  /** 12-digit community code. */
  communityCode: string;
  model: string;
  /** externalIds of the business apps it serves. */
  appExternalIds: string[];
  status: PlatformTerminalStatus;
  lastSeenAt: string | null;
  updatedAt: string;
  deleted?: boolean;
}

/** A value of a data element collected for a community and period (一次采集). */
export interface PlatformCollectedValue {
  externalId: string;
  dataElementCode: string;
  communityCode: string;
  /** e.g. `2026-10` (month), `2026Q3`, `2026`. */
  period: string;
  value: string;
  source: string;
  updatedAt: string;
  deleted?: boolean;
}

/** An approved admission item pushed to the platform so its apps and terminals know it. */
export interface PlatformAdmissionPush {
  documentNumber: string;
  title: string;
  departmentName: string;
  countyCode: string;
  communityCodes: string[];
  validFrom: string;
  validUntil: string | null;
  status: 'IN_EFFECT' | 'REVOKED' | 'COMPLETED';
}

/** A listing page: records changed at or after `updatedSince`, in (updatedAt, externalId) order. */
export interface PlatformPage<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Null at the end. */
  nextCursor: string | null;
}

export interface ListOptions {
  /** ISO time; only records changed at or after it (incremental sync). Omitted → everything. */
  updatedSince?: string | null;
  cursor?: string | null;
  pageSize?: number;
  /** Only records of these communities (12-digit codes). */
  communityCodes?: string[];
  signal?: AbortSignal;
}

/** A record the adapter refused, with the reason (kept in the dead-letter table). */
export interface RejectedRecord {
  externalId: string | null;
  reason: string;
  raw: unknown;
}

/** A page after validation: the good records, and the malformed ones with their reasons. */
export interface ValidatedPage<T> extends PlatformPage<T> {
  rejected: RejectedRecord[];
}

/**
 * What Zhunru needs from a province's platform. Write one class implementing this to plug
 * in a real platform; everything else (workers, entities, GraphQL) stays as it is.
 */
export interface PlatformAdapter {
  listBusinessApps(opts: ListOptions): Promise<ValidatedPage<PlatformBusinessApp>>;
  listTerminals(opts: ListOptions): Promise<ValidatedPage<PlatformTerminal>>;
  listCollectedValues(opts: ListOptions): Promise<ValidatedPage<PlatformCollectedValue>>;
  pushAdmission(item: PlatformAdmissionPush, opts?: { signal?: AbortSignal }): Promise<{ accepted: boolean; platformId: string }>;
}
