// A class list imported again as an update: each row of the file is matched to a pupil of the class
// (by the school's pupil code, else by name and birth date), so the preview shows who is new, who
// changes and how, and who is no longer on the list (they stay unless the teacher ticks them to
// leave). Nothing is applied until the teacher confirms, and then all of it or nothing.
import type { Conn } from '../db';
import { foldKey } from '$lib/text/normalize';
import { record, type Actor } from '../audit/log';
import {
	addPupil,
	checkPupil,
	duplicateKey,
	listRoster,
	type PupilError,
	type PupilInput,
	type RosterPupil
} from './pupils';
import { leaveClass, schoolPupilCodes, updatePupil } from './pupil-changes';
import { MAX_ROWS, type FileError, type ImportRow } from './roster-import';

/** The fields an update may change, in the order the preview names them. */
export const FIELDS = ['fullName', 'gender', 'birthDate', 'ethnicity', 'pupilCode'] as const;
export type Field = (typeof FIELDS)[number];

export interface PlannedRow extends ImportRow {
	/** The pupil of the class this row is, with the fields it changes; null: a new pupil. */
	match: { pupilId: number; fullName: string; changes: Field[] } | null;
}

export interface RosterPlan {
	rows: PlannedRow[];
	/** Pupils of the class that no row names. */
	missing: { id: number; fullName: string }[];
}

/** The pupil's details after the row: an empty cell keeps what the class list had. */
export function merged(pupil: PupilInput, row: PupilInput): PupilInput {
	return {
		fullName: row.fullName || pupil.fullName,
		gender: row.gender ?? pupil.gender,
		birthDate: row.birthDate ?? pupil.birthDate,
		ethnicity: row.ethnicity ?? pupil.ethnicity,
		pupilCode: row.pupilCode ?? pupil.pupilCode ?? null
	};
}

/**
 * The pupil of the class a row names: same code; else same name and birth date (or one of them has
 * none). A pupil an earlier row named is named again (the caller refuses the repeat).
 */
function findMatch(row: PupilInput, roster: RosterPupil[]) {
	if (row.pupilCode) {
		const byCode = roster.find((p) => p.pupilCode === row.pupilCode);
		if (byCode) return byCode;
	}
	const exact = roster.filter((p) => duplicateKey(p) === duplicateKey(row));
	if (exact.length === 1) return exact[0];
	const sameName = roster.filter(
		(p) =>
			foldKey(p.fullName) === foldKey(row.fullName) &&
			(!p.birthDate || !row.birthDate) &&
			// Two different codes are two pupils, whatever their names.
			!(p.pupilCode && row.pupilCode)
	);
	return sameName.length === 1 ? sameName[0] : undefined;
}

/**
 * Matches the file's rows to the class. `schoolCodes` maps each pupil code of the school to its
 * pupil: a code another pupil holds is refused.
 */
export function planRoster(
	rows: ImportRow[],
	roster: RosterPupil[],
	schoolCodes: Map<string, number>
): RosterPlan {
	const matched = new Set<number>();
	const newKeys = new Set<string>();
	const planned = rows.map((row): PlannedRow => {
		const errors: PupilError[] = [...row.errors];
		const pupil = row.value.fullName ? findMatch(row.value, roster) : undefined;
		const code = row.value.pupilCode;
		if (pupil && matched.has(pupil.id)) errors.push('duplicate_in_file');
		if (!pupil && row.value.fullName) {
			if (newKeys.has(duplicateKey(row.value))) errors.push('duplicate_in_file');
			newKeys.add(duplicateKey(row.value));
		}
		const holder = code ? schoolCodes.get(code) : undefined;
		if (holder !== undefined && holder !== pupil?.id) errors.push('code_taken');
		if (!pupil) return { ...row, errors, match: null };
		matched.add(pupil.id);
		const after = merged(pupil, row.value);
		const changes = FIELDS.filter((f) => (pupil[f] ?? null) !== (after[f] ?? null));
		return {
			...row,
			value: after,
			errors,
			match: { pupilId: pupil.id, fullName: pupil.fullName, changes }
		};
	});
	// Codes new in this file, given twice.
	const seen = new Map<string, number>();
	for (const r of planned) {
		const code = r.value.pupilCode;
		if (!code) continue;
		if (seen.has(code) && seen.get(code) !== r.match?.pupilId) r.errors.push('code_taken');
		seen.set(code, r.match?.pupilId ?? -r.line);
	}
	const missing = roster
		.filter((p) => !matched.has(p.id))
		.map((p) => ({ id: p.id, fullName: p.fullName }));
	return { rows: planned, missing };
}

/** The class's pupils and the school's codes, then the plan of these rows. */
export async function planForClass(
	db: Conn,
	cls: { id: number; schoolId: number },
	rows: ImportRow[]
): Promise<RosterPlan> {
	const codes = await schoolPupilCodes(db, cls.schoolId);
	return planRoster(rows, await listRoster(db, cls.id), codes);
}

export type UpdateResult =
	| { ok: true; added: number; changed: number; left: number }
	| { ok: false; plan: RosterPlan }
	| { ok: false; error: FileError };

/** The submitted rows (the preview's, sent back) checked and planned against the class as it is now. */
export async function planSubmitted(
	db: Conn,
	cls: { id: number; schoolId: number },
	submitted: unknown
): Promise<{ ok: true; plan: RosterPlan } | { ok: false; error: FileError }> {
	if (!Array.isArray(submitted) || submitted.length === 0) return { ok: false, error: 'no_rows' };
	if (submitted.length > MAX_ROWS) return { ok: false, error: 'too_many_rows' };
	const rows = submitted.map((r, i) => {
		const v = (r && typeof r === 'object' ? r : {}) as Record<string, unknown>;
		const { value, errors } = checkPupil(v as Parameters<typeof checkPupil>[0]);
		return { line: Number(v.line) || i + 2, value, errors };
	});
	return { ok: true, plan: await planForClass(db, cls, rows) };
}

/**
 * Applies the previewed update, planned again here against the class as it is now, in the caller's
 * transaction: new pupils added, matched ones updated, the ticked missing ones leave the class.
 */
export async function applyRosterUpdate(
	db: Conn,
	actor: Actor,
	cls: { id: number; schoolId: number; grade: number },
	submitted: unknown,
	leaveIds: number[]
): Promise<UpdateResult> {
	const planned = await planSubmitted(db, cls, submitted);
	if (!planned.ok) return planned;
	const { plan } = planned;
	if (plan.rows.some((r) => r.errors.length)) return { ok: false, plan };
	const roster = new Map((await listRoster(db, cls.id)).map((p) => [p.id, p]));
	let added = 0;
	let changed = 0;
	for (const row of plan.rows) {
		if (!row.match) {
			await addPupil(db, actor, cls, row.value);
			added++;
		} else if (row.match.changes.length) {
			await updatePupil(db, actor, cls, roster.get(row.match.pupilId)!, row.value);
			changed++;
		}
	}
	const leaving = plan.missing.filter((p) => leaveIds.includes(p.id));
	for (const p of leaving) await leaveClass(db, actor, cls, p.id);
	await record(db, actor, {
		action: 'class.roster_imported',
		target: { type: 'class', id: cls.id },
		schoolId: cls.schoolId,
		detail: { added, changed, left: leaving.length }
	});
	return { ok: true, added, changed, left: leaving.length };
}
