import { it } from 'vitest';

/**
 * Registers the steps of one user journey as tests, in order. Each step is reported by its name;
 * once a step fails, the later ones are skipped with the failed step's name, so the report shows
 * where the journey broke rather than a cascade of follow-on failures.
 */
export function stepSequence(onFailure: (step: string) => Promise<void>) {
  let failed: string | undefined;
  return (name: string, body: () => Promise<void>, timeoutMs = 45_000) =>
    it(
      name,
      async (context) => {
        if (failed) context.skip(`skipped: the step "${failed}" failed`);
        try {
          await body();
        } catch (error) {
          failed = name;
          await onFailure(name).catch(() => undefined);
          throw error;
        }
      },
      timeoutMs,
    );
}
