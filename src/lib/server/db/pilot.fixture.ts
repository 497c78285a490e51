// A small pilot in plain SQL that both engines and every schema since 0005 accept (explicit ids, columns
// of the earliest tables only), for the migration tests: upgrades and the PostgreSQL twins.

const T = Date.UTC(2025, 9, 6, 3);
/** 20 July 2026, after the year's last day (31 May): semester 2 by the calendar month, outside every period by the year's dates (0024). */
const AFTER_THE_YEAR = Date.UTC(2026, 6, 20);

/** The earlier schema's rows (0001–0005): a school, a teacher, two pupils, attempts and a project. */
export const PILOT_SQL = `
INSERT INTO schools VALUES (1, 'THCS Đồng Đăng', 'Đồng Đăng', 'lower_secondary', '2025-09-01', ${T});
INSERT INTO school_years VALUES (1, '2025–2026', '2025-09-05', '2026-05-31', 1);
INSERT INTO users (id, role, school_id, username, full_name, password_hash, disabled_at, created_at) VALUES (1, 'teacher', 1, 'gv.hoa', 'Nguyễn Thị Hoa', 'x', NULL, ${T});
INSERT INTO users (id, role, school_id, username, full_name, password_hash, disabled_at, created_at) VALUES (2, 'student', 1, NULL, 'Hoàng Văn An', NULL, NULL, ${T});
INSERT INTO users (id, role, school_id, username, full_name, password_hash, disabled_at, created_at) VALUES (3, 'student', 1, NULL, 'Lý Thị Bình', NULL, NULL, ${T});
INSERT INTO pupil_profiles (user_id, gender, birth_date, ethnicity, secret_kind, secret) VALUES (2, 'male', NULL, 'Tày', 'pictures', 'a-b');
INSERT INTO pupil_profiles (user_id, gender, birth_date, ethnicity, secret_kind, secret) VALUES (3, 'female', NULL, 'Nùng', 'words', 'c-d');
INSERT INTO classes (id, school_id, school_year_id, grade, name, join_code, created_at) VALUES (1, 1, 1, 7, '7A', 'ABC123', ${T});
INSERT INTO class_teachers VALUES (1, 1);
INSERT INTO enrolments VALUES (1, 1, 2, '2025-09-05', NULL), (2, 1, 3, '2025-09-05', NULL);
INSERT INTO sessions VALUES ('s1', 2, ${T + 86_400_000});
INSERT INTO lessons (id, title, status, author_id, school_id, created_at, updated_at)
	VALUES (1, 'Cầu tre', 'published', 1, 1, ${T}, ${T});
INSERT INTO exercises (id, title, kind, grade, concept, status, created_at, updated_at)
	VALUES (1, 'Mê cung', 'maze', 7, 'loops', 'published', ${T}, ${T});
INSERT INTO exercise_attempts (id, exercise_id, pupil_id, class_id, passed, stars, created_at)
	VALUES (1, 1, 2, 1, 1, 3, ${T}), (2, 1, 3, 1, 0, 0, ${T + 1000}), (3, 1, 2, 1, 1, 2, ${Date.UTC(2026, 1, 3)}),
		(4, 1, 3, 1, 1, 1, ${AFTER_THE_YEAR});
INSERT INTO assignments (id, school_id, teacher_id, kind, title, process, opens_on, due_on, created_at)
	VALUES (1, 1, 1, 'project', 'Cầu tre', 'engineering', '2025-10-01', '2025-11-01', ${T});
INSERT INTO project_steps VALUES (1, 1, 'ask', 'Hỏi');
INSERT INTO teams VALUES (1, 1, 1, 'Nhóm 1', ${T});
INSERT INTO team_members VALUES (1, 1, 2), (1, 1, 3);
INSERT INTO submissions VALUES (1, 1, 'ask', 2, ${T + 2000});
INSERT INTO reviews VALUES (1, 1, 1, '', 7, 10, ${T + 3000}, ${T + 3000});
INSERT INTO review_scores VALUES (1, 0, 'Ý tưởng', NULL, 3, 4), (1, 1, 'Sản phẩm', NULL, 4, 6), (1, 1, 'Sản phẩm', 3, 6, 6);
`;
