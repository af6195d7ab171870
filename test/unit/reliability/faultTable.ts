/**
 * Every fault of the reliability issue, as data: how to inject it into the next `executions/list` request(s)
 * of one group, whether the client retries it by itself (the spec: 429, 5xx, timeouts and network failures
 * for reads), the error kind the group then shows, and the words that name it in the error row and the log.
 */
import type { ApiErrorKind } from '../../../src/api/errors';
import { REPEATED_CURSOR_MESSAGE, REPEATED_PAGE_MESSAGE } from '../../../src/executions/pageChecks';
import { SIM_AUTH_TOKEN } from '../../sim/api';
import type { Fault } from '../../sim/api';
import type { SimHost } from './simHost';

/** The group every case pages through. */
export const STATUS = 'completed';
/** Attempts one read makes at most (1 + the default 3 retries). */
export const ATTEMPTS = 4;

export interface FaultCase {
	readonly name: string;
	/** Breaks the next `times` list requests of the group. */
	readonly inject: (host: SimHost, times: number) => void | Promise<void>;
	/** The client retries it by itself (with backoff or as `Retry-After` says). */
	readonly retried: boolean;
	readonly kind: ApiErrorKind;
	/** What the error row and the log say: names the fault. */
	readonly says: RegExp;
	/** What the log's retry line says when the automatic retry hides the fault (default: `says`). */
	readonly logs?: RegExp;
	/** The first backoff delay the client must choose for it (retried faults). */
	readonly firstDelay?: (ms: number) => boolean;
	/** Per-attempt time limit (the setting `requestTimeoutSeconds`), for the hanging request. */
	readonly timeoutMs?: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A simulator fault without its targeting (`simFault` aims it at the group's list requests). */
type FaultBody = DistributiveOmit<Fault, 'path' | 'match' | 'times'>;

function simFault(fault: FaultBody): FaultCase['inject'] {
	return (host, times) => host.sim.inject({ ...fault, path: 'executions/list', match: { status: STATUS }, times } as Fault);
}

/** A real list item of the group, as the API sends it (for bodies that are wrong in one field only). */
function realItem(host: SimHost, index: number): Record<string, unknown> {
	return { ...(host.sim.execution(host.sim.executionIds(STATUS)[index] ?? '') as Record<string, unknown>) };
}

function wrongShape(body: (host: SimHost) => unknown): FaultCase['inject'] {
	return (host, times) => simFault({ kind: 'wrongShape', body: body(host) })(host, times);
}

const RETRY_AFTER_DATE_S = 30;

export const FAULT_CASES: readonly FaultCase[] = [
	{
		name: '429 with Retry-After in seconds',
		logs: /HTTP 429\); retry 1 of 3 in 7000 ms \(Retry-After\): RESOURCE_EXHAUSTED/,
		inject: simFault({ kind: 'http', status: 429, retryAfter: '7' }),
		retried: true,
		kind: 'rateLimited',
		says: /HTTP 429 RESOURCE_EXHAUSTED/,
		firstDelay: (ms) => ms === 7000,
	},
	{
		name: '429 with Retry-After as an HTTP-date',
		logs: /HTTP 429\); retry 1 of 3 in \d+ ms \(Retry-After\): RESOURCE_EXHAUSTED/,
		inject: (host, times) => simFault({ kind: 'http', status: 429, retryAfter: new Date(Date.now() + RETRY_AFTER_DATE_S * 1000).toUTCString() })(host, times),
		retried: true,
		kind: 'rateLimited',
		says: /HTTP 429 RESOURCE_EXHAUSTED/,
		firstDelay: (ms) => ms > (RETRY_AFTER_DATE_S - 5) * 1000 && ms <= RETRY_AFTER_DATE_S * 1000,
	},
	{
		name: '429 with a Retry-After beyond the 60 s cap',
		logs: /HTTP 429\); retry 1 of 3 in 60000 ms \(Retry-After\): RESOURCE_EXHAUSTED/,
		inject: simFault({ kind: 'http', status: 429, retryAfter: '3600' }),
		retried: true,
		kind: 'rateLimited',
		says: /HTTP 429 RESOURCE_EXHAUSTED/,
		firstDelay: (ms) => ms === 60_000,
	},
	{
		name: '429 without Retry-After',
		logs: /HTTP 429\); retry 1 of 3 in \d+ ms: RESOURCE_EXHAUSTED/,
		inject: simFault({ kind: 'http', status: 429 }),
		retried: true,
		kind: 'rateLimited',
		says: /HTTP 429 RESOURCE_EXHAUSTED/,
		firstDelay: (ms) => ms >= 250 && ms <= 500,
	},
	{ name: '500 INTERNAL', inject: simFault({ kind: 'http', status: 500 }), retried: true, kind: 'server', says: /HTTP 500 INTERNAL/, logs: /HTTP 500\); retry 1 of 3 in \d+ ms: INTERNAL/ },
	{ name: '503 UNAVAILABLE', inject: simFault({ kind: 'http', status: 503 }), retried: true, kind: 'server', says: /HTTP 503 UNAVAILABLE/, logs: /HTTP 503\); retry 1 of 3 in \d+ ms: UNAVAILABLE/ },
	{
		name: '504 DEADLINE_EXCEEDED',
		inject: simFault({ kind: 'http', status: 504, apiStatus: 'DEADLINE_EXCEEDED' }),
		retried: true,
		kind: 'server',
		says: /HTTP 504 DEADLINE_EXCEEDED/,
		logs: /HTTP 504\); retry 1 of 3 in \d+ ms: DEADLINE_EXCEEDED/,
	},
	{
		name: '500 whose message echoes the credentials',
		inject: simFault({ kind: 'http', status: 500, message: `token ${SIM_AUTH_TOKEN} is broken` }),
		retried: true,
		kind: 'server',
		says: /token \[redacted\] is broken/,
		logs: /HTTP 500\); retry 1 of 3 in \d+ ms: INTERNAL/,
	},
	{ name: 'connection refused', inject: (host, times) => host.stopFor(times), retried: true, kind: 'network', says: /ECONNREFUSED/ },
	{ name: 'connection reset mid-body', inject: simFault({ kind: 'resetMidBody' }), retried: true, kind: 'network', says: /connection to the Velt API broke while reading the response.*(other side closed|ECONNRESET)/ },
	{
		name: 'hanging request (requestTimeoutSeconds)',
		inject: simFault({ kind: 'hang' }),
		retried: true,
		kind: 'timeout',
		says: /did not answer within 300 ms/,
		timeoutMs: 300,
	},
	{ name: 'malformed JSON', inject: simFault({ kind: 'malformedJson' }), retried: false, kind: 'invalidResponse', says: /not valid JSON/ },
	{
		name: 'items not an array',
		inject: wrongShape(() => ({ result: { items: { 0: 'x' }, nextCursor: '1700000000000' } })),
		retried: false,
		kind: 'invalidResponse',
		says: /result\.items\b/,
	},
	{
		name: 'an item without executionId',
		inject: wrongShape((host) => {
			const { executionId: _dropped, ...broken } = realItem(host, 1);
			return { result: { items: [realItem(host, 0), broken], nextCursor: '1700000000000' } };
		}),
		retried: false,
		kind: 'invalidResponse',
		says: /result\.items\[1\]\.executionId/,
	},
	{
		name: 'an unknown status value',
		inject: wrongShape((host) => ({ result: { items: [{ ...realItem(host, 0), status: 'paused' }], nextCursor: '1700000000000' } })),
		retried: false,
		kind: 'invalidResponse',
		says: /result\.items\[0\]\.status.*paused/,
	},
	{
		name: 'an enormous response (40 MB)',
		inject: simFault({ kind: 'hugeBody', bytes: 40_000_000 }),
		retried: false,
		kind: 'invalidResponse',
		says: /larger than \d+ bytes/,
	},
	{ name: 'a cursor that repeats', inject: simFault({ kind: 'repeatCursor' }), retried: false, kind: 'invalidResponse', says: new RegExp(escape(REPEATED_CURSOR_MESSAGE)) },
	{ name: 'a page that repeats the previous one', inject: simFault({ kind: 'repeatPage' }), retried: false, kind: 'invalidResponse', says: new RegExp(escape(REPEATED_PAGE_MESSAGE)) },
];

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
