/** Small deterministic PRNG (mulberry32) so a seed always yields the same data set, with no dependency. */
export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max] inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)] as T;
	}

	/** `n` lowercase alphanumerics, as in execution and step ids. */
	alnum(n: number): string {
		const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
		let out = '';
		for (let i = 0; i < n; i++) {
			out += chars[Math.floor(this.next() * chars.length)];
		}
		return out;
	}
}
