/** Demo ERP ids are positive integers shown as strings; anything else names no record. */
export function parseDemoId(id: string | undefined): number | undefined {
  if (id === undefined || !/^[1-9]\d{0,15}$/.test(id)) return undefined;
  const value = Number(id);
  return Number.isSafeInteger(value) ? value : undefined;
}
