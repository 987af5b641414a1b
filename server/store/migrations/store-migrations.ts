import type { Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect';
import { environmentActivation } from './environment-activation';
import { environmentSyncPolicy } from './environment-sync-policy';
import { graphNotifications } from './graph-notifications';
import { initialSchema } from './initial-schema';
import { userGuestFlag } from './user-guest-flag';

/**
 * Every migration of the store, in order. Names sort as they must run; never rename or edit a
 * released migration, add a new one instead.
 */
export function storeMigrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001-initial-schema': initialSchema(dialect),
    '0002-environment-activation': environmentActivation(),
    '0003-user-guest-flag': userGuestFlag(),
    '0004-environment-sync-policy': environmentSyncPolicy(),
    '0005-graph-notifications': graphNotifications(),
  };
}
