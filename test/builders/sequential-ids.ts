/** Deterministic ids for the engine's `newId`: `conflict-1`, `conflict-2`, … */
export function sequentialIds(prefix: string): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}${next}`;
  };
}
