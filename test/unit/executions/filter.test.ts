import * as assert from 'node:assert/strict';
import {
	acceptsExecution,
	changesRows,
	compareExecutions,
	isFilterActive,
	normalizeFilter,
	scopePredicate,
	visibleStatuses,
} from '../../../src/executions/filter';
import { aStep, anExecution } from './builders';

describe('executions filter', () => {
	it('normalises blanks away and orders statuses canonically', () => {
		assert.deepEqual(normalizeFilter({ definitionId: '  ', statuses: [], scope: { organizationId: ' ' } }), {});
		assert.deepEqual(normalizeFilter({ definitionId: ' d ', statuses: ['failed', 'pending'] }), { definitionId: 'd', statuses: ['pending', 'failed'] });
		assert.deepEqual(normalizeFilter({ statuses: ['cancelled', 'failed', 'completed', 'running', 'pending'] }), {}, 'all five = no filter');
		assert.equal(isFilterActive({ statuses: ['failed'] }), true);
		assert.equal(isFilterActive({ definitionId: '' }), false);
	});

	it('shows every group in order unless statuses narrow them', () => {
		assert.deepEqual(visibleStatuses({}), ['pending', 'running', 'completed', 'failed', 'cancelled']);
		assert.deepEqual(visibleStatuses({ statuses: ['cancelled', 'running'] }), ['running', 'cancelled']);
	});

	it('treats only definition and scope changes as changing the rows', () => {
		assert.equal(changesRows({}, { statuses: ['failed'] }), false);
		assert.equal(changesRows({}, { definitionId: 'd' }), true);
		assert.equal(changesRows({ scope: { documentId: 'x' } }, { scope: { documentId: 'y' } }), true);
		assert.equal(changesRows({ definitionId: 'd ' }, { definitionId: 'd' }), false);
	});

	it('matches scope on one step whose metadata has every given id', () => {
		const match = scopePredicate({ organizationId: 'acme', documentId: 'd1' });
		assert.ok(match);
		assert.equal(match(anExecution({ steps: [aStep({ organizationId: 'acme', documentId: 'd1' })] })), true);
		assert.equal(match(anExecution({ steps: [aStep({ organizationId: 'acme' }), aStep({ documentId: 'd1' })] })), false);
		assert.equal(match(anExecution({ steps: [] })), false, 'current-API list items carry no steps');
		assert.equal(scopePredicate({}), undefined);
	});

	it('accepts a fetched copy only when it fits the definition and scope', () => {
		const execution = anExecution({ definitionId: 'a', steps: [aStep({ organizationId: 'o' })] });
		assert.equal(acceptsExecution({}, execution), true);
		assert.equal(acceptsExecution({ definitionId: 'b' }, execution), false);
		assert.equal(acceptsExecution({ scope: { organizationId: 'o' } }, execution), true);
	});

	it('orders newest first, ties by id descending', () => {
		const a = anExecution({ executionId: 'a', startedAt: 5 });
		const b = anExecution({ executionId: 'b', startedAt: 5 });
		const c = anExecution({ executionId: 'c', startedAt: 9 });
		assert.deepEqual([a, b, c].sort(compareExecutions).map((e) => e.executionId), ['c', 'b', 'a']);
	});
});
