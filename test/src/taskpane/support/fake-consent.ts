import type { ConsentOutcome, UserConsent } from '../../../../src/auth/consent/user-consent';

export interface FakeConsent extends UserConsent {
  /** The scopes of each request, in order. */
  asked: string[][];
}

/** Answers each request with the next outcome (the last one repeats); granted when none is given. */
export function createFakeConsent(outcomes: ConsentOutcome[] = [{ kind: 'granted' }]): FakeConsent {
  const asked: string[][] = [];
  return {
    asked,
    ask(scopes) {
      asked.push([...scopes]);
      const outcome = outcomes[Math.min(asked.length - 1, outcomes.length - 1)] ?? { kind: 'granted' };
      return Promise.resolve(outcome);
    },
  };
}
