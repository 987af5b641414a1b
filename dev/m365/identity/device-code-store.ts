import { randomBytes, randomInt } from 'node:crypto';
import type { TenantSegment } from './resolve-tenant';

/** One device-code sign-in, from the device's request to the user's answer on the verification page. */
export interface DeviceCodeRequest {
  deviceCode: string;
  /** What the user types on the verification page, such as `KXQ4HN7TB`. */
  userCode: string;
  tenant: TenantSegment;
  clientId: string;
  /** The `scope` parameter of the device's request, used again when the token is issued. */
  scope: string;
  expiresAt: Date;
  answer: { kind: 'pending' } | { kind: 'approved'; userObjectId: string } | { kind: 'declined' } | { kind: 'redeemed' };
}

export interface DeviceCodeStore {
  start(request: Omit<DeviceCodeRequest, 'deviceCode' | 'userCode' | 'expiresAt' | 'answer'>, now: Date): DeviceCodeRequest;
  findByUserCode(userCode: string): DeviceCodeRequest | undefined;
  findByDeviceCode(deviceCode: string): DeviceCodeRequest | undefined;
}

// Entra's user codes: nine upper-case letters and digits without the ones read alike (0/O, 1/I).
const userCodeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Device codes kept in memory for `lifetimeSeconds` (Entra: 15 minutes). */
export function createDeviceCodeStore(options: { lifetimeSeconds: number }): DeviceCodeStore {
  const byDeviceCode = new Map<string, DeviceCodeRequest>();
  return {
    start(request, now) {
      const userCode = Array.from({ length: 9 }, () => userCodeAlphabet[randomInt(userCodeAlphabet.length)]).join('');
      const started: DeviceCodeRequest = {
        ...request,
        deviceCode: `DAQABAAEAAA${randomBytes(48).toString('base64url')}`,
        userCode,
        expiresAt: new Date(now.getTime() + options.lifetimeSeconds * 1000),
        answer: { kind: 'pending' },
      };
      byDeviceCode.set(started.deviceCode, started);
      return started;
    },
    findByUserCode(userCode) {
      const wanted = userCode.trim().toUpperCase();
      return [...byDeviceCode.values()].find((request) => request.userCode === wanted);
    },
    findByDeviceCode: (deviceCode) => byDeviceCode.get(deviceCode),
  };
}
