/**
 * Base-URL policy for the Velt API. Credentials travel in request headers, so the client only ever talks to
 * `https:` hosts, except loopback hosts (the local simulator), which may use plain `http:`.
 */

/** A vetted URL, or the reason (for the user) it was refused. */
export type BaseUrlCheck = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly message: string };

/**
 * Parses and vets a configured base URL. Trailing slashes are dropped from the returned URL's path so that
 * `${url.href}/v2/workflow/...` never contains `//`. User info, query strings and fragments are refused:
 * they would either leak into requests or silently change the endpoint paths.
 */
export function checkBaseUrl(raw: string): BaseUrlCheck {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		return { ok: false, message: `The API base URL "${abbreviate(raw)}" is not a valid URL.` };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return { ok: false, message: `The API base URL must use https (got "${url.protocol}").` };
	}
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		return {
			ok: false,
			message:
				'The API base URL must use https; plain http is only allowed for 127.0.0.1, localhost and [::1] ' +
				`(got "${url.hostname}").`,
		};
	}
	if (url.username !== '' || url.password !== '') {
		return { ok: false, message: 'The API base URL must not contain a user name or password.' };
	}
	if (url.search !== '' || url.hash !== '') {
		return { ok: false, message: 'The API base URL must not contain a query string or fragment.' };
	}
	url.pathname = url.pathname.replace(/\/+$/, '');
	return { ok: true, url };
}

/** `URL.hostname` keeps IPv6 brackets, and the WHATWG parser normalises IPv4 forms like `127.1` to `127.0.0.1`. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase();
	return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Joins a vetted base URL and an endpoint suffix such as `executions/list`. */
export function endpointUrl(base: URL, endpoint: string): URL {
	const path = base.pathname.replace(/\/+$/, '');
	const url = new URL(base.href);
	url.pathname = `${path}/v2/workflow/${endpoint}`;
	return url;
}

function abbreviate(text: string): string {
	// Drop any user info: a mistyped URL may still carry a password.
	// eslint-disable-next-line no-control-regex -- removing control characters is the point
	const oneLine = text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\/\/[^/]*@/, '//');
	return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}
