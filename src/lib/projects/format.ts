// Shared by server and browser: times shown in Vietnam's zone whatever the machine's, so the
// server's HTML and the browser's agree.
export function formatTime(ms: number): string {
	return new Date(ms + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** 'YYYY-MM-DD' as the Vietnamese write it: DD/MM/YYYY. */
export function formatDate(iso: string): string {
	const [y, mo, d] = iso.split('-');
	return `${d}/${mo}/${y}`;
}
