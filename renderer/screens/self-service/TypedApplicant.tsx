import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { typedCitizen, type CitizenWire } from '../../../electron/api/contract/citizen';
import { FieldsStep } from './FieldsStep';
import { localField } from './KioskCardStep';

interface TypedApplicantProps {
  readonly onDone: (citizen: CitizenWire) => void;
}

/**
 * When the chip cannot be read (no reader, a worn chip): the citizen types
 * the 12-digit number, the full name and the birth date on the kiosk's keys.
 * The dossier records the applicant as typed; the counter checks the card
 * when the citizen collects the result.
 */
export function TypedApplicant({ onDone }: TypedApplicantProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const fields = [
    localField('applicantId', t('card.idNumber'), 'idNumber', 12),
    localField('applicantName', t('touch.fullName'), 'text', 100),
    localField('applicantBirthDate', t('touch.birthDate'), 'date', 10),
  ];
  return (
    <>
      <p className="lead">{t('touch.typedHint')}</p>
      <FieldsStep
        fields={fields}
        values={values}
        page={1}
        pages={1}
        onChange={(key, value) => {
          setValues((v) => ({ ...v, [key]: value }));
        }}
        onNext={() => {
          const [d = '', m = '', y = ''] = (values.applicantBirthDate ?? '').split('/');
          onDone(
            typedCitizen({
              id: values.applicantId ?? '',
              fullName: (values.applicantName ?? '').trim().normalize('NFC'),
              birthDate: `${y}-${m}-${d}`,
            }),
          );
        }}
      />
    </>
  );
}
