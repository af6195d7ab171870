import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ApiError } from '../../../src/api/errors';
import {
	validateCancelResult,
	validateDefinitionsPage,
	validateEventsPage,
	validateExecution,
	validateExecutionsPage,
} from '../../../src/api/validatePages';
import { wireDefinitionsPage, wireEventsPage, wireExecution, wireExecutionsPage } from './wire';
import type { Json } from './wire';

type Validator = (body: unknown) => unknown;

const validators: Readonly<Record<string, Validator>> = {
	executionsPage: validateExecutionsPage,
	execution: (body) => validateExecution(body),
	eventsPage: (body) => validateEventsPage(body, 0),
	definitionsPage: validateDefinitionsPage,
	cancelResult: validateCancelResult,
};

/** Runs a validator; any throw must be `invalidResponse` with a `field` under `result`. Returns that field. */
function fieldOfFailure(validate: Validator, body: unknown): string | undefined {
	try {
		validate(body);
		return undefined;
	} catch (error) {
		assert.ok(ApiError.is(error, 'invalidResponse'), `threw something else: ${String(error)}`);
		assert.equal(typeof error.field, 'string');
		assert.match(error.field ?? '', /^result(\.|\[|$)/);
		assert.ok(error.message.includes(error.field ?? ''), 'message names the field');
		return error.field;
	}
}

type Key = string | number;

function allPaths(value: unknown, prefix: Key[] = []): Key[][] {
	const here = prefix.length === 0 ? [] : [prefix];
	if (Array.isArray(value)) {
		return [...here, ...value.flatMap((item, index) => allPaths(item, [...prefix, index]))];
	}
	if (typeof value === 'object' && value !== null) {
		return [...here, ...Object.entries(value).flatMap(([key, item]) => allPaths(item, [...prefix, key]))];
	}
	return here;
}

function format(path: readonly Key[]): string {
	return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

type Mutation = { kind: 'delete' } | { kind: 'replace'; value: unknown } | { kind: 'addKey'; key: string; value: unknown };

/** Applies a mutation at `path` in a deep copy of `body`. */
function mutate(body: Json, path: readonly Key[], mutation: Mutation): unknown {
	const copy = structuredClone(body) as Record<Key, unknown>;
	const parent = path.slice(0, -1).reduce<Record<Key, unknown>>((node, key) => node[key] as Record<Key, unknown>, copy);
	const last = path[path.length - 1] as Key;
	if (mutation.kind === 'delete' && !Array.isArray(parent)) {
		delete parent[last];
	} else if (mutation.kind === 'addKey' && isPlainObject(parent[last])) {
		Object.defineProperty(parent[last], mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
	} else if (mutation.kind !== 'delete' && mutation.kind !== 'addKey') {
		parent[last] = mutation.value;
	}
	return copy;
}

function isPlainObject(value: unknown): value is object {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true }));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.constant<Mutation>({ kind: 'delete' }),
	junk.map((value): Mutation => ({ kind: 'replace', value })),
	fc.record({ kind: fc.constant('addKey' as const), key: fc.constantFrom('__proto__', 'constructor', 'hasMore', 'nextCursor', 'x', 'status'), value: junk }),
);

function mutated(valid: fc.Arbitrary<Record<string, Json>>): fc.Arbitrary<{ body: unknown; path: string }> {
	return valid.chain((result) => {
		const body: Json = { result };
		const paths = allPaths(body);
		return fc.record({ index: fc.nat({ max: paths.length - 1 }), how: mutation }).map(({ index, how }) => {
			const path = paths[index] as Key[];
			return { body: mutate(body, path, how), path: format(path) };
		});
	});
}

function assertUnder(field: string | undefined, path: string): void {
	if (field !== undefined) {
		const related = field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`);
		assert.ok(related, `error at ${field} after mutating ${path}`);
	}
}

describe('validators (property-based)', () => {
	for (const [name, validate] of Object.entries(validators)) {
		it(`${name}: any JSON or JS value gives a DTO or invalidResponse with a field, never another exception`, () => {
			const body = fc.oneof(
				fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }),
				fc.jsonValue(),
				fc.jsonValue().map((result) => ({ result })),
				fc.dictionary(fc.constantFrom('items', 'events', 'nextCursor', 'hasMore', 'executionId', 'cancelled'), fc.jsonValue()).map((result) => ({ result })),
				fc.array(fc.jsonValue()).map((list) => ({ result: { items: list, events: list, executionId: 'e' } })),
			);
			fc.assert(fc.property(body, (value) => void fieldOfFailure(validate, value)), { numRuns: 400 });
		});
	}

	const mutationCases: ReadonlyArray<[string, fc.Arbitrary<Record<string, Json>>, Validator]> = [
		['executionsPage', wireExecutionsPage, validateExecutionsPage],
		['execution', wireExecution, (body) => validateExecution(body)],
		['eventsPage', wireEventsPage, (body) => validateEventsPage(body, 0)],
		['definitionsPage', wireDefinitionsPage, validateDefinitionsPage],
	];
	for (const [name, valid, validate] of mutationCases) {
		it(`${name}: valid bodies pass; a mutated body fails, if at all, at or under the mutated path`, () => {
			fc.assert(fc.property(valid, (result) => assert.equal(fieldOfFailure(validate, { result }), undefined)));
			fc.assert(fc.property(mutated(valid), ({ body, path }) => assertUnder(fieldOfFailure(validate, body), path)), { numRuns: 500 });
		});
	}

	it('page verdict: done exactly when the cursor is missing/empty, hasMore is false, or there are no items', () => {
		fc.assert(
			fc.property(wireExecutionsPage, (result) => {
				const page = validateExecutionsPage({ result });
				const cursor = result.nextCursor;
				const expectDone = cursor === undefined || cursor === null || cursor === '' || result.hasMore === false || (result.items as Json[]).length === 0;
				assert.equal(page.done, expectDone);
				assert.equal(page.nextCursor, expectDone ? undefined : String(cursor));
				assert.deepEqual(page.items.map((e) => e.executionId), (result.items as { executionId: string }[]).map((e) => e.executionId));
			}),
		);
	});

	it('steps keep every unknown field in extra', () => {
		fc.assert(
			fc.property(wireExecution, (result) => {
				const execution = validateExecution({ result });
				(result.steps as Record<string, Json>[] | undefined)?.forEach((step, i) => {
					assert.deepEqual(execution.steps[i]?.extra, step.attempts === undefined ? undefined : { attempts: step.attempts });
					assert.deepEqual(execution.steps[i]?.metadata, step.metadata);
				});
			}),
		);
	});
});
