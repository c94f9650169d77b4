import { useTranslation } from 'react-i18next';

/** The citizen's self-service submission, one question per screen (being built). */
export function KioskSubmit() {
  const { t } = useTranslation();
  return (
    <main className="screen kiosk-submit">
      <h1>{t('selfService.title')}</h1>
    </main>
  );
}
