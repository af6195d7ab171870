/**
 * A tiny Zod-like validator for request `data`: the real API answers schema failures with the bare Zod
 * message of the first issue and `details.issues` (velt-api.md §1.2, §9.4). Unknown keys are stripped.
 */

export interface Issue {
	readonly code: string;
	readonly path: (string | number)[];
	readonly message: string;
}

export type FieldRule =
	| { readonly kind: 'string'; readonly required?: boolean; readonly max?: number }
	| { readonly kind: 'int'; readonly min: number; readonly max?: number }
	| { readonly kind: 'enum'; readonly values: readonly string[] };

export type Shape = Readonly<Record<string, FieldRule>>;

function typeName(value: unknown): string {
	if (value === null) {
		return 'null';
	}
	if (Array.isArray(value)) {
		return 'array';
	}
	if (typeof value === 'number' && Number.isNaN(value)) {
		return 'nan';
	}
	return typeof value;
}

function checkField(key: string, rule: FieldRule, value: unknown): Issue | undefined {
	const path = [key];
	if (value === undefined) {
		return rule.kind === 'string' && rule.required === true ? { code: 'invalid_type', path, message: 'Required' } : undefined;
	}
	if (rule.kind === 'string') {
		return checkString(path, rule, value);
	}
	if (rule.kind === 'enum') {
		const expected = rule.values.map((v) => `'${v}'`).join(' | ');
		return typeof value === 'string' && rule.values.includes(value)
			? undefined
			: { code: 'invalid_enum_value', path, message: `Invalid enum value. Expected ${expected}, received '${String(value)}'` };
	}
	return checkInt(path, rule, value);
}

function checkString(path: string[], rule: Extract<FieldRule, { kind: 'string' }>, value: unknown): Issue | undefined {
	if (typeof value !== 'string') {
		return { code: 'invalid_type', path, message: `Expected string, received ${typeName(value)}` };
	}
	if (rule.required === true && value.length === 0) {
		return { code: 'too_small', path, message: 'String must contain at least 1 character(s)' };
	}
	if (rule.max !== undefined && value.length > rule.max) {
		return { code: 'too_big', path, message: `String must contain at most ${rule.max} character(s)` };
	}
	return undefined;
}

function checkInt(path: string[], rule: Extract<FieldRule, { kind: 'int' }>, value: unknown): Issue | undefined {
	if (typeof value !== 'number' || Number.isNaN(value)) {
		return { code: 'invalid_type', path, message: `Expected number, received ${typeName(value)}` };
	}
	if (!Number.isInteger(value)) {
		return { code: 'invalid_type', path, message: 'Expected integer, received float' };
	}
	if (value < rule.min) {
		return { code: 'too_small', path, message: `Number must be greater than or equal to ${rule.min}` };
	}
	if (rule.max !== undefined && value > rule.max) {
		return { code: 'too_big', path, message: `Number must be less than or equal to ${rule.max}` };
	}
	return undefined;
}

/** All issues for `data` against `shape` (empty = valid). */
export function validate(shape: Shape, data: Record<string, unknown>): Issue[] {
	const issues: Issue[] = [];
	for (const [key, rule] of Object.entries(shape)) {
		const issue = checkField(key, rule, data[key]);
		if (issue !== undefined) {
			issues.push(issue);
		}
	}
	return issues;
}
