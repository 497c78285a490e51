// What a gradebook cell says, the same on the page and in the Excel file.
import { m } from '$lib/paraglide/messages';
import { statusLabel } from '$lib/projects/messages';
import { formatDate } from '$lib/dates';
import type { GradebookCell } from '$lib/server/gradebook/gradebook';
import type { Mark } from '$lib/server/gradebook/marks';

export function markText(mark: Mark | null): string {
	if (!mark) return '';
	return mark.kind === 'exercises'
		? m.gradebook_exercises_mark({
				passed: String(mark.passed),
				total: String(mark.total),
				stars: String(mark.stars)
			})
		: m.gradebook_project_mark({ points: String(mark.points), max: String(mark.max) });
}

/**
 * The mark, then what the teacher must know in words: late, missing, handed in and waiting, or
 * nothing yet; an extension is named. Work not set for this pupil says so.
 */
export function cellText(cell: GradebookCell): string {
	if (cell.status === null) return m.gradebook_not_set();
	const parts = [markText(cell.mark)];
	// A returned project shows its mark; an exercise set in progress its passes so far.
	if (cell.status === 'late' || cell.status === 'missing' || !cell.mark)
		parts.push(statusLabel(cell.status));
	if (cell.extendedTo) parts.push(m.gradebook_extended({ date: formatDate(cell.extendedTo) }));
	return parts.filter(Boolean).join(' · ');
}

export function percentText(value: number | null): string {
	return value === null ? '—' : m.gradebook_percent({ value: String(value) });
}
