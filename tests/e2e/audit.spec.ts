import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { DEMO, openClass, signIn, signOut } from './helpers';

test('the administrator reads who did what in the audit trail, filters it and exports it', async ({
	page
}) => {
	// A teacher resets a pupil's secret and opens the login cards; a sign-in fails somewhere.
	await page.goto('/login');
	await page.locator('#username').fill(DEMO.teacher.username);
	await page.locator('#password').fill('not-the-password');
	await page.locator('main form button[type="submit"]').click();
	await expect(page.getByRole('alert')).toBeVisible();
	await signIn(page, DEMO.teacher, '/teach');
	const classUrl = await openClass(page, '7A1');
	const pupilName = `Lục Văn Z${Date.now().toString(36).slice(-5).toUpperCase()}`;
	await page.getByLabel('Họ và tên').fill(pupilName);
	await page.getByRole('button', { name: 'Thêm vào lớp' }).click();
	await expect(page.getByRole('status')).toContainText(pupilName);
	await page
		.getByRole('row', { name: new RegExp(pupilName) })
		.getByRole('link', { name: 'Cấp lại mật khẩu…' })
		.click();
	await page.getByLabel('Tôi muốn cấp mật khẩu mới cho em').check();
	await page.getByRole('button', { name: 'Cấp mật khẩu mới' }).click();
	await expect(page.getByRole('status')).toContainText(`Mật khẩu mới của ${pupilName}`);
	await page.goto(classUrl + '/cards');
	await expect(page.locator('.login-card').first()).toBeVisible();

	// Nobody but the administrator reads the trail.
	const refused = await page.goto('/admin/audit');
	expect([403, 404]).toContain(refused?.status());
	expect((await page.request.get('/admin/audit/export')).status()).not.toBe(200);
	await signOut(page);

	await signIn(page, DEMO.admin, '/admin');
	await page.getByRole('link', { name: 'Nhật ký' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhật ký hoạt động');
	// Newest first: the cards the teacher opened, then the reset before them.
	const rows = page.locator('tbody tr');
	await expect(rows.first()).toContainText('Đăng nhập'); // the admin's own sign-in
	const cards = page.locator('tbody tr[data-action="class.cards_printed"]').first();
	await expect(cards).toContainText('gv.hoa (giáo viên)');
	await expect(cards).toContainText('THCS Đồng Đăng');
	// Ids only: the pupil's name is nowhere in the trail.
	await expect(page.locator('main')).not.toContainText(pupilName);

	// Filtered by the action and the account.
	await page
		.getByLabel('Thao tác', { exact: true })
		.selectOption({ label: 'Đặt lại mật mã học sinh' });
	await page.getByLabel('Tài khoản', { exact: true }).selectOption({ label: 'gv.hoa' });
	await page.getByRole('button', { name: 'Lọc' }).click();
	await expect(page).toHaveURL(/action=pupil.secret_reset/);
	const reset = page.locator('tbody tr');
	await expect(reset.first()).toContainText('Đặt lại mật mã học sinh');
	for (const action of await reset.evaluateAll((trs) => trs.map((tr) => tr.dataset.action)))
		expect(action).toBe('pupil.secret_reset');
	const count = (await page.getByTestId('audit-count').textContent())!;

	// The failed sign-in: by somebody unknown, on gv.hoa's account.
	await page.goto('/admin/audit?action=auth.signin_failed');
	await expect(page.locator('tbody tr').first()).toContainText('Không rõ');

	// A range that ends before it starts is named, not applied.
	await page.goto('/admin/audit?from=2026-12-31&to=2026-01-01');
	await expect(page.getByRole('alert')).toContainText('Ngày bắt đầu sau ngày kết thúc');

	// The export holds the filtered entries, with the page's labels.
	await page.goto('/admin/audit?action=pupil.secret_reset');
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Xuất Excel' }).click();
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(
		(await readFile((await (await downloading).path())!)) as unknown as ArrayBuffer
	);
	const sheetRows: unknown[][] = [];
	wb.worksheets[0].eachRow((row) => sheetRows.push((row.values as unknown[]).slice(1)));
	const entries = sheetRows.filter((r) => r[2] === 'Đặt lại mật mã học sinh');
	expect(`${entries.length} mục`).toBe(count);
	expect(entries[0][1]).toBe('gv.hoa (giáo viên)');
	expect(JSON.stringify(sheetRows)).not.toContain(pupilName);

	// The export itself is in the trail.
	await page.goto('/admin/audit?action=audit.exported');
	await expect(page.locator('tbody tr').first()).toContainText('admin (quản trị)');
});
