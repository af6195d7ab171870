/**
 * `npm run sim`: runs the local Velt API simulator alone, so the extension (or curl) can be pointed at it
 * without real credentials. Flags: --port N (8787), --variant current|seed, --seed N, --latency MS.
 */
import { SIM_API_KEY, SIM_AUTH_TOKEN } from './api';
import type { ContractVariant } from './api';
import { startSimulator } from './simulator';

export interface CliOptions {
	readonly port: number;
	readonly variant: ContractVariant;
	readonly seed: number;
	readonly latencyMs: number;
}

function intFlag(name: string, raw: string | undefined, min: number): number {
	const value = Number(raw);
	if (raw === undefined || !Number.isInteger(value) || value < min) {
		throw new Error(`${name} needs an integer ≥ ${min}, got ${raw ?? 'nothing'}`);
	}
	return value;
}

/** Parses argv (without node and script); throws with a readable message on bad input. */
export function parseArgs(argv: readonly string[]): CliOptions {
	let options: CliOptions = { port: 8787, variant: 'current', seed: 42, latencyMs: 0 };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		i += 1;
		if (flag === '--port') {
			options = { ...options, port: intFlag(flag, value, 0) };
		} else if (flag === '--seed') {
			options = { ...options, seed: intFlag(flag, value, 0) };
		} else if (flag === '--latency') {
			options = { ...options, latencyMs: intFlag(flag, value, 0) };
		} else if (flag === '--variant' && (value === 'current' || value === 'seed')) {
			options = { ...options, variant: value };
		} else {
			throw new Error(`unknown or invalid argument: ${flag ?? ''} ${value ?? ''}`.trim());
		}
	}
	return options;
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const sim = await startSimulator({ port: options.port, variant: options.variant, seed: options.seed, latencyMs: options.latencyMs });
	const lines = [
		'Velt API simulator (local, fake data: this is not the Velt service)',
		`  URL (veltWorkflows.apiBaseUrl): ${sim.url}`,
		`  API key:    ${SIM_API_KEY}`,
		`  Auth token: ${SIM_AUTH_TOKEN}`,
		`  Contract variant: ${options.variant}; seed ${options.seed}; latency ${options.latencyMs} ms`,
		`  Executions: ${sim.executionIds().length}`,
		'Press Ctrl-C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	const stop = (): void => {
		void sim.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`sim: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	});
}
