/**
 * Guards for `ExecutionView` and `StepView` (velt-api.md §3.1–3.2). Execution fields are checked strictly
 * (the tree groups by `status`, so an unknown one is an error naming the field); steps are open-ended, so
 * unknown step fields are kept in `extra` and the seed variant's `metadata` is kept as-is.
 */
import { isExecutionStatus } from './types';
import type { ErrorInfo, ExecutionStatus, ExecutionView, StepView } from './types';
import {
	array,
	id,
	invalidField,
	join,
	nullableNumber,
	nullableRecord,
	nullableString,
	number,
	own,
	record,
	string,
} from './validate';
import type { JsonRecord } from './validate';

const KNOWN_STEP_KEYS: ReadonlySet<string> = new Set([
	'stepId',
	'nodeId',
	'nodeType',
	'status',
	'groupId',
	'startedAt',
	'completedAt',
	'output',
	'error',
	'metadata',
]);

/** One `ExecutionView` found at `path` (a `get` result or a list item). */
export function validateExecutionView(value: unknown, path: string): ExecutionView {
	const raw = record(value, path);
	return {
		executionId: id(raw, 'executionId', path),
		status: executionStatus(raw, path),
		startedAt: number(raw, 'startedAt', path),
		completedAt: nullableNumber(raw, 'completedAt', path),
		cancelledAt: nullableNumber(raw, 'cancelledAt', path),
		definitionId: string(raw, 'definitionId', path),
		definitionVersion: number(raw, 'definitionVersion', path),
		correlationId: nullableString(raw, 'correlationId', path),
		idempotencyKey: nullableString(raw, 'idempotencyKey', path),
		failureReason: errorInfo(raw, 'failureReason', path),
		steps: steps(raw, path),
	};
}

/** One `StepView`; only the documented fields are typed, the rest survive in `extra`. */
export function validateStepView(value: unknown, path: string): StepView {
	const raw = record(value, path);
	const step: StepView = {
		stepId: id(raw, 'stepId', path),
		nodeId: string(raw, 'nodeId', path),
		nodeType: string(raw, 'nodeType', path),
		status: string(raw, 'status', path),
		groupId: nullableString(raw, 'groupId', path),
		startedAt: nullableNumber(raw, 'startedAt', path),
		completedAt: nullableNumber(raw, 'completedAt', path),
		output: nullableRecord(raw, 'output', path) ?? {},
		error: errorInfo(raw, 'error', path),
	};
	const metadata = nullableRecord(raw, 'metadata', path);
	const extra = extraFields(raw);
	return {
		...step,
		...(metadata === null ? {} : { metadata }),
		...(extra === undefined ? {} : { extra }),
	};
}

function executionStatus(raw: JsonRecord, path: string): ExecutionStatus {
	const value = own(raw, 'status');
	if (!isExecutionStatus(value)) {
		throw invalidField(join(path, 'status'), 'one of pending, running, completed, failed, cancelled', value);
	}
	return value;
}

/** The list endpoint of the current API always sends `steps: []`; absent is read the same way. */
function steps(raw: JsonRecord, path: string): readonly StepView[] {
	if (own(raw, 'steps') === undefined) {
		return [];
	}
	const stepsPath = join(path, 'steps');
	return Array.from(array(raw, 'steps', path), (step, index) => validateStepView(step, `${stepsPath}[${index}]`));
}

function errorInfo(raw: JsonRecord, key: string, path: string): ErrorInfo | null {
	const info = nullableRecord(raw, key, path);
	if (info === null) {
		return null;
	}
	const infoPath = join(path, key);
	return { code: string(info, 'code', infoPath), message: string(info, 'message', infoPath) };
}

/** `Object.fromEntries` defines own properties, so a `__proto__` key stays data and never becomes a prototype. */
function extraFields(raw: JsonRecord): Readonly<Record<string, unknown>> | undefined {
	const entries = Object.entries(raw).filter(([key, value]) => !KNOWN_STEP_KEYS.has(key) && value !== undefined);
	return entries.length === 0 ? undefined : Object.fromEntries(entries);
}
