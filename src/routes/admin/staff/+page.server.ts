import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { notFound, requireRole } from '$lib/server/auth/guard';
import * as accounts from '$lib/server/auth/accounts';
import { listSchools } from '$lib/server/schools/schools';
import { actorOf } from '$lib/server/audit/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = database();
	return { staff: await accounts.listStaff(db), schools: await listSchools(db) };
};

async function staffFrom(form: FormData) {
	const account = await accounts.findStaffById(database(), Number(form.get('userId')));
	if (!account) notFound();
	return account;
}

export const actions: Actions = {
	create: async (event) => {
		requireRole(event, 'admin');
		const form = await event.request.formData();
		const input = {
			role: String(form.get('role') ?? ''),
			username: String(form.get('username') ?? '').slice(0, 100),
			fullName: String(form.get('fullName') ?? '').slice(0, 500),
			schoolId: Number(form.get('schoolId')) || null,
			password: String(form.get('password') ?? '').slice(0, 1000)
		};
		const result = await accounts.createStaff(database(), actorOf(event), input);
		if (!result.ok) return fail(400, { input: { ...input, password: '' }, errors: result.errors });
		return { created: input.username };
	},
	resetPassword: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const account = await staffFrom(form);
		const password = String(form.get('password') ?? '');
		const problem = accounts.passwordProblem(password, account.username);
		if (problem) return fail(400, { resetError: problem, userId: account.id });
		await database()
			.transaction()
			.execute((tx) => accounts.setPassword(tx, actorOf(event), account.id, password));
		return { reset: account.username, self: account.id === admin.id };
	},
	setDisabled: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const account = await staffFrom(form);
		// An administrator cannot lock themself out.
		if (account.id === admin.id) return fail(400, { selfDisable: true });
		await database()
			.transaction()
			.execute((tx) =>
				accounts.setDisabled(tx, actorOf(event), account.id, form.get('disabled') === '1')
			);
		return { toggled: account.username };
	}
};
