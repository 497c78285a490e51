import { expect, type Page } from '@playwright/test';

export const DEMO = {
	admin: { username: 'admin', password: 'mamstem-admin' },
	department: { username: 'sogd', password: 'mamstem-demo' },
	teacher: { username: 'gv.hoa', password: 'mamstem-demo' }, // THCS Đồng Đăng: 6A1, 7A1
	primaryTeacher: { username: 'gv.lan', password: 'mamstem-demo' } // TH Chi Lăng: 3A, 4A
};

/** Signs a member of staff in through the real form and waits for their home page. */
export async function signIn(
	page: Page,
	who: { username: string; password: string },
	home?: string
) {
	await page.goto('/login');
	await page.locator('#username').fill(who.username);
	await page.locator('#password').fill(who.password);
	await page.locator('main form button[type="submit"]').click();
	if (home) await expect(page).toHaveURL(new RegExp(`${home}(\\?|$|/)`));
}

export async function signOut(page: Page) {
	await page.context().clearCookies();
}

/** Opens a class of the signed-in teacher by its name and returns its URL. */
export async function openClass(page: Page, name: string): Promise<string> {
	await page.goto('/teach');
	await page
		.getByRole('link', { name: new RegExp(`(Lớp|Class) ${name}\\b`) })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	return page.url();
}

/**
 * Signs a pupil in as a child would: class code, name, then the secret read off their login card
 * (the teacher's card page), so the test uses only what the product shows.
 */
export async function pupilSecretFromCards(page: Page, cardIndex = 0) {
	const card = page.locator('.login-card').nth(cardIndex);
	const name = (await card.locator('.name').textContent())!.trim();
	const code = (await card.locator('.code').textContent())!.trim();
	const pictures = await card.locator('.pic').allTextContents();
	const words = await card.locator('.secret strong').allTextContents();
	return { name, code, pictures: pictures.map((p) => p.trim()), words };
}

export async function signInPupil(
	page: Page,
	s: { name: string; code: string; pictures: string[]; words: string[] }
) {
	await page.goto('/join');
	await page.getByLabel(/Mã lớp|Class code/).fill(s.code.toLowerCase());
	await page.getByRole('button', { name: /Tiếp tục|Next/ }).click();
	await page.getByRole('link', { name: s.name, exact: true }).click();
	if (s.pictures.length) {
		for (const p of s.pictures) await page.locator('label.picture', { hasText: p }).click();
	} else {
		await page.getByLabel(/Từ bí mật thứ nhất|First secret word/).fill(s.words[0]);
		await page.getByLabel(/Từ bí mật thứ hai|Second secret word/).fill(s.words[1]);
	}
	await page.getByRole('button', { name: /Vào học|Sign in/ }).click();
	await expect(page).toHaveURL(/\/learn/);
}

/**
 * Adds a new pupil to one of the teacher's classes and returns what their login card says, so a
 * journey can start from a pupil with no work yet (the demo seed gives many pupils attempts).
 */
export async function newPupil(
	page: Page,
	teacher: { username: string; password: string },
	className: string
) {
	await signIn(page, teacher, '/teach');
	const url = await openClass(page, className);
	// A given name starting with Z sorts last, so the other pupils' cards keep their places.
	const name = `Hoàng Thị Z${Date.now().toString(36).slice(-5).toUpperCase()}`;
	await page.getByLabel('Họ và tên').fill(name);
	await page.getByRole('button', { name: 'Thêm vào lớp' }).click();
	await expect(page.getByRole('status')).toContainText(name);
	await page.goto(url + '/cards');
	const index = (await page.locator('.login-card .name').allTextContents()).findIndex(
		(n) => n.trim() === name
	);
	const secret = await pupilSecretFromCards(page, index);
	await signOut(page);
	return secret;
}

/** Hands in the whole project, confirming when the page names steps still empty. */
export async function handInWholeProject(page: Page) {
	await page.getByRole('button', { name: 'Nộp cả dự án' }).click();
	const done = page.getByRole('status').filter({ hasText: 'Đã nộp cả dự án' });
	const anyway = page.getByRole('button', { name: 'Vẫn nộp cả dự án' });
	await expect(done.or(anyway)).toBeVisible();
	if (await anyway.isVisible()) await anyway.click();
	await expect(done).toBeVisible();
}
