import type { DoctorReport } from './run-doctor';

/** The report for a terminal: a heading per environment, then one line per check with its fix. */
export function formatDoctorReport(reports: readonly DoctorReport[]): string {
  return reports
    .map((report) => [
      `Environment ${report.environment} (${report.mode})`,
      ...report.checks.map((check) => `  ${check.status.padEnd(4)}  ${check.name.padEnd(17)} ${check.message}${check.fix ? ` Fix: ${check.fix}` : ''}`),
    ].join('\n'))
    .join('\n\n');
}
