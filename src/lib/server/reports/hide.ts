// Children's data: a group of fewer than 10 pupils is never shown, in pages and exports alike,
// so that no child can be singled out by a breakdown.
export const MIN_GROUP = 10;
export const HIDDEN_LABEL = '< 10';

export type Hidden<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null } & {
	hidden: boolean;
};

/** The row with `fields` set to null when its group has fewer than MIN_GROUP pupils. */
export function hideSmall<T extends object, K extends keyof T>(
	row: T,
	pupils: number,
	fields: readonly K[]
): Hidden<T, K> {
	const hidden = pupils < MIN_GROUP;
	const out = { ...row, hidden } as Hidden<T, K>;
	if (hidden) for (const f of fields) (out as Record<K, unknown>)[f] = null;
	return out;
}

/** What a page or a spreadsheet cell shows for a value that may be hidden. */
export function shown(value: number | null | undefined, hidden: boolean): number | string {
	if (hidden || value === null || value === undefined) return hidden ? HIDDEN_LABEL : '';
	return value;
}
