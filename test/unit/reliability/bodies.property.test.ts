/**
 * Random and mutated response bodies, sent over HTTP by the simulator as the answer to the next page of a
 * group that already shows two pages (the validators alone are covered by test/unit/api/validate.property).
 * Whatever arrives: no crash, no unhandled rejection, the loaded rows stay (once each), and a rejected page
 * is a typed `invalidResponse` that names the field — at or under the field that was broken.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ApiError } from '../../../src/api/errors';
import { REPEATED_CURSOR_MESSAGE, REPEATED_PAGE_MESSAGE } from '../../../src/executions/pageChecks';
import { App, assertUnique } from './app';
import { SimHost } from './simHost';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Key = string | number;

/** Bodies per property; RELIABILITY.md counts them. */
export const RANDOM_BODIES = 400;
export const MUTATED_BODIES = 600;

const STATUS = 'failed';
const LOOP_MESSAGES = [REPEATED_CURSOR_MESSAGE, REPEATED_PAGE_MESSAGE];

function pathsOf(value: Json, prefix: Key[] = []): Key[][] {
	const here = prefix.length === 0 ? [] : [prefix];
	if (Array.isArray(value)) {
		return [...here, ...value.flatMap((item, i) => pathsOf(item, [...prefix, i]))];
	}
	if (value !== null && typeof value === 'object') {
		return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
	}
	return here;
}

function format(path: readonly Key[]): string {
	return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

type Mutation = { readonly kind: 'delete' } | { readonly kind: 'replace'; readonly value: Json } | { readonly kind: 'addKey'; readonly key: string; readonly value: Json };

/** `body` with one change at `path`: the value deleted or replaced, or (objects) a key added as own data. */
function mutate(body: Json, path: readonly Key[], mutation: Mutation): Json {
	const copy = structuredClone(body);
	const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<Key, Json>)[key] as Json, copy) as Record<Key, Json>;
	const last = path[path.length - 1] as Key;
	const target = parent[last];
	if (mutation.kind === 'delete' && !Array.isArray(parent)) {
		delete parent[last];
	} else if (mutation.kind === 'replace') {
		parent[last] = mutation.value;
	} else if (mutation.kind === 'addKey' && target !== null && typeof target === 'object' && !Array.isArray(target)) {
		// defineProperty, so that `__proto__` becomes an own key on the wire instead of changing the prototype.
		Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
	}
	return copy;
}

const junk: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.constant<Mutation>({ kind: 'delete' }),
	junk.map((value): Mutation => ({ kind: 'replace', value })),
	fc.record({ kind: fc.constant('addKey' as const), key: fc.constantFrom('__proto__', 'constructor', 'hasMore', 'nextCursor', 'status', 'extra'), value: junk }),
);

/** Wholly random bodies, from any JSON to near-miss page shapes. Error envelopes are another test's business. */
const randomBody: fc.Arbitrary<Json> = fc
	.oneof(
		junk,
		junk.map((result) => ({ result })),
		fc.record({ items: fc.array(junk, { maxLength: 4 }), nextCursor: junk, hasMore: junk }, { requiredKeys: [] }).map((result) => ({ result })),
	)
	.filter((body) => body === null || typeof body !== 'object' || Array.isArray(body) || !('error' in body));

describe('reliability: random and mutated page bodies over HTTP (property-based)', function () {
	this.timeout(60_000);
	const host = new SimHost({ counts: { pending: 1, running: 1, completed: 1, failed: 35, cancelled: 1 } });
	const rejections: unknown[] = [];
	const onRejection = (reason: unknown): void => void rejections.push(reason);
	let realPage: Json;

	before(async () => {
		await host.start();
		process.on('unhandledRejection', onRejection);
		const next = host.sim.executionIds(STATUS).slice(20, 30).map((id) => host.sim.execution(id) as Json);
		realPage = { result: { items: next, nextCursor: '1700000000000' } };
	});
	after(async () => {
		process.off('unhandledRejection', onRejection);
		await host.close();
	});

	/** Two pages shown, then `body` answers the third; returns what the group then holds. */
	async function answerThirdPage(body: Json): Promise<{ app: App; before: string[] }> {
		const app = await new App({ baseUrl: host.url }).start();
		await app.model.ensureLoaded(STATUS);
		await app.model.loadMore(STATUS);
		const before = app.ids(STATUS);
		host.sim.inject({ kind: 'wrongShape', body, path: 'executions/list' });
		await app.model.loadMore(STATUS);
		return { app, before };
	}

	/** The common verdict; returns the named field when the page was refused. */
	function check(app: App, before: readonly string[]): string | undefined {
		const shown = app.shown(STATUS).ids;
		assert.deepEqual(shown.slice(0, before.length), before, 'loaded rows kept, in order');
		assertUnique(shown);
		assert.equal(app.prompts.length, 0);
		const error = app.model.group(STATUS).error;
		if (error === undefined) {
			return undefined;
		}
		assert.ok(ApiError.is(error, 'invalidResponse'), `${error.kind}: ${error.message}`);
		assert.match(error.field ?? '', /^result(\.|\[|$)/, `field of "${error.message}"`);
		assert.ok(LOOP_MESSAGES.includes(error.message) || error.message.includes(error.field ?? '?'), `message names the field: ${error.message}`);
		assert.deepEqual(shown, before, 'a refused page adds nothing');
		return error.field;
	}

	async function run(body: Json, verify: (field: string | undefined) => void = () => undefined): Promise<void> {
		const { app, before } = await answerThirdPage(body);
		try {
			verify(check(app, before));
		} finally {
			app.dispose();
			host.sim.clearFaults();
		}
	}

	it(`${RANDOM_BODIES} random bodies: kept rows, a typed error naming the field or a usable page, never a crash`, async () => {
		await fc.assert(fc.asyncProperty(randomBody, (body) => run(body)), { numRuns: RANDOM_BODIES });
		assert.deepEqual(rejections, [], 'unhandled rejections');
	});

	it(`${MUTATED_BODIES} real pages broken at one path: refused at or under that path, or still usable`, async () => {
		const paths = pathsOf(realPage);
		const broken = fc.record({ index: fc.nat({ max: paths.length - 1 }), how: mutation });
		await fc.assert(
			fc.asyncProperty(broken, ({ index, how }) => {
				const path = paths[index] as Key[];
				const where = format(path);
				return run(mutate(realPage, path, how), (field) => {
					const related = field === undefined || field === where || field.startsWith(`${where}.`) || field.startsWith(`${where}[`);
					const loop = field === 'result.items' || field === 'result.nextCursor';
					assert.ok(related || loop, `error at ${field} after breaking ${where}`);
				});
			}),
			{ numRuns: MUTATED_BODIES },
		);
		assert.deepEqual(rejections, [], 'unhandled rejections');
	});
});
