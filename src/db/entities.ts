import { Region } from '../geography/region.entity';
import { Community } from '../geography/community.entity';
import { Department } from '../organisation/department.entity';
import { User } from '../auth/user.entity';
import { ApiToken } from '../auth/api-token.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { DataElement } from '../platform/data-element.entity';
import { CATALOGUE_ENTITIES } from '../catalogue/entities';
import { ADMISSION_ENTITIES } from '../admission/entities';
import { BusinessApp } from '../platform/business-app.entity';
import { Terminal } from '../platform/terminal.entity';
import { CollectedValue } from '../platform/collected-value.entity';
import { SyncRun } from '../platform/sync-run.entity';
import { SyncRejectedRecord } from '../platform/sync-rejected-record.entity';
import { DataRequirement } from '../platform/data-requirement.entity';
import { REGISTRY_ENTITIES } from '../registry/entities';
import { SECURITY_ENTITIES } from '../auth/security-entities';
import { STATISTICS_ENTITIES } from '../statistics/entities';
import { AuditChainHead } from '../audit/audit-chain';
import { RateLimitCounter } from '../http/rate-limit';

/** Every entity, listed explicitly so discovery is the same from source and from dist/. */
export const ENTITIES = [Region, Community, Department, User, ApiToken, AuditEvent, DataElement, BusinessApp, Terminal, CollectedValue, SyncRun, SyncRejectedRecord, DataRequirement, ...CATALOGUE_ENTITIES, ...ADMISSION_ENTITIES, ...REGISTRY_ENTITIES, ...SECURITY_ENTITIES, AuditChainHead, RateLimitCounter, ...STATISTICS_ENTITIES];
