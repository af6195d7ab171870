/**
 * A tiny loopback server for the few wire behaviours the simulator cannot produce (a proxy's HTML error page,
 * a chunked body without Content-Length, a redirect, a closed port). Everything else uses the simulator.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawServer {
	readonly url: string;
	readonly hits: string[];
	close(): Promise<void>;
}

export async function startRawServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<RawServer> {
	const hits: string[] = [];
	const server = createServer((req, res) => {
		hits.push(req.url ?? '');
		req.resume();
		req.on('end', () => handle(req, res));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		hits,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A port that was just free: connecting to it is refused. */
export async function closedPortUrl(): Promise<string> {
	const server = await startRawServer(() => undefined);
	await server.close();
	return server.url;
}
