import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
	it('uses argon2id with a salt, and verifies', async () => {
		const h1 = await hashPassword('mamstem-demo');
		const h2 = await hashPassword('mamstem-demo');
		expect(h1.startsWith('$argon2id$')).toBe(true);
		expect(h1).not.toBe(h2);
		expect(h1).not.toContain('mamstem-demo');
		expect(await verifyPassword(h1, 'mamstem-demo')).toBe(true);
		expect(await verifyPassword(h1, 'mamstem-dem0')).toBe(false);
	});

	it('treats a Vietnamese password typed in NFD like its NFC form', async () => {
		const h = await hashPassword('mật khẩu hoa hồi');
		expect(await verifyPassword(h, 'mật khẩu hoa hồi'.normalize('NFD'))).toBe(true);
	});

	it('answers false, not an error, for a malformed hash', async () => {
		expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
	});
});
