/**
 * Authentication and permissions: users and their jurisdictions, sign-in, API tokens,
 * and who may read and do what (permissions.ts: READ_RULES and OPERATIONS). The public
 * surface of the module.
 */
import { User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { RevokedToken } from './revoked-token.entity';
import { UserSession } from './user-session.entity';

export * from './user.entity';
export * from './api-token.entity';
export * from './auth.service';
export * from './auth.resolver';
export * from './user-admin';
export * from './credentials';
export * from './permissions';
export * from './request-context';
export * from './jobs';

export { User, ApiToken, RevokedToken, UserSession };
