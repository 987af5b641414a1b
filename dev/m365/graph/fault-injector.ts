import { seededRandom } from './seeded-random';

/**
 * Shares (0–1) of Graph requests that fail on purpose. The n-th request after `configure` always
 * gets the same fault for the same seed, so a chaos run can be replayed.
 */
export interface FaultConfig {
  seed: number;
  throttledShare: number;
  serviceUnavailableShare: number;
  gatewayTimeoutShare: number;
  connectionResetShare: number;
  slowShare: number;
  slowMs: number;
  /** `Retry-After` on injected 429 and 503 answers; may be fractional. */
  retryAfterSeconds: number;
}

export type FaultKind = 'throttled' | 'serviceUnavailable' | 'gatewayTimeout' | 'connectionReset' | 'slow';

export const faultDefaults: FaultConfig = {
  seed: 1,
  throttledShare: 0,
  serviceUnavailableShare: 0,
  gatewayTimeoutShare: 0,
  connectionResetShare: 0,
  slowShare: 0,
  slowMs: 2000,
  retryAfterSeconds: 5,
};

export class FaultInjector {
  private config: FaultConfig | undefined;
  private random: () => number = () => 1;
  private decisions: FaultKind[] = [];

  get settings(): FaultConfig | undefined {
    return this.config ? { ...this.config } : undefined;
  }

  /** Faults decided since the last `configure`, in request order. */
  get history(): readonly FaultKind[] {
    return this.decisions;
  }

  /** Switches faults on (restarting the seeded sequence) or, with `undefined`, off. */
  configure(config: Partial<FaultConfig> | undefined): FaultConfig | undefined {
    this.config = config ? { ...faultDefaults, ...config } : undefined;
    this.random = seededRandom(this.config?.seed ?? 0);
    this.decisions = [];
    return this.settings;
  }

  /**
   * Draws the fault for the next request, if any. A request without a socket of its own (a
   * `$batch` item) cannot be reset: the draw is used up and no fault is applied.
   */
  next(canReset: boolean): FaultKind | undefined {
    const config = this.config;
    if (!config) return undefined;
    const draw = this.random();
    const shares: readonly [FaultKind, number][] = [
      ['throttled', config.throttledShare],
      ['serviceUnavailable', config.serviceUnavailableShare],
      ['gatewayTimeout', config.gatewayTimeoutShare],
      ['connectionReset', config.connectionResetShare],
      ['slow', config.slowShare],
    ];
    let threshold = 0;
    for (const [kind, share] of shares) {
      threshold += share;
      if (draw < threshold) {
        if (kind === 'connectionReset' && !canReset) return undefined;
        this.decisions.push(kind);
        return kind;
      }
    }
    return undefined;
  }
}
