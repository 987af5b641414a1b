import type { UserKey } from '../store/store';

/** What the API needs of the contact sync service (server/jobs): a dry run and a run in the background. */
export interface ContactSyncPort {
  preview(environment: string, user: UserKey): Promise<object>;
  runNow(environment: string, user: UserKey, options: { confirmRemovals?: boolean }): Promise<{ runId: string }>;
}
