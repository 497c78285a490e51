import { expect, test, type Page } from '@playwright/test';
import {
	DEMO,
	openClass,
	pupilSecretFromCards,
	signIn,
	signOut,
	handInWholeProject
} from './helpers';

test.use({ actionTimeout: 15_000 });

type Secret = Awaited<ReturnType<typeof pupilSecretFromCards>>;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Vietnam's date, offset days from today: ISO for the form, dd/mm/yyyy as the pages show it. */
const day = (offset: number) =>
	new Date(Date.now() + 7 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);
const vn = (iso: string) => iso.split('-').reverse().join('/');

async function signInPupil(page: Page, s: Secret) {
	await page.goto(`/join/${s.code}`, { waitUntil: 'networkidle' });
	await page.getByRole('link', { name: s.name, exact: true }).click();
	await page.waitForLoadState('networkidle');
	await page.getByLabel(/Từ bí mật thứ nhất|First secret word/).fill(s.words[0]);
	await page.getByLabel(/Từ bí mật thứ hai|Second secret word/).fill(s.words[1]);
	await page.getByRole('button', { name: /Vào học|Sign in/ }).click();
	await expect(page).toHaveURL(/\/learn/);
}

test('the teacher’s week: what waits on /teach, and the assignment list’s counts', async ({
	page
}) => {
	test.setTimeout(120_000);
	const title = `Dự án tuần E2E ${Date.now().toString(36)}`;
	await signIn(page, DEMO.teacher, '/teach');
	await expect(page.getByRole('heading', { name: 'Việc cần làm' })).toBeVisible();

	const classUrl = await openClass(page, '7A1');
	await page.goto(classUrl + '/cards');
	const a = await pupilSecretFromCards(page, 5);
	const b = await pupilSecretFromCards(page, 6);

	// A project due in two days for 7A1, with a team of two.
	await page.goto('/teach/assignments');
	await page.getByLabel('Tên bài').fill(title);
	await page.getByLabel('Ngày mở').fill(day(0));
	await page.getByLabel('Hạn nộp').fill(day(2));
	await page.getByLabel('Lớp 7A1').check();
	await page.getByRole('button', { name: 'Giao bài' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	for (const n of [a.name, b.name])
		await page.getByRole('checkbox', { name: new RegExp(`^${esc(n)} \\(7A1\\)$`) }).check();
	await page.getByRole('button', { name: 'Tạo nhóm' }).click();
	await expect(page.getByRole('status')).toContainText('Đã tạo 1 nhóm');

	// Due this week: on the panel, with its date written the Vietnamese way, linking to the work.
	await page.goto('/teach');
	const due = page.locator('.todo-due li', { hasText: title });
	await expect(due).toContainText(`hạn ${vn(day(2))}`);
	await expect(page.locator('.todo-reviews li', { hasText: title })).toHaveCount(0);
	await signOut(page);

	// The team hands in the whole project.
	await signInPupil(page, a);
	await page.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(/\/learn\/projects\/\d+$/);
	await handInWholeProject(page);
	await expect(page.getByRole('status').filter({ hasText: 'Đã nộp cả dự án' })).toBeVisible();
	await signOut(page);

	// The teacher sees it waiting for review, and follows the link to the assignment.
	await signIn(page, DEMO.teacher, '/teach');
	const waiting = page.locator('.todo-reviews li', { hasText: title });
	await expect(waiting).toContainText('1 nhóm nộp cả dự án');
	await waiting.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

	// The list: class, due date, handed in / returned / not started.
	await page.goto('/teach/assignments');
	const row = page.getByRole('row', { name: new RegExp(esc(title)) });
	const cells = row.getByRole('cell');
	await expect(cells.nth(1)).toHaveText('7A1');
	await expect(cells.nth(3)).toHaveText(vn(day(2)));
	const total = (await cells.nth(4).textContent())!.split('/')[1];
	expect(Number(total)).toBeGreaterThan(2);
	await expect(cells.nth(4)).toHaveText(`2/${total}`);
	await expect(cells.nth(5)).toHaveText(`0/${total}`);
	await expect(cells.nth(6)).toHaveText(`${Number(total) - 2}/${total}`);

	// Work has been handed in: it cannot be deleted, only archived; then it leaves the panel.
	await row.getByRole('link', { name: title }).click();
	await page.locator('summary', { hasText: 'Lưu trữ bài giao' }).click();
	await expect(page.getByRole('button', { name: 'Xoá bài giao' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Lưu trữ bài giao' }).click();
	await expect(page.locator('main p.muted').first()).toContainText('Đã lưu trữ');
	await page.goto('/teach');
	await expect(page.locator('.todo li', { hasText: title })).toHaveCount(0);
});

test('an assignment that can change: edit, extend for one pupil, duplicate, delete, archive', async ({
	page
}) => {
	test.setTimeout(120_000);
	const title = `Bộ bài sửa được E2E ${Date.now().toString(36)}`;
	await signIn(page, DEMO.teacher, '/teach');
	await page.goto('/teach/assignments');
	await page.getByLabel('Bộ bài tập lập trình').check();
	await page.getByLabel('Tên bài').fill(title);
	await page.getByLabel('Ngày mở').fill(day(0));
	await page.getByLabel('Hạn nộp').fill(day(3));
	await page.getByLabel('Lớp 7A1').check();
	await page.locator('.ex-row').nth(0).locator('input').fill('1');
	await page.getByRole('button', { name: 'Giao bài' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	const url = page.url();

	// Edit: a title that is empty is refused, then a new title and due date are saved.
	await page.getByText('Sửa bài giao').click();
	await page.locator('#e-title').fill(' ');
	await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await expect(page.locator('#e-title-error')).toBeVisible();
	await page.locator('#e-title').fill(`${title} (sửa)`);
	await page.locator('#e-due').fill(day(4));
	await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await expect(page.getByRole('status')).toContainText('Đã lưu thay đổi');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (sửa)`);
	await expect(page.locator('main')).toContainText(vn(day(4)));

	// Extend for one pupil: their row shows their own due date, the others' do not.
	await page.getByText('Gia hạn nộp').first().click();
	await page.getByLabel('Hạn nộp mới').fill(day(9));
	const first = page.locator('form[action="?/extend"] .choice').first();
	const firstName = ((await first.textContent()) ?? '').replace(/\s*\(.*\)\s*$/, '').trim();
	await first.locator('input').check();
	await page.getByRole('button', { name: 'Gia hạn', exact: true }).click();
	await expect(page.getByRole('status')).toContainText(`Đã gia hạn đến ${vn(day(9))}`);
	await expect(page.getByRole('row', { name: new RegExp(esc(firstName)) })).toContainText(
		`hạn riêng ${vn(day(9))}`
	);
	await expect(page.locator('.own-due')).toHaveCount(1);

	// Duplicate to 6A1, then delete the copy: only after ticking the confirmation.
	await page.getByText('Giao bài này cho lớp khác').click();
	await page.getByLabel('Lớp nhận bài').selectOption({ label: 'Lớp 6A1' });
	await page.getByRole('button', { name: 'Tạo bản sao' }).click();
	await expect(page).not.toHaveURL(url);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (sửa)`);
	await expect(page.locator('main p.muted').first()).toContainText('Lớp 6A1');
	await page.getByText('Xoá bài giao').first().click();
	await page.getByRole('button', { name: 'Xoá bài giao' }).click();
	await expect(page.getByRole('alert')).toContainText('đánh dấu ô xác nhận');
	await page.getByLabel('Tôi chắc chắn muốn xoá bài giao này').check();
	await page.getByRole('button', { name: 'Xoá bài giao' }).click();
	await expect(page).toHaveURL(/\/teach\/assignments$/);
	await expect(page.getByRole('row', { name: new RegExp(esc(title)) })).toHaveCount(1);
});
