import type { SyncedContact } from '../../domain/synced-contact';

/**
 * ERP writes a run is about to make, saved before each one: the synced fields it writes and the
 * snapshot the link will get once the record's operations are done. The ERP and the store share
 * no transaction, so a process killed between the ERP write and the link save would leave the
 * ERP changed under an old snapshot, and the next run would read the bridge's own write as an ERP
 * edit and let it win over the user's newer Outlook edit. The next run reads these first.
 * `outlookChangeKey` is the change key the record's Outlook write expects, when one goes with it.
 */
export type ErpWriteIntents = Record<string, { written: string[]; snapshot: SyncedContact; outlookChangeKey?: string }>;
