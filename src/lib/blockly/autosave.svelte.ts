// A pupil's work on an exercise, autosaved. The newest work is kept in localStorage first (so a closed
// tab or a cut link loses nothing), sent to the server 0.8 s after the last change, and marked "sent"
// once the server has it: a page kept on the device from before (opened without a network) still
// starts from the newest work. Sent again when the network returns. Versions only grow, so an older
// save arriving late never replaces a newer one (the server keeps the newest: work.saveWork).
import type { WorkspaceJson } from './spec';

export type SaveState = 'saved' | 'saving' | 'offline' | '';
type Pending = { version: number; workspace: string; sent?: boolean };

const DELAY_MS = 800;

export class Autosave {
	/** What the page says about the work: saved, saving, kept on the device, or nothing yet. */
	state = $state<SaveState>('');
	#version: number; // the newest version made here or known to the server
	#timer: ReturnType<typeof setTimeout> | undefined;
	readonly #url: string;
	readonly #key: string;

	/** `serverVersion`: the version of the work the server sent with the page. */
	constructor(url: string, key: string, serverVersion: number) {
		this.#url = url;
		this.#key = key;
		this.#version = serverVersion;
	}

	/**
	 * The work to start from when the device holds a newer copy than the server's (made offline, or not
	 * sent before the tab closed); else null, and an older copy is dropped.
	 */
	restore(): WorkspaceJson | null {
		const kept = this.#pending();
		if (!kept) return null;
		if (kept.version > this.#version) {
			try {
				const workspace = JSON.parse(kept.workspace) as WorkspaceJson;
				this.#version = kept.version;
				return workspace;
			} catch {
				// unreadable: the server's copy it is
			}
		}
		localStorage.removeItem(this.#key);
		return null;
	}

	/** Listens for the network and sends what a restored copy still holds unsent. */
	start(): void {
		window.addEventListener('online', this.#onOnline);
		window.addEventListener('offline', this.#onOffline);
		if (this.#unsent()) void this.flush();
	}

	stop(): void {
		clearTimeout(this.#timer);
		window.removeEventListener('online', this.#onOnline);
		window.removeEventListener('offline', this.#onOffline);
	}

	/** The workspace changed: kept on the device at once, sent shortly after the last change. */
	queue(workspaceText: string): void {
		this.#version = Math.max(this.#version + 1, Date.now());
		const p: Pending = { version: this.#version, workspace: workspaceText };
		localStorage.setItem(this.#key, JSON.stringify(p));
		this.state = navigator.onLine ? 'saving' : 'offline';
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), DELAY_MS);
	}

	/** Sends the newest unsent work, if any. */
	async flush(): Promise<void> {
		const p = this.#unsent();
		if (!p) return;
		if (!navigator.onLine) {
			this.state = 'offline';
			return;
		}
		this.state = 'saving';
		try {
			const res = await fetch(this.#url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ version: p.version, workspace: p.workspace })
			});
			if (!res.ok) throw new Error(String(res.status));
			const now = this.#pending();
			// Only mark what was sent; a newer edit made meanwhile stays queued.
			if (now && now.version <= p.version)
				localStorage.setItem(this.#key, JSON.stringify({ ...p, sent: true }));
			this.state = this.#unsent() ? 'saving' : 'saved';
			if (this.#unsent()) this.#timer = setTimeout(() => void this.flush(), DELAY_MS);
		} catch {
			this.state = 'offline';
		}
	}

	#pending(): Pending | null {
		try {
			return JSON.parse(localStorage.getItem(this.#key) ?? 'null');
		} catch {
			return null;
		}
	}

	#unsent(): Pending | null {
		const p = this.#pending();
		return p && !p.sent ? p : null;
	}

	#onOnline = () => void this.flush();
	#onOffline = () => {
		if (this.#unsent()) this.state = 'offline';
	};
}
