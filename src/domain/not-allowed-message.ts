/** Names a value outside its list and the list: `"two-way" is not allowed (allowed: erp-to-outlook, off)`. */
export function notAllowedMessage(value: string, allowed: readonly string[]): string {
  return `"${value}" is not allowed (allowed: ${allowed.join(', ')})`;
}
