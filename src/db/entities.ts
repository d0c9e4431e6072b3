import { Region } from '../geography/region.entity';
import { Community } from '../geography/community.entity';
import { Department } from '../organisation/department.entity';
import { User } from '../auth/user.entity';
import { ApiToken } from '../auth/api-token.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { DataElement } from '../platform/data-element.entity';
import { CATALOGUE_ENTITIES } from '../catalogue/entities';
import { ADMISSION_ENTITIES } from '../admission/entities';

/** Every entity, listed explicitly so discovery is the same from source and from dist/. */
export const ENTITIES = [Region, Community, Department, User, ApiToken, AuditEvent, DataElement, ...CATALOGUE_ENTITIES, ...ADMISSION_ENTITIES];
