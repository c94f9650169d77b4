import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CitizenWire } from '../../../electron/api/contract/citizen';
import { sampleCitizen } from '../../../test/fixtures/citizen/sample-citizen';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { fromCitizen } from './applicant-draft';
import { ApplicantSummary } from './ApplicantSummary';

async function summary(citizen: CitizenWire, language: 'vi' | 'en' = 'vi'): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    lng: language,
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(ApplicantSummary, { draft: fromCitizen(citizen, '', null) }),
    ),
  );
}

describe('the applicant summary says which card the chip was', () => {
  it('names the 2024 thẻ căn cước and the older CCCD apart', async () => {
    expect(
      await summary(sampleCitizen({ source: 'chip', cardGeneration: 'can-cuoc-2024' })),
    ).toContain('Thẻ căn cước (cấp từ 01/7/2024)');
    expect(await summary(sampleCitizen({ source: 'chip', cardGeneration: 'cccd' }))).toContain(
      'Căn cước công dân gắn chip (cấp trước 01/7/2024)',
    );
    expect(
      await summary(sampleCitizen({ source: 'chip', cardGeneration: 'can-cuoc-2024' }), 'en'),
    ).toContain('issued from 1 July 2024');
  });

  it('says nothing of a generation for a QR scan or typed details', async () => {
    const html = await summary(sampleCitizen({ source: 'qr', cardGeneration: 'cccd' }));
    expect(html).not.toContain('data-card-generation');
  });
});
