#!/usr/bin/env node
// Prints `tests: N passed, N failed, N skipped` from vitest's JSON report.
import { existsSync, readFileSync } from 'node:fs';

const path = process.argv[2];
if (!path || !existsSync(path)) {
  console.log('tests: 0 passed, 1 failed (no test report: type check, lint or setup failed)');
  process.exit(0);
}
const report = JSON.parse(readFileSync(path, 'utf8'));
const failed = report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
console.log(`tests: ${report.numPassedTests} passed, ${failed} failed, ${report.numPendingTests + report.numTodoTests} skipped`);
