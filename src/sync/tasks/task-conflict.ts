import type { ContactConflict } from '../contacts/contact-conflict';
import type { SyncedTask } from './synced-task';

/**
 * One field of a task changed on both sides since the last sync: a conflict record like a
 * contact's, of entity `task`. `open` ones wait for the user (policy `manual`), `resolved` ones say
 * which side won and when; a resolution newer than the link is applied by the next run.
 */
export type TaskConflict = Omit<ContactConflict, 'field'> & { field: keyof SyncedTask };
