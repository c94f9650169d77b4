import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import { isTrangThai, STATUS_TEXT } from '../../../electron/api/contract/status-text';
import { useKiosk } from '../../api/KioskContext';
import { CardReadPanel } from '../../components/CardReadPanel';
import { formatDateTime } from '../../i18n/format';
import { useApiErrorText } from '../../i18n/use-api-error-text';

type OpenDossier = Result<'return.byCard'>['dossiers'][number];

interface ReturnByCardProps {
  readonly busy: boolean;
  /** A dossier was chosen; `cardName` is whose chip was read, so the receiver need not be read again. */
  readonly onChoose: (code: string, cardName: string) => void;
}

/**
 * Step 1, a citizen without the receipt: read their card and choose among
 * their dossiers not handed back yet. The core lists them by the read it
 * holds, so the page never names an ID of its own choosing.
 */
export function ReturnByCard({ busy, onChoose }: ReturnByCardProps) {
  const { t, i18n } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [name, setName] = useState<string | null>(null);
  const [list, setList] = useState<readonly OpenDossier[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const statusText = (d: OpenDossier): string => {
    const status =
      d.portalStatus !== null && isTrangThai(d.portalStatus) ? d.portalStatus : d.localStatus;
    return i18n.language === 'en' ? STATUS_TEXT[status].en : STATUS_TEXT[status].vi;
  };

  const listFor = async (fullName: string) => {
    setName(fullName);
    setList(undefined);
    setError(undefined);
    const answer = await api.return.byCard({});
    if (answer.ok) setList(answer.value.dossiers);
    else setError(errorText(answer.error));
  };

  return (
    <section className="intake-step return-by-card" aria-labelledby="return-by-card-title">
      <h2 id="return-by-card-title">{t('returns.byCard')}</h2>
      <p className="hint">{t('returns.byCardHint')}</p>
      <CardReadPanel
        onRead={(read) => {
          void listFor(read.citizen.fullName);
        }}
      />
      {name !== null && list === undefined && error === undefined && (
        <p role="status" className="progress">
          {t('returns.byCardFinding', { name })}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {name !== null && list?.length === 0 && (
        <p role="status" className="by-card-none">
          {t('returns.byCardNone', { name })}
        </p>
      )}
      {name !== null && list !== undefined && list.length > 0 && (
        <>
          <p role="status">{t('returns.byCardList', { name })}</p>
          <ul className="by-card-list">
            {list.map((d) => (
              <li key={d.code}>
                <button
                  type="button"
                  data-open-dossier={d.code}
                  disabled={busy}
                  onClick={() => {
                    onChoose(d.code, name);
                  }}
                >
                  {t('returns.byCardItem', {
                    code: d.code,
                    procedure: d.procedureName,
                    received: formatDateTime(d.receivedAt),
                    status: statusText(d),
                  })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
