import * as assert from 'node:assert/strict';
import { errorFromResponse, kindForApiStatus, kindForHttpStatus, sanitize } from '../../../src/api/errorMapping';

function mapped(httpStatus: number, body: unknown, retryAfterMs?: number): ReturnType<typeof errorFromResponse> {
	return errorFromResponse({ httpStatus, body, retryAfterMs, secrets: ['key_123', 'token_abcdef'] });
}

describe('error mapping', () => {
	it('maps canonical statuses, the documented missing-token message, and HTTP statuses', () => {
		assert.equal(kindForApiStatus('UNAUTHENTICATED', 'x'), 'auth');
		assert.equal(kindForApiStatus('INVALID_ARGUMENT', 'Auth token is required'), 'auth');
		assert.equal(kindForApiStatus('INVALID_ARGUMENT', 'Required'), 'invalidArgument');
		assert.equal(kindForApiStatus('PERMISSION_DENIED', undefined), 'permission');
		assert.equal(kindForApiStatus('NOT_FOUND', undefined), 'notFound');
		assert.equal(kindForApiStatus('FAILED_PRECONDITION', undefined), 'invalidArgument');
		assert.equal(kindForApiStatus('OUT_OF_RANGE', undefined), 'invalidArgument');
		assert.equal(kindForApiStatus('RESOURCE_EXHAUSTED', undefined), 'rateLimited');
		for (const status of ['INTERNAL', 'UNAVAILABLE', 'DEADLINE_EXCEEDED', 'UNKNOWN']) {
			assert.equal(kindForApiStatus(status, undefined), 'server');
		}
		assert.equal(kindForApiStatus('SOMETHING_NEW', undefined), undefined);
		assert.equal(kindForApiStatus('toString', undefined), undefined);
		assert.deepEqual([401, 403, 404, 400, 429, 500, 502, 503, 504, 302].map(kindForHttpStatus), [
			'auth',
			'permission',
			'notFound',
			'invalidArgument',
			'rateLimited',
			'server',
			'server',
			'server',
			'server',
			'invalidResponse',
		]);
	});

	it('prefers the envelope status over the HTTP status and keeps the server message and apiStatus', () => {
		const error = mapped(400, { error: { status: 'FAILED_PRECONDITION', message: 'Version conflict: expected 4, current 5' } });
		assert.equal(error.kind, 'invalidArgument');
		assert.equal(error.apiStatus, 'FAILED_PRECONDITION');
		assert.equal(error.httpStatus, 400);
		assert.match(error.message, /Version conflict: expected 4, current 5/);
		assert.equal(mapped(500, { error: { status: 'NOT_FOUND', message: 'gone' } }).kind, 'notFound');
	});

	it('maps non-envelope bodies (HTML from a proxy) by HTTP status without quoting them', () => {
		const error = mapped(502, undefined);
		assert.equal(error.kind, 'server');
		assert.equal(error.apiStatus, undefined);
		assert.match(error.message, /HTTP 502/);
		assert.equal(mapped(403, { message: 'nope' }).kind, 'permission');
	});

	it('keeps Retry-After only where it means something', () => {
		assert.equal(mapped(429, undefined, 3000).retryAfterMs, 3000);
		assert.equal(mapped(503, undefined, 3000).retryAfterMs, 3000);
		assert.equal(mapped(404, undefined, 3000).retryAfterMs, undefined);
	});

	it('redacts echoed credentials, control characters and length', () => {
		const error = mapped(403, { error: { status: 'PERMISSION_DENIED', message: 'token token_abcdef for key key_123\nnot registered' } });
		assert.ok(!error.message.includes('token_abcdef') && !error.message.includes('key_123'), error.message);
		assert.ok(!error.message.includes('\n'));
		assert.equal(sanitize('x'.repeat(2000), []).length, 500);
		assert.equal(sanitize('abcabc', ['abc', 'b', '']), '[redacted][redacted]');
	});
});
