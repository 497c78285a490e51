import QRCode from 'qrcode';
import { requireTeacherClass } from '$lib/server/classes/guard';
import { listRoster } from '$lib/server/classes/pupils';
import { picturesOf, wordsOf } from '$lib/secrets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, cls } = await requireTeacherClass(event);
	// The QR code opens the class's sign-in page, where the child picks their name.
	const joinUrl = `${event.url.origin}/join/${cls.joinCode}`;
	const qr = await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	const pupils = (await listRoster(db, cls.id)).map((p) => ({
		id: p.id,
		fullName: p.fullName,
		pictures: p.secretKind === 'pictures' ? picturesOf(p.secret) : null,
		words: p.secretKind === 'words' ? wordsOf(p.secret) : null
	}));
	return { cls, joinUrl, qr, pupils };
};
