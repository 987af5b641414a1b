import type { TaskSnapshot } from './task-snapshot';

/**
 * An ERP action's To Do task. `suppressed`: the user deleted the task; it is not created again until
 * the ERP action changes (its version passes the snapshot's) — Outlook deletes never delete ERP data.
 */
export interface TaskLink {
  erpId: string;
  outlookId: string;
  state: 'active' | 'suppressed';
  snapshot: TaskSnapshot;
  /** Full ERP listings in a row that did not show the action; at two, its task leaves the list (DESIGN §5). */
  missedListings: number;
  updatedAt: string;
}
