#!/usr/bin/env node
// Prints `tests: N passed, N failed, N skipped` from vitest's JSON report.
import { existsSync, readFileSync } from 'node:fs';

const path = process.argv[2];
if (!path || !existsSync(path)) {
  console.log('tests: 0 passed, 1 failed (no test report: type check, lint or setup failed)');
  process.exit(0);
}
const report = JSON.parse(readFileSync(path, 'utf8'));
// A failed file (import error) or an unhandled error (a non-zero exit of the run, given as the
// second argument) fails the run even when every test passed.
const exitStatus = Number(process.argv[3] ?? 0);
const failed = report.numFailedTests || report.numFailedTestSuites || (report.success === false || exitStatus !== 0 ? 1 : 0);
console.log(`tests: ${report.numPassedTests} passed, ${failed} failed, ${report.numPendingTests + report.numTodoTests} skipped`);
