/**
 * Wire helpers: the Firebase-callable status map (velt-api.md §1.1), JSON responses and body reading.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const HTTP_FOR_STATUS: Readonly<Record<string, number>> = {
	OK: 200,
	CANCELLED: 499,
	INVALID_ARGUMENT: 400,
	FAILED_PRECONDITION: 400,
	OUT_OF_RANGE: 400,
	UNAUTHENTICATED: 401,
	PERMISSION_DENIED: 403,
	NOT_FOUND: 404,
	ALREADY_EXISTS: 409,
	ABORTED: 409,
	RESOURCE_EXHAUSTED: 429,
	INTERNAL: 500,
	UNKNOWN: 500,
	DATA_LOSS: 500,
	UNIMPLEMENTED: 501,
	UNAVAILABLE: 503,
	DEADLINE_EXCEEDED: 504,
};

/** Canonical code for an injected HTTP status without an explicit `apiStatus`. */
export function statusForHttp(http: number): string {
	const exact = Object.entries(HTTP_FOR_STATUS).find(([, code]) => code === http);
	if (exact !== undefined) {
		return exact[0];
	}
	return http >= 500 ? 'UNAVAILABLE' : 'INVALID_ARGUMENT';
}

const DEFAULT_MESSAGES: Readonly<Record<string, string>> = {
	RESOURCE_EXHAUSTED: 'Rate limit exceeded',
	INTERNAL: 'INTERNAL',
	UNAVAILABLE: 'Service unavailable',
	DEADLINE_EXCEEDED: 'Deadline exceeded',
	UNAUTHENTICATED: 'Unauthenticated',
	PERMISSION_DENIED: 'Permission denied',
};

export function defaultMessage(apiStatus: string): string {
	return DEFAULT_MESSAGES[apiStatus] ?? apiStatus;
}

export function errorBody(apiStatus: string, message: string, details?: Record<string, unknown>): string {
	const error: Record<string, unknown> = { message, status: apiStatus };
	if (details !== undefined) {
		error.details = details;
	}
	return JSON.stringify({ error });
}

export function writeJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
	res.end(body);
}

/** Reads the whole request body (capped; beyond the cap the rest is drained and ignored). */
export function readBody(req: IncomingMessage, limit = 10 * 1024 * 1024): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= limit) {
				chunks.push(chunk);
			}
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}
