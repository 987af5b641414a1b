import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { delegatedGraphScopes } from '../../../server/auth/graph-token-sources';
import { ApiError } from '../../../server/http/api-error';
import { toErrorResponse } from '../../../server/http/handle-error';
import { SyncError } from '../../../src/sync/sync-error';

const logger = pino({ level: 'silent' });

describe('the API’s answer to a refused token exchange', () => {
  it('answers consent_required with the scopes to consent to when nobody consented for the user', () => {
    const refusal = new SyncError('forbidden', 'Microsoft 365 did not let the bridge act for this user: consent is missing', { graphCode: 'consent_required' });
    expect(toErrorResponse(refusal, logger)).toEqual({
      status: 403,
      body: { code: 'consent_required', message: refusal.message, scopes: [...delegatedGraphScopes, 'offline_access'] },
    });
  });

  it('carries where to consent when connecting names it', () => {
    const refusal = new ApiError('consent_required', 403, 'consent is missing', { scopes: ['offline_access'], authority: 'https://login.example.test/t' });
    expect(toErrorResponse(refusal, logger)).toEqual({
      status: 403,
      body: { code: 'consent_required', message: 'consent is missing', scopes: ['offline_access'], authority: 'https://login.example.test/t' },
    });
  });

  it('keeps any other refusal forbidden, with no scopes', () => {
    const refusal = new SyncError('forbidden', 'the client secret is wrong or expired');
    expect(toErrorResponse(refusal, logger)).toEqual({ status: 403, body: { code: 'forbidden', message: refusal.message } });
  });
});
