/** Outlook resources carry second precision in UTC: `2017-09-04T15:54:01Z`. */
export function formatGraphDateTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}
