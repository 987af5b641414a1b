import type { UserConsent } from '../../auth/consent/user-consent';
import type { TokenSource } from '../../auth/token-source';
import type { BridgeClient } from '../../erp/bridge-client';
import type { OfficeHost } from '../../office/office-host';
import type { SyncClient } from '../sync/sync-client';

/** Everything with I/O that views use; the composition root builds it, tests pass fakes. */
export interface TaskpaneServices {
  office: OfficeHost;
  bridge: BridgeClient;
  /** The bridge's sync and admin API, used by the settings and admin views. */
  sync: SyncClient;
  tokens: TokenSource;
  /** Asks the user to consent in an Office dialog, when the bridge answers `consent_required`. */
  consent: UserConsent;
  now: () => Date;
  /** The user's IANA zone, for actions created from the pane. */
  timeZone: string;
}
