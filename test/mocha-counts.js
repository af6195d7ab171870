// Mocha's `spec` output, plus `{ passed, failed, pending }` written at the end to the file named by
// VELT_TEST_COUNTS_FILE, so scripts/test.js can total unit, webview and integration runs without parsing text.
'use strict';
const fs = require('node:fs');
const Mocha = require('mocha');

const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountsReporter extends Spec {
	constructor(runner, options) {
		super(runner, options);
		runner.once(EVENT_RUN_END, () => {
			const file = process.env.VELT_TEST_COUNTS_FILE;
			if (!file) {
				return;
			}
			const { passes, failures, pending } = this.stats;
			fs.writeFileSync(file, `${JSON.stringify({ passed: passes, failed: failures, pending })}\n`);
		});
	}
}

module.exports = CountsReporter;
