/**
 * Envelope and credential checks that run before any endpoint code, mirroring the callable layer
 * (velt-api.md §1, §1.1, §1.2). Each returns the error to send, or the parsed request `data`.
 */
import type { IncomingMessage } from 'node:http';

export interface Rejection {
	readonly apiStatus: string;
	readonly message: string;
}

export type Parsed = { readonly ok: true; readonly data: Record<string, unknown> } | { readonly ok: false; readonly data: Record<string, unknown> | undefined; readonly error: Rejection };

/** PERMISSION_DENIED text for an unregistered or revoked token (the real text is undocumented). */
export const REVOKED_MESSAGE = 'Auth token is not valid for this API key.';

const BAD_REQUEST: Rejection = { apiStatus: 'INVALID_ARGUMENT', message: 'Bad Request' };

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

export function hasCredentials(req: IncomingMessage): boolean {
	return header(req, 'x-velt-api-key') !== undefined && header(req, 'x-velt-auth-token') !== undefined;
}

function describe(value: unknown): string {
	return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** POST, `application/json`, a JSON object whose only key is `data`, and `data` an object. */
export function parseEnvelope(req: IncomingMessage, raw: string): Parsed {
	let body: unknown;
	try {
		body = JSON.parse(raw);
	} catch {
		return { ok: false, data: undefined, error: BAD_REQUEST };
	}
	const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
	const data = isObject ? (body as Record<string, unknown>).data : undefined;
	const dataObject = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
	const contentType = (header(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
	if (req.method !== 'POST' || contentType !== 'application/json' || !isObject) {
		return { ok: false, data: dataObject, error: BAD_REQUEST };
	}
	const keys = Object.keys(body as object);
	if (keys.length !== 1 || keys[0] !== 'data') {
		return { ok: false, data: dataObject, error: BAD_REQUEST };
	}
	if (dataObject === undefined) {
		return { ok: false, data: undefined, error: { apiStatus: 'INVALID_ARGUMENT', message: `Expected object, received ${describe(data)}` } };
	}
	return { ok: true, data: dataObject };
}

export interface Credentials {
	readonly apiKey: string;
	readonly authToken: string;
}

/** Missing token → INVALID_ARGUMENT; bad API key or unregistered/revoked token → PERMISSION_DENIED. */
export function checkAuth(req: IncomingMessage, expected: Credentials, revoked: boolean): Rejection | undefined {
	const token = header(req, 'x-velt-auth-token');
	if (token === undefined || token === '') {
		return { apiStatus: 'INVALID_ARGUMENT', message: 'Auth token is required' };
	}
	if (header(req, 'x-velt-api-key') !== expected.apiKey) {
		return { apiStatus: 'PERMISSION_DENIED', message: 'Invalid API key.' };
	}
	if (token !== expected.authToken || revoked) {
		return { apiStatus: 'PERMISSION_DENIED', message: REVOKED_MESSAGE };
	}
	return undefined;
}
