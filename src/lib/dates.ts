// Dates and times as the pages show them, shared by server and browser: in Vietnam's zone (UTC+7 all
// year) whatever the machine's, so the server's HTML and the browser's agree.

/** A moment (ms since the epoch) as 'YYYY-MM-DD HH:MM' in Vietnam. */
export function formatTime(ms: number): string {
	return new Date(ms + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** 'YYYY-MM-DD' as the Vietnamese write it: DD/MM/YYYY ('' for none). */
export function formatDate(iso: string | null): string {
	if (!iso) return '';
	const [y, mo, d] = iso.split('-');
	return `${d}/${mo}/${y}`;
}
