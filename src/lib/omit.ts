// A shallow copy of an object without some of its keys, for leaving fields out of what is sent or saved.

export function omit<T extends object, K extends keyof T>(object: T, ...keys: K[]): Omit<T, K> {
	const copy: Partial<T> = { ...object };
	for (const key of keys) delete copy[key];
	return copy as Omit<T, K>;
}
