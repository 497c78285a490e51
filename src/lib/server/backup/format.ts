// Times as the pages show them: "HH:MM, dd/mm/yyyy" in Vietnam's time (UTC+7 all year).
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function asOfTime(at: number): string {
	const t = new Date(at + VIETNAM_OFFSET_MS).toISOString();
	return `${t.slice(11, 16)}, ${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
}
