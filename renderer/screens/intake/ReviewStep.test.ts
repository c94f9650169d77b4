import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../../electron/api/contract/procedure';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { emptyApplicant } from './applicant-draft';
import { ReviewStep } from './ReviewStep';

const procedure: Procedure = {
  code: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  fieldCode: null,
  fieldName: 'Hộ tịch',
  level: 'xa',
  agency: 'UBND cấp xã',
  processingDays: 0,
  sameDayCutoff: null,
  fees: [],
  components: [],
  form: {
    fields: [
      {
        key: 'relation',
        label: { vi: 'Quan hệ với người được khai sinh', en: 'Relationship to the child' },
        type: 'select',
        required: true,
        options: [{ value: 'mother', label: { vi: 'Mẹ', en: 'Mother' } }],
        fill: null,
      },
      {
        key: 'childSex',
        label: { vi: 'Giới tính', en: 'Sex' },
        type: 'select',
        required: true,
        options: [{ value: 'male', label: { vi: 'Nam', en: 'Male' } }],
        fill: null,
      },
    ],
  },
  unconfirmed: [],
  source: 'seed',
  updatedAt: '2026-11-25T01:00:00.000Z',
};

async function reviewText(language: 'vi' | 'en'): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    lng: language,
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  const html = renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(ReviewStep, {
        procedure,
        applicant: emptyApplicant,
        values: { relation: 'mother', childSex: 'male' },
        jobs: {},
        saving: false,
        error: undefined,
        onEdit: () => undefined,
        onSave: () => undefined,
      }),
    ),
  );
  return html.replace(/<[^>]+>/g, ' ');
}

describe('the counter review step', () => {
  it('shows a select answer as its label in Vietnamese, not the stored value', async () => {
    const text = await reviewText('vi');
    expect(text).toContain('Mẹ');
    expect(text).toContain('Nam');
    expect(text).not.toMatch(/\b(mother|male)\b/);
  });

  it('shows the English label on the English screen', async () => {
    const text = await reviewText('en');
    expect(text).toContain('Mother');
    expect(text).toContain('Male');
    expect(text).not.toMatch(/\b(mother|male)\b/);
  });
});
