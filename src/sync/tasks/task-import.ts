import type { ActionInput } from '../../domain/erp-records';

/** A task the user made and categorized `ERP`, to become an ERP action; `sourceKey` makes the create idempotent. */
export interface TaskImport {
  outlookId: string;
  input: ActionInput;
  sourceKey: string;
}
