// Our own items for the attitude surveys (written for Mầm STEM on the constructs of the S-STEM and
// T-STEM designs; not their licensed wording). The department can edit them in the app.
// Kept as JSON so the plain-JS province seed (scripts/seed-province.js) reads the same items.
import type { SurveyAudience, SurveyScale } from '../db/types';
import forms from './survey-items.json';

/** [scale, text, reversed?] */
type Item = [SurveyScale, string, boolean?];

export const SURVEY_FORMS = forms as unknown as {
	audience: SurveyAudience;
	title: string;
	items: Item[];
}[];
