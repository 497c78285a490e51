import QRCode from 'qrcode';
import { requireTeacherClass } from '$lib/server/classes/guard';
import { loginCards } from '$lib/server/classes/cards';
import { actorOf } from '$lib/server/audit/log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, cls } = await requireTeacherClass(event);
	// The QR code opens the class's sign-in page, where the child picks their name.
	const joinUrl = `${event.url.origin}/join/${cls.joinCode}`;
	const qr = await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	// ?pupil=<id>: one pupil's card, printed after a new secret.
	const one = Number(event.url.searchParams.get('pupil'));
	const only = Number.isInteger(one) && one > 0 ? one : null;
	const pupils = await loginCards(db, actorOf(event), cls, Date.now(), only);
	return { cls, joinUrl, qr, pupils, only: only !== null };
};
