/** An empty string in a write clears the field: the domain schemas trim, so `''` is how a client says "none". */
export function emptyToNull(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}
