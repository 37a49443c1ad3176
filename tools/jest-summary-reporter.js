// Prints the plain closing line that CI reads: "Summary: N passed, N failed, N skipped".
// With JEST_SUMMARY_FILE set it also writes the counts there as JSON, so .ci/run can add up runs.
const fs = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const counts = { passed: results.numPassedTests, failed, skipped: results.numPendingTests + results.numTodoTests };
    if (process.env.JEST_SUMMARY_FILE) fs.writeFileSync(process.env.JEST_SUMMARY_FILE, JSON.stringify(counts));
    process.stdout.write(`\nSummary: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
