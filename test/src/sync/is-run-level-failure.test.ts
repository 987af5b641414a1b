import { describe, expect, it } from 'vitest';
import { isRunLevelFailure } from '../../../src/sync/is-run-level-failure';

describe('isRunLevelFailure', () => {
  it.each(['auth_required', 'forbidden', 'throttled', 'erp_unavailable'] as const)('stops the run on %s', (code) => {
    expect(isRunLevelFailure(code)).toBe(true);
  });

  it.each(['not_found', 'conflict', 'precondition_failed', 'dependency_failed', 'invalid_input', 'unavailable'] as const)(
    'reports %s as one item’s failure and goes on',
    (code) => {
      expect(isRunLevelFailure(code)).toBe(false);
    },
  );
});
