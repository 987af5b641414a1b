import type { ErpPort } from '../../src/domain/erp-port';
import type { EnvironmentConfig } from '../config/config-schema';

/** The signed-in user as the validated token says: `tenantId + objectId` is the identity. */
export interface Principal {
  tenantId: string;
  objectId: string;
  email: string;
  name: string;
  environment: string;
  scopes: string[];
  roles: string[];
  /** Holds the `Bridge.Admin` app role or is listed by object id in the environment's `admins`. */
  isAdmin: boolean;
  /** A B2B guest of the tenant (`acct` 1, or an `idp` outside the tenant): mapped to an ERP user only by an admin. */
  isGuest: boolean;
}

/** One configured client environment with its ERP connection. */
export interface BridgeEnvironment {
  config: EnvironmentConfig;
  erp: ErpPort;
}
