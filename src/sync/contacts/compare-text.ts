/** Code-point order: unlike `localeCompare`, the same on every runtime and locale. */
export function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
