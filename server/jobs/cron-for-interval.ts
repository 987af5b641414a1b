/**
 * The cron schedule closest to "every `intervalMinutes`": whole minutes under an hour, whole hours
 * from an hour on (at least one minute, at most a day). Cron steps restart each hour (or day), so an
 * interval that does not divide it leaves one shorter gap there: every 7 minutes runs at :56 and :00.
 *
 * @example cronForInterval(5) // '*\/5 * * * *'
 */
export function cronForInterval(intervalMinutes: number): string {
  const minutes = Math.max(1, Math.round(intervalMinutes));
  if (minutes < 60) return `*/${minutes} * * * *`;
  const hours = Math.min(24, Math.round(minutes / 60));
  return hours === 24 ? '0 0 * * *' : `0 */${hours} * * *`;
}
