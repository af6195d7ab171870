/**
 * Hand-written guards for untrusted JSON. Each one takes the value and its JSON path and either returns a
 * typed value or throws `ApiError('invalidResponse')` whose `field` is that path, so a bad response is
 * reported as "result.items[3].executionId should be a string", never as a crash further up.
 */
import { ApiError } from './errors';

/** A parsed JSON object whose members are still unchecked. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** The error every guard throws: the path goes into `field` and the message, never the value itself. */
export function invalidField(path: string, expected: string, value: unknown): ApiError {
	const message = `The Velt API sent an unexpected response: ${path} should be ${expected} (got ${describe(value)}).`;
	return new ApiError('invalidResponse', message, { field: path });
}

/** A short, content-free description of a value (only enum-like short strings are quoted). */
export function describe(value: unknown): string {
	if (value === undefined) {
		return 'nothing';
	}
	if (value === null) {
		return 'null';
	}
	if (Array.isArray(value)) {
		return 'an array';
	}
	if (typeof value === 'string') {
		return /^[\w.:-]{1,40}$/.test(value) ? `"${value}"` : 'a string';
	}
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Plain object (not null, not an array). */
export function isRecord(value: unknown): value is JsonRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Extends a JSON path by a member name. */
export function join(path: string, key: string): string {
	return path === '' ? key : `${path}.${key}`;
}

/** The value as an object, or an error at `path`. */
export function record(value: unknown, path: string): JsonRecord {
	if (!isRecord(value)) {
		throw invalidField(path, 'an object', value);
	}
	return value;
}

/** The `result` member of a `{ result }` success envelope. */
export function envelopeResult(body: unknown): JsonRecord {
	if (!isRecord(body) || !Object.hasOwn(body, 'result')) {
		throw invalidField('result', 'an object', isRecord(body) ? undefined : body);
	}
	return record(body.result, 'result');
}

/** Callers copy with `Array.from(list, fn)`, which, unlike `list.map`, never consults `list.constructor`. */
export function array(owner: JsonRecord, key: string, path: string): readonly unknown[] {
	const value = own(owner, key);
	if (!Array.isArray(value)) {
		throw invalidField(join(path, key), 'an array', value);
	}
	return value;
}

/** A required string member (empty allowed). */
export function string(owner: JsonRecord, key: string, path: string): string {
	const value = own(owner, key);
	if (typeof value !== 'string') {
		throw invalidField(join(path, key), 'a string', value);
	}
	return value;
}

/** Ids are dedupe keys: an empty one is as bad as a missing one. */
export function id(owner: JsonRecord, key: string, path: string): string {
	const value = own(owner, key);
	if (typeof value !== 'string' || value === '') {
		throw invalidField(join(path, key), 'a non-empty string', value);
	}
	return value;
}

/** Absent and `null` both read as `null` (the callable encoder turns unset fields into `null`). */
export function nullableString(owner: JsonRecord, key: string, path: string): string | null {
	const value = own(owner, key);
	if (value === undefined || value === null) {
		return null;
	}
	if (typeof value !== 'string') {
		throw invalidField(join(path, key), 'a string or null', value);
	}
	return value;
}

/** A required finite number member (NaN/Infinity cannot come from JSON, but callers may pass other values). */
export function number(owner: JsonRecord, key: string, path: string): number {
	const value = own(owner, key);
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw invalidField(join(path, key), 'a number', value);
	}
	return value;
}

/** Absent and `null` both read as `null`. */
export function nullableNumber(owner: JsonRecord, key: string, path: string): number | null {
	const value = own(owner, key);
	if (value === undefined || value === null) {
		return null;
	}
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw invalidField(join(path, key), 'a number or null', value);
	}
	return value;
}

/** Absent and `null` both read as undefined (e.g. `hasMore`, which only the seed variant sends). */
export function optionalBoolean(owner: JsonRecord, key: string, path: string): boolean | undefined {
	const value = own(owner, key);
	if (value === undefined || value === null) {
		return undefined;
	}
	if (typeof value !== 'boolean') {
		throw invalidField(join(path, key), 'a boolean', value);
	}
	return value;
}

/** A required boolean member. */
export function boolean(owner: JsonRecord, key: string, path: string): boolean {
	const value = own(owner, key);
	if (typeof value !== 'boolean') {
		throw invalidField(join(path, key), 'a boolean', value);
	}
	return value;
}

/** An object or null/absent (→ null). Arrays are not objects here. */
export function nullableRecord(owner: JsonRecord, key: string, path: string): JsonRecord | null {
	const value = own(owner, key);
	if (value === undefined || value === null) {
		return null;
	}
	return record(value, join(path, key));
}

/** Own properties only: `__proto__` or `constructor` keys in a body must never resolve to inherited values. */
export function own(owner: JsonRecord, key: string): unknown {
	return Object.hasOwn(owner, key) ? owner[key] : undefined;
}
