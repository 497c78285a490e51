import { expect, test } from '@playwright/test';
import { DEMO, openClass, pupilSecretFromCards, signIn, signInPupil, signOut } from './helpers';

test('the administrator creates a school and a teacher, who sets up and imports a class', async ({
	page
}) => {
	const stamp = Date.now().toString(36);
	const schoolName = `Trường THCS Hữu Lũng ${stamp}`;
	const username = `gv.e2e${stamp}`;

	await signIn(page, DEMO.admin, '/admin');
	await page.goto('/admin/schools');
	await page.getByLabel('Tên trường').fill(schoolName);
	await page.getByLabel('Xã, phường').fill('Xã Hữu Lũng');
	await page.getByLabel('Cấp học').selectOption('lower_secondary');
	await page.getByLabel('Tham gia thí điểm từ').fill('2026-09-05');
	await page.getByRole('button', { name: 'Thêm trường' }).click();
	await expect(page.getByRole('status')).toContainText(schoolName);
	await expect(page.getByRole('link', { name: schoolName })).toBeVisible();

	await page.goto('/admin/staff');
	await page.getByLabel('Vai trò').selectOption('teacher');
	await page.getByLabel('Trường', { exact: true }).selectOption({ label: schoolName });
	await page.getByLabel('Họ và tên').fill('Lương Thị Thu');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-moi-1');
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
	await expect(page.getByRole('status')).toContainText(username);
	await signOut(page);

	// The new teacher signs in, must first choose a password of their own, then creates a class.
	await signIn(page, { username, password: 'mat-khau-moi-1' }, '/account/password');
	await page.locator('#current').fill('mat-khau-moi-1');
	await page.locator('#password').fill('Hoa-ban-Mau-Son-2026');
	await page.locator('#confirm').fill('Hoa-ban-Mau-Son-2026');
	await page.locator('main form button[type="submit"]').click();
	await expect(page).toHaveURL(/\/teach(\?|$|\/)/);
	await expect(page.getByText('Bạn chưa có lớp nào')).toBeVisible();
	await page.getByLabel('Khối').selectOption('6');
	await page.getByLabel('Tên lớp').fill('6a1');
	await page.getByRole('button', { name: 'Tạo lớp' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lớp 6A1');
	const classUrl = page.url();

	// A bad file is refused with an error per row, and nothing is saved.
	await page.getByRole('link', { name: 'Nhập danh sách lớp' }).click();
	await page.getByLabel(/Tệp danh sách lớp/).setInputFiles('tests/fixtures/class-6a1-bad.xlsx');
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByText('3 dòng có lỗi')).toBeVisible();
	await expect(page.getByRole('row', { name: /^6\b/ })).toContainText('Thiếu họ và tên');
	await expect(page.getByRole('row', { name: /Lường Thị Cúc/ })).toContainText(
		'Ngày sinh không hợp lệ'
	);
	await expect(page.getByRole('row', { name: /^9\b/ })).toContainText(
		'Trùng với một dòng phía trên'
	);
	await expect(page.getByRole('button', { name: /^Lưu/ })).toHaveCount(0);
	await page.goto(classUrl);
	await expect(page.getByText('Lớp chưa có học sinh')).toBeVisible();

	// The good file: preview, then save every row.
	await page.goto(classUrl + '/import');
	await page.getByLabel(/Tệp danh sách lớp/).setInputFiles('tests/fixtures/class-6a1.xlsx');
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByRole('heading', { name: 'Xem trước: 12 học sinh' })).toBeVisible();
	await page.getByRole('button', { name: 'Lưu 12 học sinh vào lớp' }).click();
	await expect(page.getByRole('status')).toContainText('Đã thêm 12 học sinh');
	await page.goto(classUrl);
	await expect(page.getByRole('heading', { name: 'Danh sách lớp (12)' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Lường Đức Cường', exact: true })).toBeVisible();

	// The same file again changes nothing: every row is recognised.
	await page.goto(classUrl + '/import');
	await page.getByLabel(/Tệp danh sách lớp/).setInputFiles('tests/fixtures/class-6a1.xlsx');
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByTestId('import-summary')).toHaveText(
		'0 mới · 0 cập nhật · 12 không đổi · 0 không còn trong danh sách'
	);
	await expect(page.getByText('không có gì để thay đổi')).toBeVisible();

	// An updated list (written from the class page, as a school's export would be): the first pupil
	// gets a pupil code, one pupil is new, the last one is no longer on it and is ticked to leave.
	await page.goto(classUrl);
	const listed = await page
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()))
		);
	const csvRows = listed
		.slice(0, -1)
		.map(([, name, , birth], i) => `${name};${birth};${i === 0 ? '2009876543' : ''}`);
	csvRows.push('Hà Văn Mới;01/02/2014;');
	const csv = `Họ và tên;Ngày sinh;Mã học sinh\n${csvRows.join('\n')}\n`;
	await page.goto(classUrl + '/import');
	await page.getByLabel(/Tệp danh sách lớp/).setInputFiles({
		name: 'lop-6a1-cap-nhat.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv)
	});
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByTestId('import-summary')).toHaveText(
		'1 mới · 1 cập nhật · 10 không đổi · 1 không còn trong danh sách'
	);
	await expect(page.getByRole('row', { name: new RegExp(listed[0][1]) })).toContainText(
		'Cập nhật: mã học sinh'
	);
	await expect(page.getByRole('row', { name: /Hà Văn Mới/ })).toContainText('Học sinh mới');
	const leaver = listed.at(-1)![1];
	await page.getByLabel(`Cho ${leaver} rời lớp`).check();
	await page.getByRole('button', { name: 'Áp dụng: thêm 1, cập nhật 1' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Đã thêm 1 học sinh, cập nhật 1, 1 em rời lớp.'
	);
	await page.goto(classUrl);
	await expect(page.getByRole('heading', { name: 'Danh sách lớp (12)' })).toBeVisible();
	await expect(page.getByRole('row', { name: new RegExp(listed[0][1]) })).toContainText(
		'2009876543'
	);
	await expect(page.getByRole('cell', { name: leaver, exact: true })).toHaveCount(0);

	// Login cards: one per pupil, 8 on a page, each with the class code and a QR code.
	await page.goto(classUrl + '/cards');
	await expect(page.locator('.login-card')).toHaveCount(12);
	await expect(page.locator('.sheet')).toHaveCount(2);
	await expect(page.locator('.login-card').first().locator('svg')).toBeVisible();
	const secret = await pupilSecretFromCards(page, 0);
	expect(secret.words).toHaveLength(2); // grade 6 signs in with words

	// A pupil of the new class signs in with the words on their card.
	await signOut(page);
	await signInPupil(page, secret);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(secret.name);
});

test('a young pupil signs in with the class code and picture password, and cannot open /teach', async ({
	page
}) => {
	await signIn(page, DEMO.primaryTeacher, '/teach');
	const classUrl = await openClass(page, '3A');
	await page.goto(classUrl + '/cards');
	const secret = await pupilSecretFromCards(page, 2);
	expect(secret.pictures).toHaveLength(2);
	await signOut(page);

	// A wrong picture first: a gentle message, still on the page.
	await page.goto('/join');
	await page.getByLabel('Mã lớp').fill(secret.code);
	await page.getByRole('button', { name: 'Tiếp tục' }).click();
	await page.getByRole('link', { name: secret.name, exact: true }).click();
	const wrong = ['Hoa', 'Con trâu', 'Bắp ngô', 'Ngôi sao'].find(
		(p) => !secret.pictures.includes(p)
	)!;
	await page.locator('label.picture', { hasText: secret.pictures[0] }).click();
	await page.locator('label.picture', { hasText: wrong }).click();
	await page.getByRole('button', { name: 'Vào học' }).click();
	await expect(page.getByRole('alert')).toContainText('Chưa đúng hình');

	await signInPupil(page, secret);
	await expect(page.getByRole('heading', { name: 'Việc cần làm' })).toBeVisible();

	const response = await page.goto('/teach');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Bạn không có quyền xem trang này.'
	);
	expect((await page.goto('/admin'))?.status()).toBe(403);
	expect((await page.goto('/department'))?.status()).toBe(403);
});

test('a teacher gets 404 for a class of another school', async ({ page }) => {
	await signIn(page, DEMO.primaryTeacher, '/teach');
	const otherSchoolClass = await openClass(page, '3A');
	await signOut(page);

	await signIn(page, DEMO.teacher, '/teach');
	for (const path of ['', '/import', '/cards']) {
		const response = await page.goto(otherSchoolClass + path);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang.');
	}
	// A form post to it is refused the same way and changes nothing.
	const id = otherSchoolClass.split('/').pop();
	const post = await page.request.post(`/teach/classes/${id}?/addPupil`, {
		form: { fullName: 'Kẻ Lạ' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(post.status()).toBe(404);
});

test('a wrong password shows a Vietnamese message that does not say which part was wrong', async ({
	page
}) => {
	await page.goto('/login');
	await page.getByLabel('Tên đăng nhập').fill('gv.hoa');
	await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
	await expect(page).toHaveURL(/\/login/);
});

test('the language switch changes every label and is remembered', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Đăng nhập cho giáo viên và cán bộ'
	);
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Sign-in for teachers and staff'
	);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.reload();
	await expect(page.getByLabel('Username')).toBeVisible();
	await signIn(page, DEMO.teacher, '/teach');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Teacher's desk");
	await page.getByRole('button', { name: 'Tiếng Việt' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Góc giáo viên');
});

test('sign-out ends the session', async ({ page }) => {
	await signIn(page, DEMO.department, '/department');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thí điểm giáo dục STEM');
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await expect(page).toHaveURL(/\/$/);
	await page.goto('/department');
	await expect(page).toHaveURL(/\/login\?next=/);
});

test("the header keeps the language button on the brand's row, every word on one line, at 1024 and 768 px in both languages", async ({
	page
}) => {
	/** The header's links and buttons whose text takes more than one line, with their line counts. */
	const wrapped = () =>
		page.locator('header.site-header').evaluate((header) =>
			[...header.querySelectorAll('a, button')]
				.map((el) => {
					// The lines its text takes (the brand's picture is not text).
					const tops = new Set<number>();
					const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
					for (let n = walker.nextNode(); n; n = walker.nextNode()) {
						const range = document.createRange();
						range.selectNodeContents(n);
						for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
					}
					return { text: el.textContent!.trim(), lines: tops.size };
				})
				.filter((l) => l.lines > 1)
		);
	await signIn(page, DEMO.teacher, '/teach');
	for (const locale of ['vi', 'en']) {
		if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
		for (const width of [1024, 768]) {
			await page.setViewportSize({ width, height: 700 });
			// The language button is on the brand's row, above the menu, one line high.
			const at = `${locale} at ${width} px`;
			const lang = (await page.locator('header.site-header button[lang]').boundingBox())!;
			const brand = (await page.locator('header.site-header .brand').boundingBox())!;
			const nav = (await page.locator('header.site-header nav').boundingBox())!;
			// On the brand's row: the two boxes share some height.
			expect(lang.y, at).toBeLessThan(brand.y + brand.height);
			expect(lang.y + lang.height, at).toBeGreaterThan(brand.y);
			expect(lang.height, at).toBeLessThanOrEqual(46);
			expect(nav.y, at).toBeGreaterThanOrEqual(lang.y + lang.height);
			expect(await wrapped(), `${locale} at ${width} px`).toEqual([]);
		}
	}
	await page.getByRole('button', { name: 'Tiếng Việt' }).click();
});
