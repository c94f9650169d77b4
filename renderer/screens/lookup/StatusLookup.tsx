import { useTranslation } from 'react-i18next';

/** Status lookup by dossier code or the receipt's QR (being built). */
export function StatusLookup() {
  const { t } = useTranslation();
  return (
    <main className="screen status-lookup">
      <h1>{t('lookup.title')}</h1>
    </main>
  );
}
