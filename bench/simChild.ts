/**
 * Runs the simulator in a child process for benchmarks, so its own CPU and heap stay out of the numbers
 * measured in the parent. argv[2] is a JSON `SimulatorOptions`; the child sends `{ url }` over IPC when
 * listening and exits when the parent disconnects.
 */
import type { SimulatorOptions } from '../test/sim/api';
import { startSimulator } from '../test/sim/simulator';

async function main(): Promise<void> {
	const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions;
	const sim = await startSimulator({ ...options, port: 0 });
	process.send?.({ url: sim.url });
	process.once('disconnect', () => {
		void sim.close().then(() => process.exit(0));
	});
}

main().catch((error: unknown) => {
	process.stderr.write(`simChild: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
