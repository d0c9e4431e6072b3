import { Region } from '../geography/region.entity';
import { Community } from '../geography/community.entity';
import { Department } from '../organisation/department.entity';
import { User } from '../auth/user.entity';
import { ApiToken } from '../auth/api-token.entity';

/** Every entity, listed explicitly so discovery is the same from source and from dist/. */
export const ENTITIES = [Region, Community, Department, User, ApiToken];
