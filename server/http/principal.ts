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
  isAdmin: boolean;
}

/** One configured client environment with its ERP connection. */
export interface BridgeEnvironment {
  config: EnvironmentConfig;
  erp: ErpPort;
}
