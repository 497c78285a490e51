import { fail, redirect } from '@sveltejs/kit';
import { notFound } from '$lib/server/auth/guard';
import { requireOpenClass, requireTeacherClass } from '$lib/server/classes/guard';
import * as classes from '$lib/server/classes/classes';
import * as pupils from '$lib/server/classes/pupils';
import * as changes from '$lib/server/classes/pupil-changes';
import * as teachers from '$lib/server/classes/teachers';
import { archiveOf } from '$lib/server/classes/rollover';
import * as locks from '$lib/server/auth/locks';
import { formerPupils } from '$lib/server/privacy/export';
import { actorOf } from '$lib/server/audit/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, db, cls } = await requireTeacherClass(event);
	return {
		cls,
		pupils: await pupils.listRoster(db, cls.id),
		locks: await locks.classLocks(db, cls.id),
		former: await formerPupils(db, cls.id),
		me: user.id,
		archived: (await archiveOf(db, cls.id)) ?? null,
		teachers: await teachers.classTeachers(db, cls.id),
		candidates: await teachers.schoolTeachers(db, cls.schoolId),
		// After a pupil left (their page sends the teacher back here): whom to name.
		leftId: Number(event.url.searchParams.get('left')) || null,
		otherClasses: (await classes.listSchoolClasses(db, user.schoolId)).filter(
			(c) => c.id !== cls.id
		)
	};
};

export const actions: Actions = {
	addPupil: async (event) => {
		const { db, cls } = await requireOpenClass(event);
		const form = await event.request.formData();
		const raw = {
			fullName: String(form.get('fullName') ?? '').slice(0, 500),
			gender: String(form.get('gender') ?? ''),
			birthDate: String(form.get('birthDate') ?? ''),
			ethnicity: String(form.get('ethnicity') ?? '').slice(0, 500),
			pupilCode: String(form.get('pupilCode') ?? '').slice(0, 100)
		};
		const { value, errors } = pupils.checkPupil(raw);
		// Not twice in the class, and a pupil code no other pupil of the school has.
		if (!errors.length) errors.push(...(await changes.checkPupilChange(db, cls, 0, value)));
		if (errors.length) return fail(400, { add: raw, errors });
		const saved = await changes.savingCodes(db, (tx) =>
			pupils.addPupil(tx, actorOf(event), cls, value)
		);
		if (!saved.ok) {
			errors.push('code_taken');
			return fail(400, { add: raw, errors });
		}
		return { added: value.fullName };
	},
	move: async (event) => {
		const { user, db, cls } = await requireOpenClass(event);
		const form = await event.request.formData();
		const pupil = await pupils.getPupilInClass(db, cls.id, Number(form.get('pupilId')));
		if (!pupil) notFound();
		const targetId = Number(form.get('toClassId'));
		const target = (await classes.listSchoolClasses(db, user.schoolId)).find(
			(c) => c.id === targetId
		);
		if (!target || target.id === cls.id) return fail(400, { moveError: true });
		await db
			.transaction()
			.execute((tx) => pupils.movePupil(tx, actorOf(event), cls, pupil.id, target.id));
		return { moved: pupil.fullName, movedTo: target.name };
	},
	liftLock: async (event) => {
		const { db, cls } = await requireTeacherClass(event);
		const form = await event.request.formData();
		const pupil = await pupils.getPupilInClass(db, cls.id, Number(form.get('pupilId')));
		if (!pupil) notFound();
		await db.transaction().execute((tx) => locks.liftPupilLock(tx, actorOf(event), cls, pupil.id));
		return { lifted: pupil.fullName };
	},
	addTeacher: async (event) => {
		const { db, cls } = await requireOpenClass(event);
		const teacherId = Number((await event.request.formData()).get('teacherId'));
		const r = await db
			.transaction()
			.execute((tx) => teachers.addClassTeacher(tx, actorOf(event), cls, teacherId));
		if (!r.ok) return fail(400, { teacherError: r.error });
		return { teacherAdded: true };
	},
	removeTeacher: async (event) => {
		const { user, db, cls } = await requireOpenClass(event);
		const teacherId = Number((await event.request.formData()).get('teacherId'));
		const r = await db
			.transaction()
			.execute((tx) => teachers.removeClassTeacher(tx, actorOf(event), cls, teacherId));
		if (!r.ok) return fail(400, { teacherError: r.error });
		// A teacher who leaves the class no longer sees it.
		if (teacherId === user.id) redirect(303, '/teach');
		return { teacherRemoved: true };
	},
	rename: async (event) => {
		const { db, cls } = await requireOpenClass(event);
		const name = String((await event.request.formData()).get('name') ?? '').slice(0, 100);
		const r = await db
			.transaction()
			.execute((tx) => classes.renameClass(tx, actorOf(event), cls, name));
		if (!r.ok) return fail(400, { renameError: r.error });
		return { renamed: r.name };
	},
	archive: async (event) => {
		const { db, cls } = await requireOpenClass(event);
		if ((await event.request.formData()).get('confirm') !== 'on')
			return fail(400, { archiveConfirm: true });
		await db.transaction().execute((tx) => classes.setClassArchived(tx, actorOf(event), cls, true));
		return { archived: true };
	},
	unarchive: async (event) => {
		const { db, cls } = await requireTeacherClass(event);
		await db
			.transaction()
			.execute((tx) => classes.setClassArchived(tx, actorOf(event), cls, false));
		return { unarchived: true };
	},
	liftAddressLock: async (event) => {
		const { db, cls } = await requireTeacherClass(event);
		await db.transaction().execute((tx) => locks.liftClassAddressLocks(tx, actorOf(event), cls));
		return { liftedAddress: true };
	}
};
