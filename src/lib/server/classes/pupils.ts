import type { Conn } from '../db';
import type { Gender } from '../db/types';
import { cleanText } from '$lib/text/normalize';
import { generateSecret, secretKindForGrade, type SecretKind } from '$lib/secrets';
import { isIsoDate } from '../schools/schools';
import { invalidateUserSessions } from '../auth/session';
import { record, type Actor } from '../audit/log';

export interface PupilInput {
	fullName: string;
	gender: Gender | null;
	birthDate: string | null;
	ethnicity: string | null;
	/** The school's pupil code (Mã học sinh), when known. */
	pupilCode?: string | null;
}

export interface RosterPupil extends PupilInput {
	id: number;
	secretKind: SecretKind;
	secret: string;
	enrolledOn: string;
}

export type PupilError =
	| 'name_missing'
	| 'name_too_long'
	| 'date_invalid'
	| 'gender_invalid'
	| 'ethnicity_too_long'
	| 'duplicate_in_file'
	| 'duplicate_in_class'
	| 'code_invalid'
	| 'code_taken';

export function today(now = Date.now()): string {
	// Dates are Vietnam's (UTC+7), whatever the server's zone.
	return new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Pupils of the class now, sorted as Vietnamese class lists are: by given name, then full name. */
export async function listRoster(db: Conn, classId: number): Promise<RosterPupil[]> {
	const rows = await db
		.selectFrom('enrolments')
		.innerJoin('users', 'users.id', 'enrolments.pupil_id')
		.innerJoin('pupil_profiles', 'pupil_profiles.user_id', 'users.id')
		.select([
			'users.id',
			'users.full_name',
			'pupil_profiles.gender',
			'pupil_profiles.birth_date',
			'pupil_profiles.ethnicity',
			'pupil_profiles.secret_kind',
			'pupil_profiles.secret',
			'pupil_profiles.pupil_code',
			'enrolments.started_on'
		])
		.where('enrolments.class_id', '=', classId)
		.where('enrolments.ended_on', 'is', null)
		.execute();
	const pupils = rows.map((r) => ({
		id: r.id,
		fullName: r.full_name,
		gender: r.gender,
		birthDate: r.birth_date,
		ethnicity: r.ethnicity,
		secretKind: r.secret_kind,
		secret: r.secret,
		pupilCode: r.pupil_code,
		enrolledOn: r.started_on
	}));
	return sortByGivenName(pupils);
}

export function sortByGivenName<T extends { fullName: string }>(pupils: T[]): T[] {
	const given = (n: string) => n.split(' ').at(-1) ?? n;
	return [...pupils].sort(
		(a, b) =>
			given(a.fullName).localeCompare(given(b.fullName), 'vi') ||
			a.fullName.localeCompare(b.fullName, 'vi')
	);
}

/** Two pupils are the same when their names match (NFC, any case) and so do their birth dates. */
export function duplicateKey(p: { fullName: string; birthDate: string | null }): string {
	return `${cleanText(p.fullName).toLocaleLowerCase('vi')}|${p.birthDate ?? ''}`;
}

export async function classDuplicateKeys(db: Conn, classId: number): Promise<Set<string>> {
	return new Set((await listRoster(db, classId)).map(duplicateKey));
}

/** A school's pupil code: letters, digits and dashes, 1–20 (the sector's database uses 10 digits). */
const PUPIL_CODE = /^[A-Z0-9-]{1,20}$/;

/** A plausible school-age birth date: a real calendar day, aged 3 to 25. */
export function isPlausibleBirthDate(iso: string, now = Date.now()): boolean {
	if (!isIsoDate(iso)) return false;
	const year = Number(iso.slice(0, 4));
	const thisYear = new Date(now).getUTCFullYear();
	return year >= thisYear - 25 && year <= thisYear - 3;
}

/** Cleans one pupil's fields and lists what is wrong with them (duplicates are checked by the caller). */
export function checkPupil(input: {
	fullName: unknown;
	gender: unknown;
	birthDate: unknown;
	ethnicity: unknown;
	pupilCode?: unknown;
}): { value: PupilInput; errors: PupilError[] } {
	const errors: PupilError[] = [];
	const fullName = cleanText(input.fullName);
	if (!fullName) errors.push('name_missing');
	else if (fullName.length > 120) errors.push('name_too_long');
	const g = input.gender === '' || input.gender == null ? null : String(input.gender);
	if (g !== null && g !== 'female' && g !== 'male') errors.push('gender_invalid');
	const b = input.birthDate === '' || input.birthDate == null ? null : String(input.birthDate);
	if (b !== null && !isPlausibleBirthDate(b)) errors.push('date_invalid');
	const ethnicity = cleanText(input.ethnicity) || null;
	if (ethnicity && ethnicity.length > 50) errors.push('ethnicity_too_long');
	const pupilCode = cleanText(input.pupilCode).toUpperCase() || null;
	if (pupilCode && !PUPIL_CODE.test(pupilCode)) errors.push('code_invalid');
	return {
		value: { fullName, gender: g as Gender | null, birthDate: b, ethnicity, pupilCode },
		errors
	};
}

/** Adds a pupil to a class with a new sign-in secret suited to the class's grade. */
export async function addPupil(
	db: Conn,
	actor: Actor,
	cls: { id: number; schoolId: number; grade: number },
	pupil: PupilInput,
	now = Date.now(),
	randomInt?: (n: number) => number
): Promise<number> {
	const user = await db
		.insertInto('users')
		.values({
			role: 'student',
			school_id: cls.schoolId,
			full_name: pupil.fullName,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const kind = secretKindForGrade(cls.grade);
	await db
		.insertInto('pupil_profiles')
		.values({
			user_id: user.id,
			gender: pupil.gender,
			birth_date: pupil.birthDate,
			ethnicity: pupil.ethnicity,
			secret_kind: kind,
			secret: generateSecret(kind, randomInt),
			pupil_code: pupil.pupilCode ?? null
		})
		.execute();
	await db
		.insertInto('enrolments')
		.values({ class_id: cls.id, pupil_id: user.id, started_on: today(now) })
		.execute();
	await record(
		db,
		actor,
		{
			action: 'pupil.created',
			target: { type: 'user', id: user.id },
			schoolId: cls.schoolId,
			detail: { classId: cls.id }
		},
		now
	);
	return user.id;
}

/** A pupil of this class now, or undefined (routes answer 404). */
export async function getPupilInClass(db: Conn, classId: number, pupilId: number) {
	if (!Number.isInteger(pupilId)) return undefined;
	return (await listRoster(db, classId)).find((p) => p.id === pupilId);
}

/** A new secret, of the kind the class's grade uses; the pupil's sessions end. */
export async function resetSecret(
	db: Conn,
	actor: Actor,
	cls: { id: number; schoolId: number; grade: number },
	pupilId: number
): Promise<void> {
	const kind = secretKindForGrade(cls.grade);
	await db
		.updateTable('pupil_profiles')
		.set({ secret_kind: kind, secret: generateSecret(kind) })
		.where('user_id', '=', pupilId)
		.execute();
	await invalidateUserSessions(db, pupilId);
	await record(db, actor, {
		action: 'pupil.secret_reset',
		target: { type: 'user', id: pupilId },
		schoolId: cls.schoolId,
		detail: { classId: cls.id }
	});
}

/**
 * Moves a pupil to another class of the same school: the current enrolment ends today and a
 * new one starts, so the pupil's work and history stay attached to the pupil.
 */
export async function movePupil(
	db: Conn,
	actor: Actor,
	from: { id: number; schoolId: number },
	pupilId: number,
	toClassId: number,
	now = Date.now()
) {
	const day = today(now);
	const fromClassId = from.id;
	await db
		.updateTable('enrolments')
		.set({ ended_on: day })
		.where('pupil_id', '=', pupilId)
		.where('class_id', '=', fromClassId)
		.where('ended_on', 'is', null)
		.execute();
	await db
		.insertInto('enrolments')
		.values({ class_id: toClassId, pupil_id: pupilId, started_on: day })
		.execute();
	await record(
		db,
		actor,
		{
			action: 'pupil.moved',
			target: { type: 'user', id: pupilId },
			schoolId: from.schoolId,
			detail: { fromClassId, toClassId }
		},
		now
	);
}

export async function enrolmentHistory(db: Conn, pupilId: number) {
	return db
		.selectFrom('enrolments')
		.innerJoin('classes', 'classes.id', 'enrolments.class_id')
		.select(['classes.name', 'enrolments.class_id', 'enrolments.started_on', 'enrolments.ended_on'])
		.where('enrolments.pupil_id', '=', pupilId)
		.orderBy('enrolments.id')
		.execute();
}
