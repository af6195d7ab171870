import * as assert from 'node:assert/strict';
import { executionAccessibleLabel, executionTooltipMarkdown } from '../../../src/tree/tooltip';
import { formatMessage } from '../../../src/tree/translate';
import { anExecution } from '../executions/builders';

const NOW = Date.UTC(2026, 7, 19, 12, 0, 0);

describe('execution tooltip and accessible label', () => {
	it('lists id, status, definition@version, times, duration, correlation id, idempotency key and failure', () => {
		const execution = anExecution({
			executionId: 'exec_1777374504255_xzy43k9q',
			status: 'failed',
			definitionId: 'legal-review',
			definitionVersion: 3,
			startedAt: NOW - 3 * 60_000,
			completedAt: NOW - 60_000,
			correlationId: 'corr-42',
			idempotencyKey: 'key-7',
			failureReason: { code: 'AGENT_FAILED', message: 'agent timed out' },
		});
		const lines = executionTooltipMarkdown(execution, NOW).split('\n\n');
		assert.deepEqual(lines, [
			'**legal\\-review** v3 · Failed',
			'Execution: exec\\_1777374504255\\_xzy43k9q',
			'Started: 2026\\-08\\-19 11\\:57\\:00 UTC \\(3m ago\\)',
			'Ended: 2026\\-08\\-19 11\\:59\\:00 UTC \\(1m ago\\)',
			'Duration: 2m 00s',
			'Correlation id: corr\\-42',
			'Idempotency key: key\\-7',
			'Failure: AGENT\\_FAILED\\: agent timed out',
		]);
	});

	it('escapes hostile API text so it cannot become a link, an image or HTML', () => {
		const execution = anExecution({
			definitionId: '[click](command:veltWorkflows.signOut)',
			correlationId: '<img src=x onerror=alert(1)>',
			failureReason: { code: 'X', message: '![p](https://e.vil/p.png)\n# heading' },
		});
		const markdown = executionTooltipMarkdown(execution, NOW);
		assert.doesNotMatch(markdown, /(^|[^\\])\[click\]/);
		assert.doesNotMatch(markdown, /(^|[^\\])<img/);
		assert.doesNotMatch(markdown, /(^|[^\\])!\[p\]/);
		assert.doesNotMatch(markdown, /\n# heading/);
		assert.match(markdown, /\\\[click\\\]\\\(command\\:veltWorkflows\\\.signOut\\\)/);
	});

	it('says "so far" for a running execution and omits fields the execution does not have', () => {
		const running = anExecution({ status: 'running', startedAt: NOW - 90_000 });
		const markdown = executionTooltipMarkdown(running, NOW);
		assert.match(markdown, /Duration: 1m 30s so far/);
		assert.doesNotMatch(markdown, /Ended|Correlation|Failure/);
	});

	it('spells the status in the accessible label, with the full id and the start time', () => {
		const execution = anExecution({ executionId: 'exec_9', status: 'running', definitionId: 'd', definitionVersion: 2, startedAt: NOW - 3 * 60_000 });
		assert.equal(executionAccessibleLabel(execution, NOW), 'Running, d version 2, execution exec_9, started 3 minutes ago (2026-08-19 11:57:00 UTC)');
	});

	it('adds the end, correlation id and failure reason when the execution has them', () => {
		const execution = anExecution({
			executionId: 'exec_9', status: 'failed', definitionId: 'd', definitionVersion: 1, startedAt: NOW - 3 * 60_000,
			completedAt: NOW - 60_000, correlationId: 'corr-1', failureReason: { code: 'X', message: 'reviewer rejected' },
		});
		assert.equal(
			executionAccessibleLabel(execution, NOW),
			'Failed, d version 1, execution exec_9, started 3 minutes ago (2026-08-19 11:57:00 UTC), ended 1 minute ago, correlation id corr-1, failure: reviewer rejected',
		);
	});

	it('fills numbered placeholders and leaves unknown ones', () => {
		assert.equal(formatMessage('{0} of {1} {2}', 'a', 2), 'a of 2 {2}');
	});
});
