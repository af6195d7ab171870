import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { ExecutionView } from '../../../src/api/types';
import { compareExecutions } from '../../../src/executions/filter';
import { CursorPager } from '../../../src/executions/pager';
import { anExecution, ids } from './builders';
import { FakeVeltApi } from './fakeApi';
import type { CursorStyle } from './fakeApi';

/** Rows in tie groups: every row of group `g` starts at the same millisecond. */
function dataset(groupSizes: readonly number[]): ExecutionView[] {
	return groupSizes.flatMap((size, group) =>
		Array.from({ length: size }, (_, k) => anExecution({ executionId: `e${group}_${k}`, status: 'failed', startedAt: 1_777_000_000_000 - group * 1000 })),
	);
}

async function pageToEnd(api: FakeVeltApi, pageSize: number): Promise<CursorPager<ExecutionView>> {
	const pager = new CursorPager<ExecutionView>({
		fetchPage: (cursor, signal) => api.listExecutions({ status: 'failed', pageSize, ...(cursor === undefined ? {} : { cursor }) }, signal),
		keyOf: (execution) => execution.executionId,
		compare: compareExecutions,
	});
	for (let i = 0; i < 10_000 && !pager.done && pager.error === undefined; i++) {
		await pager.loadMore();
	}
	return pager;
}

describe('CursorPager (property)', () => {
	it('paging to the end yields every execution exactly once, whatever the ties, overlaps and page size', async () => {
		const scenario = fc
			.record({
				style: fc.constantFrom<CursorStyle>('offset', 'startedAt'),
				pageSize: fc.integer({ min: 1, max: 25 }),
				groups: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 40 }),
				overlapSeed: fc.nat(),
			})
			// The inclusive startedAt cursor can only advance when each tie group is smaller than a page.
			.filter((s) => s.style === 'offset' || s.groups.every((g) => g < s.pageSize));
		await fc.assert(
			fc.asyncProperty(scenario, async ({ style, pageSize, groups, overlapSeed }) => {
				const data = dataset(groups);
				const api = new FakeVeltApi(data, style);
				api.overlap = style === 'offset' ? overlapSeed % pageSize : 0;
				const pager = await pageToEnd(api, pageSize);
				assert.equal(pager.error, undefined, pager.error?.message);
				assert.equal(pager.done, true);
				const seen = ids(pager.items);
				assert.equal(new Set(seen).size, seen.length, 'no row twice');
				assert.deepEqual([...seen].sort(), ids(data).sort(), 'no row missing');
			}),
			{ numRuns: 300 },
		);
	});
});
