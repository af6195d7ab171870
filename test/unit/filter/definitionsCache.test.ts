import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import type { DefinitionSummary, ListDefinitionsParams, Page } from '../../../src/api/types';
import type { VeltApi } from '../../../src/api/veltApi';
import { nullLogger } from '../../../src/common/logger';
import { DefinitionsCache, definitionsErrorText } from '../../../src/filter/definitionsCache';
import type { DefinitionsConnection } from '../../../src/filter/definitionsCache';

function definition(i: number): DefinitionSummary {
	return { definitionId: `def-${i}`, name: `Definition ${i}`, description: null, version: 1, updatedAt: 1000 - i };
}

/** A hand-written `listDefinitions` over N definitions, paged by offset, recording every call. */
class FakeDefinitions implements Pick<VeltApi, 'listDefinitions'> {
	readonly calls: ListDefinitionsParams[] = [];
	failNext: ApiError | undefined;
	/** When set, every page answers with this cursor (a server that never ends). */
	stuckCursor: string | undefined;
	private gate: Promise<void> = Promise.resolve();
	private release: () => void = () => undefined;

	constructor(private readonly total: number) {}

	hold(): void {
		this.gate = new Promise((resolve) => (this.release = resolve));
	}

	open(): void {
		this.release();
	}

	async listDefinitions(params: ListDefinitionsParams, signal?: AbortSignal): Promise<Page<DefinitionSummary>> {
		this.calls.push(params);
		await this.gate;
		if (signal?.aborted) {
			throw new ApiError('cancelled', 'aborted');
		}
		const failure = this.failNext;
		this.failNext = undefined;
		if (failure !== undefined) {
			throw failure;
		}
		const offset = params.cursor === undefined ? 0 : Number(params.cursor);
		const size = params.pageSize ?? 50;
		const items = Array.from({ length: Math.max(0, Math.min(size, this.total - offset)) }, (_, i) => definition(offset + i));
		const end = offset + items.length >= this.total;
		const nextCursor = this.stuckCursor ?? (end ? undefined : String(offset + items.length));
		return { items, nextCursor, done: this.stuckCursor === undefined && end };
	}
}

function cacheFor(connection: { current: DefinitionsConnection }, maxPages = 10, pageSize = 2): DefinitionsCache {
	return new DefinitionsCache({ connection: () => connection.current, logger: nullLogger, maxPages, pageSize });
}

describe('DefinitionsCache', () => {
	it('follows the cursor through every page, first page without a cursor', async () => {
		const api = new FakeDefinitions(5);
		const cache = cacheFor({ current: { baseUrl: 'http://127.0.0.1:1', api } });
		const result = await cache.load();
		assert.deepEqual(result.definitions.map((d) => d.definitionId), ['def-0', 'def-1', 'def-2', 'def-3', 'def-4']);
		assert.equal(result.truncated, false);
		assert.deepEqual(api.calls, [{ pageSize: 2 }, { pageSize: 2, cursor: '2' }, { pageSize: 2, cursor: '4' }]);
		assert.ok(!('cursor' in (api.calls[0] ?? {})));
	});

	it('stops at the page bound and says the list is truncated', async () => {
		const api = new FakeDefinitions(100);
		const cache = cacheFor({ current: { baseUrl: 'u', api } }, 3);
		const result = await cache.load();
		assert.equal(api.calls.length, 3);
		assert.equal(result.definitions.length, 6);
		assert.equal(result.truncated, true);
	});

	it('stops on a repeated cursor instead of looping', async () => {
		const api = new FakeDefinitions(100);
		api.stuckCursor = '2';
		const result = await cacheFor({ current: { baseUrl: 'u', api } }).load();
		assert.equal(api.calls.length, 2);
		assert.equal(result.truncated, true);
	});

	it('shares one load between concurrent callers and caches the result', async () => {
		const api = new FakeDefinitions(3);
		const cache = cacheFor({ current: { baseUrl: 'u', api } });
		api.hold();
		const first = cache.load();
		const second = cache.load();
		assert.equal(cache.peek(), undefined);
		api.open();
		assert.equal(await first, await second);
		assert.equal(api.calls.length, 2);
		await cache.load();
		assert.equal(api.calls.length, 2, 'served from the cache');
		assert.equal(cache.peek()?.definitions.length, 3);
	});

	it('starts over for another base URL or another connection, and aborts the old load', async () => {
		const api = new FakeDefinitions(1);
		const connection = { current: { baseUrl: 'http://a', api } as DefinitionsConnection };
		const cache = cacheFor(connection);
		api.hold();
		const stale = cache.load();
		connection.current = { baseUrl: 'http://b', api };
		const fresh = cache.load();
		api.open();
		await assert.rejects(stale, (e: unknown) => ApiError.is(e, 'cancelled'));
		assert.equal((await fresh).definitions.length, 1);
		const other = new FakeDefinitions(2);
		connection.current = { baseUrl: 'http://b', api: other };
		assert.equal(cache.peek(), undefined);
		assert.equal((await cache.load()).definitions.length, 2);
	});

	it('does not cache a failure: the next load tries again', async () => {
		const api = new FakeDefinitions(2);
		const cache = cacheFor({ current: { baseUrl: 'u', api } });
		api.failNext = new ApiError('server', 'HTTP 503');
		await assert.rejects(cache.load(), (e: unknown) => ApiError.is(e, 'server'));
		assert.equal((await cache.load()).definitions.length, 2);
	});

	it('refuses to load when signed out', async () => {
		const cache = cacheFor({ current: { baseUrl: 'u', api: undefined } });
		await assert.rejects(cache.load(), (e: unknown) => ApiError.is(e, 'auth'));
	});

	it('reports load errors as text but stays quiet about cancellation', () => {
		assert.equal(definitionsErrorText(new ApiError('server', 'HTTP 503')), 'HTTP 503');
		assert.equal(definitionsErrorText(new ApiError('cancelled', 'aborted')), undefined);
	});
});
