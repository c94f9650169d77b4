import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenWire } from '../../electron/api/contract/citizen';
import { useKiosk } from '../api/KioskContext';
import { CardReadPanel } from '../components/CardReadPanel';
import { formatDate } from '../i18n/format';
import { useScanInput, type ScanTarget } from '../input/use-scan-input';

type Source = CitizenWire['source'];
interface Applicant {
  readonly fullName: string;
  readonly id: string;
  readonly birthDate: string;
  readonly sex: '' | 'male' | 'female';
  readonly residence: string;
  readonly oldId: string;
  readonly phone: string;
}
const empty: Applicant = {
  fullName: '',
  id: '',
  birthDate: '',
  sex: '',
  residence: '',
  oldId: '',
  phone: '',
};
type Field = keyof Applicant;

function fromCitizen(citizen: CitizenWire, phone: string): Applicant {
  return {
    fullName: citizen.fullName,
    id: citizen.id,
    birthDate: formatDate(citizen.birthDate),
    sex: citizen.sex ?? '',
    residence: citizen.placeOfResidence ?? '',
    oldId: citizen.oldIdNumber ?? '',
    phone,
  };
}

/**
 * Step 1 of receiving a dossier: who is the applicant. A scan of the card's
 * QR code anywhere on the screen (keyboard-wedge or HID POS scanner) fills
 * the fields, so the clerk does not type the citizen's identity.
 */
export function Reception() {
  const { t, i18n } = useTranslation();
  const { api } = useKiosk();
  const [applicant, setApplicant] = useState<Applicant>(empty);
  const [source, setSource] = useState<Source>('typed');
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const fill = useCallback((citizen: CitizenWire) => {
    setApplicant((current) => fromCitizen(citizen, current.phone));
    setSource(citizen.source);
    setProblem(undefined);
  }, []);

  const onWedgeScan = useCallback(
    (text: string, target: ScanTarget | undefined) => {
      // The burst's characters went into the focused field: put it back as it was.
      if (target && target.name in empty) {
        setApplicant((current) => ({ ...current, [target.name]: target.valueBefore }));
      }
      void api.hid.parseScan({ text }).then((result) => {
        if (!result.ok) return;
        if (result.value.citizen) fill(result.value.citizen);
        else if (result.value.problem) {
          setProblem(i18n.language === 'en' ? result.value.problem.en : result.value.problem.vi);
        }
      });
    },
    [api, fill, i18n.language],
  );
  useScanInput(onWedgeScan);

  useEffect(
    () =>
      api.on('hid.scan', (scan) => {
        if (scan.citizen) fill(scan.citizen);
      }),
    [api, fill],
  );

  const field = (name: Field, label: string, props: Record<string, string> = {}) => (
    <label>
      {label}
      <input
        name={name}
        value={applicant[name]}
        onChange={(event) => {
          setApplicant({ ...applicant, [name]: event.target.value });
          if (name !== 'phone') setSource('typed');
        }}
        {...props}
      />
    </label>
  );

  return (
    <main className="screen reception">
      <h1>{t('reception.title')}</h1>
      <h2>{t('reception.identify')}</h2>
      <p className="lead">{t('reception.howTo')}</p>
      <p className="hint">{t('reception.qrHint')}</p>
      {problem && (
        <p role="alert" className="error">
          {t('reception.qrProblem')} {problem}
        </p>
      )}
      <CardReadPanel
        // A QR scan that brings the ID restarts the panel with the CAN filled in.
        key={/^\d{12}$/.test(applicant.id) ? applicant.id : 'no-id'}
        {...(/^\d{12}$/.test(applicant.id) ? { knownId: applicant.id } : {})}
        onRead={(read) => {
          fill(read.citizen);
        }}
      />
      <form
        className="form applicant"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <p>
          {t('reception.source')}:{' '}
          <strong data-source={source}>{t(`reception.sources.${source}`)}</strong>
        </p>
        {field('fullName', t('reception.fullName'), { autoComplete: 'off' })}
        {field('id', t('reception.id'), { inputMode: 'numeric', autoComplete: 'off' })}
        {field('birthDate', t('reception.birthDate'), {
          placeholder: 'dd/mm/yyyy',
          autoComplete: 'off',
        })}
        <label>
          {t('reception.sex')}
          <select
            name="sex"
            value={applicant.sex}
            onChange={(event) => {
              setApplicant({ ...applicant, sex: event.target.value as Applicant['sex'] });
              setSource('typed');
            }}
          >
            <option value="" />
            <option value="male">{t('reception.male')}</option>
            <option value="female">{t('reception.female')}</option>
          </select>
        </label>
        {field('residence', t('reception.residence'), { autoComplete: 'off' })}
        {field('oldId', t('reception.oldId'), { inputMode: 'numeric', autoComplete: 'off' })}
        {field('phone', t('reception.phone'), { inputMode: 'tel', autoComplete: 'off' })}
      </form>
    </main>
  );
}
