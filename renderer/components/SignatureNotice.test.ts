import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import { SignatureNotice } from './SignatureNotice';

async function render(props: Parameters<typeof SignatureNotice>[0]): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    lng: 'vi',
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(SignatureNotice, props)),
  );
}

describe('SignatureNotice', () => {
  it('an unsigned dossier says "Chưa ký số", why, and what to do, in Vietnamese', async () => {
    const html = await render({ signed: false, reason: 'SIGNING_TOKEN_ABSENT' });
    expect(html).toContain('Chưa ký số');
    expect(html).toContain('Hồ sơ đã được lưu đầy đủ');
    expect(html).toContain('Lý do: Không thấy token ký số của cơ quan');
    expect(html).toContain('Cắm thiết bị ký số (USB token)');
    expect(html).toContain('data-signed="false"');
  });

  it('a signed dossier says "Đã ký số" and no warning', async () => {
    const html = await render({ signed: true, reason: null });
    expect(html).toContain('Đã ký số');
    expect(html).not.toContain('Chưa ký số');
  });
});
