/**
 * `TreeView.message` is one string but several features want to say something there (the active filter,
 * "using credentials from the environment", a refused base URL). Each owns a named part; the view shows the
 * parts in a fixed order.
 */
export type MessagePart = 'connection' | 'filter' | 'updated';

const ORDER: readonly MessagePart[] = ['connection', 'filter', 'updated'];

/** A `TreeView` (where `message` is optional). */
export interface MessageTarget {
	message?: string | undefined;
}

/** What a feature writes its part to. */
export interface PartTarget {
	message: string | undefined;
}

export class ViewMessage {
	private readonly parts = new Map<MessagePart, string>();
	private signedOut = false;

	constructor(private readonly target: MessageTarget) {}

	set(part: MessagePart, text: string | undefined): void {
		if (text === undefined || text === '') {
			this.parts.delete(part);
		} else {
			this.parts.set(part, text);
		}
		this.render();
	}

	/**
	 * While signed out only the connection part shows: VS Code hides the welcome view (with its Sign In
	 * button) whenever a tree view has a message, so a remembered filter must not hide it.
	 */
	setSignedOut(signedOut: boolean): void {
		this.signedOut = signedOut;
		this.render();
	}

	private render(): void {
		const shown = this.signedOut ? ORDER.filter((p) => p === 'connection') : ORDER;
		const joined = shown.map((p) => this.parts.get(p)).filter((t): t is string => t !== undefined).join(' — ');
		const next = joined === '' ? undefined : joined;
		if (this.target.message !== next) {
			this.target.message = next;
		}
	}

	/** A target for one part, for features that expect to set `message` on a view. */
	partTarget(part: MessagePart): PartTarget {
		const set = (text: string | undefined): void => this.set(part, text);
		const get = (): string | undefined => this.parts.get(part);
		return {
			get message(): string | undefined {
				return get();
			},
			set message(value: string | undefined) {
				set(value);
			},
		};
	}
}
