// A small in-process cache for the dashboard's one heavy read (the roster scan behind every pupil count):
// a fresh value is served as is; a stale one is served while a refresh runs after the response, so a
// department page never waits for it again and pupils' writes are not queued behind it on each load.
const TTL_MS = 60_000;
const MAX_ENTRIES = 200;

interface Entry<T> {
	at: number;
	value: Promise<T>;
	refreshing: boolean;
}

const entries = new Map<string, Entry<unknown>>();

export function cached<T>(
	key: string,
	compute: () => Promise<T>,
	ttlMs = TTL_MS,
	now = Date.now()
): Promise<T> {
	const hit = entries.get(key) as Entry<T> | undefined;
	if (hit && now - hit.at < ttlMs) return hit.value;
	if (hit) {
		if (!hit.refreshing) {
			hit.refreshing = true;
			setTimeout(() => {
				compute()
					.then((v) =>
						entries.set(key, { at: Date.now(), value: Promise.resolve(v), refreshing: false })
					)
					.catch(() => entries.delete(key));
			}, 0);
		}
		return hit.value;
	}
	const value = compute();
	value.catch(() => entries.delete(key));
	if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
	entries.set(key, { at: now, value, refreshing: false });
	return value;
}

export function clearCache() {
	entries.clear();
}
