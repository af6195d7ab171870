import * as assert from 'node:assert/strict';
import type { ExecutionView, StepView } from '../../../src/api/types';
import { isFilterActive, scopePredicate, visibleStatuses } from '../../../src/executions/filter';
import type { ExecutionScope } from '../../../src/executions/filter';
import { ApiError } from '../../../src/api/errors';
import { describeFilter, detectScopeSupport, filtersEqual, isFilterRejection, restoreFilter, serializeFilter, serverParams } from '../../../src/filter/filterState';

function step(metadata?: Record<string, unknown>): StepView {
	return {
		stepId: 's1',
		nodeId: 'n1',
		nodeType: 'agent',
		status: 'completed',
		groupId: null,
		startedAt: 1,
		completedAt: 2,
		output: {},
		error: null,
		...(metadata === undefined ? {} : { metadata }),
	};
}

function withSteps(...steps: StepView[]): ExecutionView {
	return { executionId: 'e', status: 'running', startedAt: 1, completedAt: null, cancelledAt: null, definitionId: 'd', definitionVersion: 1, correlationId: null, idempotencyKey: null, failureReason: null, steps };
}

function matchesScope(execution: ExecutionView, scope: ExecutionScope | undefined): boolean {
	return scopePredicate(scope)?.(execution) ?? true;
}

describe('filterState', () => {
	describe('filtersEqual', () => {
		it('compares filters by meaning, not by spelling', () => {
			assert.ok(filtersEqual({ statuses: ['failed', 'running'] }, { statuses: ['running', 'failed', 'failed'] }));
			assert.ok(filtersEqual({}, { definitionId: ' ' }));
			assert.ok(filtersEqual({}, { statuses: ['pending', 'running', 'completed', 'failed', 'cancelled'] }));
			assert.ok(!filtersEqual({ definitionId: 'a-b' }, { definitionId: 'a-c' }));
		});
	});

	describe('describeFilter', () => {
		it('is empty without a filter', () => {
			assert.equal(describeFilter({}), '');
		});

		it('names every active facet in a fixed order', () => {
			const text = describeFilter({ definitionId: 'marketing-copy-approval', statuses: ['failed', 'running'], scope: { organizationId: 'acme' } });
			assert.equal(text, 'Filter: marketing-copy-approval · running, failed · org acme');
		});

		it('describes scope and statuses on their own', () => {
			assert.equal(describeFilter({ scope: { organizationId: 'o', documentId: 'd' } }), 'Filter: org o, doc d');
			assert.equal(describeFilter({ statuses: ['pending'] }), 'Filter: pending');
		});
	});

	describe('serialize / restore', () => {
		it('round-trips a full filter through JSON', () => {
			const filter = { definitionId: 'invoice-approval', statuses: ['failed' as const], scope: { documentId: 'doc_q3_invoice' } };
			const stored: unknown = JSON.parse(JSON.stringify(serializeFilter(filter)));
			assert.deepEqual(restoreFilter(stored), filter);
		});

		it('yields no filter for corrupt, foreign or future data', () => {
			for (const stored of [undefined, null, 42, 'x', [], {}, { version: 2, filter: { definitionId: 'a' } }, { version: 1, filter: 'a' }, { version: 1, filter: null }]) {
				const restored = restoreFilter(stored);
				assert.deepEqual(restored, {}, JSON.stringify(stored));
				assert.equal(isFilterActive(restored), false);
			}
		});

		it('keeps the valid facets of partly corrupt data', () => {
			const stored = { version: 1, filter: { definitionId: 7, statuses: ['failed', 3, null, 'failed'], scope: { organizationId: ['x'], documentId: ' doc ' } } };
			assert.deepEqual(restoreFilter(stored), { statuses: ['failed'], scope: { documentId: 'doc' } });
		});

		it('refuses absurdly long ids', () => {
			assert.deepEqual(restoreFilter({ version: 1, filter: { definitionId: 'x'.repeat(10_000) } }), {});
		});
	});

	describe('what the server sees', () => {
		it('sends only the definition id; statuses and scope stay client-side', () => {
			const filter = { definitionId: 'security-vuln-triage', statuses: ['failed' as const], scope: { organizationId: 'org_acme' } };
			assert.deepEqual(serverParams(filter), { definitionId: 'security-vuln-triage' });
			assert.deepEqual(serverParams({ statuses: ['running'] }), {});
		});

		it('shows all groups by default and only the chosen ones otherwise', () => {
			assert.deepEqual(visibleStatuses({}), ['pending', 'running', 'completed', 'failed', 'cancelled']);
			assert.deepEqual(visibleStatuses({ statuses: ['cancelled', 'pending'] }), ['pending', 'cancelled']);
		});
	});

	describe('matchesScope', () => {
		const acmeLaunch = withSteps(step(), step({ organizationId: 'org_acme', documentId: 'doc_launch_plan' }));

		it('matches everything without a scope', () => {
			assert.ok(matchesScope(withSteps(), undefined));
			assert.ok(matchesScope(withSteps(), {}));
		});

		it('survives a round trip through storage', () => {
			const restored = restoreFilter(JSON.parse(JSON.stringify(serializeFilter({ scope: { organizationId: 'org_acme' } }))));
			assert.ok(matchesScope(acmeLaunch, restored.scope));
			assert.ok(!matchesScope(withSteps(), restored.scope));
		});

		it('matches on organization, document, or both on the same step', () => {
			assert.ok(matchesScope(acmeLaunch, { organizationId: 'org_acme' }));
			assert.ok(matchesScope(acmeLaunch, { documentId: 'doc_launch_plan' }));
			assert.ok(matchesScope(acmeLaunch, { organizationId: 'org_acme', documentId: 'doc_launch_plan' }));
			assert.ok(!matchesScope(acmeLaunch, { organizationId: 'org_acme', documentId: 'doc_other' }));
			assert.ok(!matchesScope(acmeLaunch, { organizationId: 'org_globex' }));
		});

		it('never matches an execution without step metadata when a scope is set', () => {
			assert.ok(!matchesScope(withSteps(), { organizationId: 'org_acme' }));
			assert.ok(!matchesScope(withSteps(step()), { organizationId: 'org_acme' }));
		});

		it('does not match halves spread over different steps', () => {
			const split = withSteps(step({ organizationId: 'org_acme', documentId: 'd1' }), step({ organizationId: 'org_x', documentId: 'd2' }));
			assert.ok(!matchesScope(split, { organizationId: 'org_acme', documentId: 'd2' }));
		});
	});

	describe('isFilterRejection', () => {
		it('blames the filter only for an invalid-argument answer while a definition id is sent', () => {
			const invalid = new ApiError('invalidArgument', 'definitionId: Invalid', { apiStatus: 'INVALID_ARGUMENT' });
			assert.equal(isFilterRejection(invalid, { definitionId: 'Bad Id' }), true);
			assert.equal(isFilterRejection(invalid, { statuses: ['failed'] }), false);
			assert.equal(isFilterRejection(new ApiError('server', 'HTTP 500'), { definitionId: 'x-y-z' }), false);
			assert.equal(isFilterRejection(undefined, { definitionId: 'x-y-z' }), false);
		});
	});

	describe('detectScopeSupport', () => {
		it('is unknown without items, unavailable when every item has no steps, available otherwise', () => {
			assert.equal(detectScopeSupport([]), 'unknown');
			assert.equal(detectScopeSupport([withSteps(), withSteps()]), 'unavailable');
			assert.equal(detectScopeSupport([withSteps(), withSteps(step())]), 'available');
		});
	});
});
