import { expect, test } from '@playwright/test';
import { DEMO, openClass, signIn } from './helpers';

test('the teacher keeps the roster true: edits a pupil, gives a new secret with one card, and the pupil leaves', async ({
	page
}) => {
	await signIn(page, DEMO.teacher, '/teach');
	const classUrl = await openClass(page, '7A1');
	const name = `Chu Văn Z${Date.now().toString(36).slice(-5).toUpperCase()}`;
	const code = `HS${Date.now().toString().slice(-8)}`;
	await page.getByLabel('Họ và tên').fill(name);
	await page.getByRole('button', { name: 'Thêm vào lớp' }).click();
	await expect(page.getByRole('status')).toContainText(name);

	// Edit: the pupil code, and a name typed wrongly at first.
	await page.getByRole('link', { name: `Sửa thông tin của ${name}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Học sinh ${name}`);
	await page.getByLabel('Mã học sinh').fill('mã sai/1');
	await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await expect(page.getByRole('alert')).toContainText('Mã học sinh chỉ gồm chữ, số');
	await page.getByLabel('Mã học sinh').fill(code.toLowerCase());
	await page.getByLabel('Giới tính').selectOption({ label: 'Nam' });
	await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await expect(page.getByRole('status')).toContainText(`Đã lưu thông tin của ${name}`);
	await page.goto(classUrl);
	const row = page.getByRole('row', { name: new RegExp(name) });
	await expect(row).toContainText(code);
	await expect(row).toContainText('Nam');

	// A new secret asks for confirmation, then shows the secret and prints one card.
	await row.getByRole('link', { name: 'Cấp lại mật khẩu…' }).click();
	await page.getByRole('button', { name: 'Cấp mật khẩu mới' }).click();
	await expect(page.getByRole('alert')).toContainText('Hãy đánh dấu ô xác nhận');
	await page.getByLabel('Tôi muốn cấp mật khẩu mới cho em').check();
	await page.getByRole('button', { name: 'Cấp mật khẩu mới' }).click();
	const shown = page.getByRole('status');
	await expect(shown).toContainText(`Mật khẩu mới của ${name}`);
	const secret = (await shown.locator('.secret').textContent())!.replace(/\s+/g, ' ').trim();
	await shown.getByRole('link', { name: 'In thẻ đăng nhập của em' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Thẻ đăng nhập của ${name}`);
	await expect(page.locator('.login-card')).toHaveCount(1);
	const onCard = (await page.locator('.login-card .secret').textContent())!.replace(/\s+/g, ' ');
	for (const part of secret.split(/ · | /).filter((w) => w.length > 1))
		expect(onCard).toContain(part);

	// Leaving the class: confirmed, then off the roster and listed among those who left.
	await page.goto(classUrl);
	await page.getByRole('link', { name: `Sửa thông tin của ${name}` }).click();
	await page.getByRole('button', { name: 'Cho rời lớp' }).click();
	await expect(page.getByRole('alert')).toContainText('Hãy đánh dấu ô xác nhận');
	await page.getByLabel(`Tôi xác nhận em ${name} rời lớp 7A1`).check();
	await page.getByRole('button', { name: 'Cho rời lớp' }).click();
	await expect(page).toHaveURL(/\/teach\/classes\/\d+\?left=\d+$/);
	await expect(page.getByRole('status')).toContainText(`${name} đã rời lớp 7A1`);
	await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
	await expect(page.locator('details')).toContainText(name);
});
