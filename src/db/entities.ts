import { Region } from '../geography/region.entity';
import { Community } from '../geography/community.entity';
import { Department } from '../organisation/department.entity';
import { User } from '../auth/user.entity';
import { ApiToken } from '../auth/api-token.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { DataElement } from '../platform/data-element.entity';

/** Every entity, listed explicitly so discovery is the same from source and from dist/. */
export const ENTITIES = [Region, Community, Department, User, ApiToken, AuditEvent, DataElement];
