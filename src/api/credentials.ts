/**
 * The credential side of a request: reading the stored pair before anything is sent, and making sure no
 * error leaving the API layer repeats it (servers may echo what they were sent).
 */
import { ApiError } from './errors';
import { sanitize } from './errorMapping';
import type { Credentials } from './types';

/** Asked on every call, so a sign-in/out elsewhere takes effect without rebuilding the client. */
export type CredentialsProvider = () => Credentials | undefined | Promise<Credentials | undefined>;

/** Printable ASCII without spaces: anything else cannot be a key or token and would break the header. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/**
 * Reads the stored pair, trimmed (a pasted token often carries a newline). Throws `auth` when there is no
 * usable pair, so the caller never sends a request without credentials.
 */
export async function readCredentials(provider: CredentialsProvider): Promise<Credentials> {
	let stored: Credentials | undefined;
	try {
		stored = await provider();
	} catch (error) {
		throw new ApiError('auth', 'Could not read the stored Velt credentials.', { cause: error });
	}
	const apiKey = typeof stored?.apiKey === 'string' ? stored.apiKey.trim() : '';
	const authToken = typeof stored?.authToken === 'string' ? stored.authToken.trim() : '';
	if (apiKey === '' || authToken === '') {
		throw new ApiError('auth', 'Not signed in: no Velt API key and auth token are stored.');
	}
	if (!HEADER_SAFE.test(apiKey) || !HEADER_SAFE.test(authToken)) {
		const message = 'The stored API key or auth token contains characters that cannot be sent; sign in again.';
		throw new ApiError('auth', message);
	}
	return { apiKey, authToken };
}

/** Rebuilds an error whose message or status echoes a credential; wraps anything that is not an `ApiError`. */
export function redactError(error: unknown, secrets: readonly string[]): ApiError {
	if (!ApiError.is(error)) {
		return new ApiError('invalidResponse', 'The Velt API response could not be processed.', { cause: error });
	}
	const message = sanitize(error.message, secrets);
	const apiStatus = error.apiStatus === undefined ? undefined : sanitize(error.apiStatus, secrets);
	if (message === error.message && apiStatus === error.apiStatus) {
		return error;
	}
	const { httpStatus, field, retryAfterMs } = error;
	return new ApiError(error.kind, message, { apiStatus, httpStatus, field, retryAfterMs, cause: error.cause });
}
