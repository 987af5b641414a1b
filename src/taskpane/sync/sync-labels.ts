import type { TFunction } from 'i18next';
import type { RunStatus } from './sync-types';

const stages = ['queued', 'listing-erp', 'listing-outlook', 'planning', 'applying', 'saving', 'done', 'failed', 'waiting_confirmation'] as const;
const statuses = ['queued', 'running', 'succeeded', 'failed', 'waiting_confirmation'] as const;
const operations = ['deduplicate', 'adopt', 'createInOutlook', 'updateInErp', 'updateInOutlook', 'removeFromOutlook', 'suppress', 'conflict', 'saveLink', 'unlink', 'moveToFolder'] as const;
const reasons = ['throttled', 'auth_required', 'forbidden', 'not_found', 'cursor_expired', 'conflict', 'precondition_failed', 'dependency_failed', 'invalid_input', 'unavailable', 'erp_unavailable'] as const;
const fields = ['givenName', 'surname', 'displayName', 'companyName', 'jobTitle', 'emails', 'businessPhone', 'mobilePhone', 'address', 'notes', 'categories', 'subject', 'dueDate', 'status'] as const;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/**
 * The sync service reports stages, operations and failure codes as strings; each known one has a
 * translation, and an unknown one (a newer bridge) shows as it came.
 */
export function stageLabel(t: TFunction, stage: string): string {
  return isOneOf(stages, stage) ? t(`sync.stages.${stage}`) : stage;
}

export function statusLabel(t: TFunction, status: RunStatus | string): string {
  return isOneOf(statuses, status) ? t(`sync.statuses.${status}`) : status;
}

export function operationLabel(t: TFunction, operation: string): string {
  return isOneOf(operations, operation) ? t(`sync.operations.${operation}`) : operation;
}

export function reasonLabel(t: TFunction, code: string): string {
  return isOneOf(reasons, code) ? t(`sync.reasons.${code}`) : code;
}

export function fieldLabel(t: TFunction, field: string): string {
  return isOneOf(fields, field) ? t(`sync.fields.${field}`) : field;
}
