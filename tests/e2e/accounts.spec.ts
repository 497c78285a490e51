import { expect, test } from '@playwright/test';
import { DEMO, signIn, signOut } from './helpers';

test('the administrator resets a teacher’s password and disables the account', async ({
	page,
	browser
}) => {
	const username = `gv.acc${Date.now().toString(36)}`;
	await signIn(page, DEMO.admin, '/admin');
	await page.goto('/admin/staff');
	await page.getByLabel('Trường', { exact: true }).selectOption({ index: 1 });
	await page.getByLabel('Họ và tên').fill('Mã Thị Xuân');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu ban đầu').fill('first-password');
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
	await expect(page.getByRole('status')).toContainText(username);

	// The teacher is signed in elsewhere when the administrator resets the password.
	const other = await browser.newPage();
	// The password the admin chose must be replaced at first sign-in: every page leads there.
	await signIn(other, { username, password: 'first-password' }, '/account/password');
	await other.goto('/teach');
	await expect(other).toHaveURL(/\/account\/password/);
	await other.locator('#current').fill('first-password');
	await other.locator('#password').fill('12345678');
	await other.locator('#confirm').fill('12345678');
	await other.locator('main form button[type="submit"]').click();
	await expect(other.getByRole('alert')).toContainText('quá phổ biến');
	await other.locator('#current').fill('first-password');
	await other.locator('#password').fill('Xuan-tu-chon-2026');
	await other.locator('#confirm').fill('Xuan-tu-chon-2026');
	await other.locator('main form button[type="submit"]').click();
	await expect(other).toHaveURL(/\/teach(\?|$|\/)/);
	const row = page.getByRole('row', { name: new RegExp(username) });
	await row.getByLabel(`Mật khẩu mới cho ${username}`).fill('second-password');
	await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
	await expect(page.getByRole('status')).toContainText(
		'các phiên đăng nhập của người đó đã kết thúc'
	);
	await other.goto('/teach');
	await expect(other).toHaveURL(/\/login/);
	// A reset by the admin is again a password to replace at the next sign-in.
	await signIn(other, { username, password: 'second-password' }, '/account/password');

	// Disabling ends the session at once and refuses the next sign-in.
	await page
		.getByRole('row', { name: new RegExp(username) })
		.getByRole('button', { name: 'Khoá' })
		.click();
	await expect(page.getByRole('row', { name: new RegExp(username) })).toContainText('Đã khoá');
	await other.goto('/teach');
	await expect(other).toHaveURL(/\/login/);
	await other.locator('#username').fill(username);
	await other.locator('#password').fill('second-password');
	await other.locator('main form button[type="submit"]').click();
	await expect(other.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
	await other.close();
});

test('the administrator edits a school and sets the current school year', async ({ page }) => {
	await signIn(page, DEMO.admin, '/admin');
	await page.goto('/admin/schools');
	await page.getByRole('link', { name: 'Trường THPT Bình Gia' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trường THPT Bình Gia');
	await page.getByLabel('Xã, phường').fill('Xã Bình Gia (mới)');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã lưu.');
	await page.goto('/admin/schools');
	await expect(page.getByRole('row', { name: /Trường THPT Bình Gia/ })).toContainText(
		'Xã Bình Gia (mới)'
	);
	// A name already used is refused with a message, and nothing changes.
	await page.getByRole('link', { name: 'Trường THPT Bình Gia' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trường THPT Bình Gia');
	await page.getByLabel('Tên trường').fill('Trường THCS Đồng Đăng');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByText('Đã có, hãy chọn tên khác.')).toBeVisible();

	await page.goto('/admin/years');
	await expect(page.getByRole('row', { name: /Năm học hiện tại/ })).toHaveCount(1);
	await page.getByLabel('Năm học').fill('2030-2031');
	await page.getByLabel('Ngày bắt đầu').fill('2030-09-05');
	await page.getByLabel('Ngày kết thúc').fill('2031-05-31');
	await page.getByRole('button', { name: 'Thêm năm học' }).click();
	await expect(page.getByRole('row', { name: /2030–2031/ })).toBeVisible();
	// An impossible name is refused in Vietnamese.
	await page.getByLabel('Năm học').fill('2030');
	await page.getByLabel('Ngày bắt đầu').fill('2030-09-05');
	await page.getByLabel('Ngày kết thúc').fill('2031-05-31');
	await page.getByRole('button', { name: 'Thêm năm học' }).click();
	await expect(page.getByRole('alert')).toHaveText('Năm học viết như 2026–2027.');
});

test('repeated failures are answered with 429 and when to try again', async ({ page }) => {
	const ghost = `khong.co.${Date.now().toString(36)}`;
	for (let i = 0; i < 5; i++) {
		await page.goto('/login');
		await page.locator('#username').fill(ghost);
		await page.locator('#password').fill('wrong-password');
		await page.locator('main form button[type="submit"]').click();
		await expect(page.getByRole('alert')).toBeVisible();
	}
	await expect(page.getByRole('alert')).toContainText(
		'Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút'
	);
	// The plain form post (no JavaScript) gets the HTTP status itself.
	const response = await page.request.post('/login', {
		form: { username: ghost, password: 'wrong-password' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
	expect(response.status()).toBe(429);
	expect(response.headers()['retry-after']).toMatch(/^\d+$/);
	expect(await response.text()).toContain('Hãy thử lại sau');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('a teacher signs in and adds a pupil with plain forms', async ({ page }) => {
		// THPT Bình Gia's 11A1: other journeys count the lower-secondary demo classes.
		await signIn(page, { username: 'gv.long', password: 'mamstem-demo' }, '/teach');
		await page.getByRole('link', { name: /Lớp 11A1/ }).click();
		await page.getByLabel('Họ và tên').fill(`Hoàng Thị Mới ${Date.now().toString(36)}`);
		await page.getByLabel('Giới tính').selectOption('female');
		await page.getByRole('button', { name: 'Thêm vào lớp' }).click();
		await expect(page.getByRole('status')).toContainText('Đã thêm Hoàng Thị Mới');
		await signOut(page);
	});
});

test('health check answers with the schema version', async ({ request }) => {
	const r = await request.get('/healthz');
	expect(r.status()).toBe(200);
	const body = await r.json();
	expect(body.ok).toBe(true);
	expect(body.schema).toMatch(/^\d{4}_.+\.sql$/);
	// The dashboard's figures prepared at start are ready soon after.
	await expect
		.poll(async () => (await (await request.get('/healthz')).json()).dashboard)
		.toBe('ready');
});
