import type { CitizenField, FormField } from '../../api/contract/procedure';

type FieldType = FormField['type'];
interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

interface FieldOptions {
  readonly fill?: CitizenField;
  readonly maxLength?: number;
  readonly options?: readonly (readonly [value: string, vi: string, en: string])[];
  readonly hint?: Bilingual;
}

/** One e-form field; `fill` names the citizen field (chip or QR) that fills it, else the clerk types it. */
export function field(
  key: string,
  label: Bilingual,
  type: FieldType,
  required: boolean,
  options: FieldOptions = {},
): FormField {
  return {
    key,
    label: { vi: label.vi, en: label.en },
    type,
    required,
    fill: options.fill ?? null,
    ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }),
    ...(options.options === undefined
      ? {}
      : {
          options: options.options.map(([value, vi, en]) => ({ value, label: { vi, en } })),
        }),
    ...(options.hint === undefined ? {} : { hint: { vi: options.hint.vi, en: options.hint.en } }),
  };
}

/** Values match CitizenWire.sex, so a chip read fills the select directly. */
export const SEX_OPTIONS = [
  ['male', 'Nam', 'Male'],
  ['female', 'Nữ', 'Female'],
] as const;

/** Whose fields these are, e.g. `{ vi: 'người đi đăng ký', en: 'Registrant' }`; labels name them when set. */
export interface Who {
  readonly vi: string;
  readonly en: string;
}

const labelled = (vi: string, en: string, who: Who | undefined): Bilingual =>
  who === undefined
    ? { vi, en }
    : { vi: `${vi} ${who.vi}`, en: `${who.en}: ${en.charAt(0).toLowerCase()}${en.slice(1)}` };

/**
 * The applicant (người nộp / người yêu cầu) as the chip or the card's QR
 * gives them, plus a phone typed by the clerk.
 */
export function applicantFields(prefix = 'applicant', who?: Who): FormField[] {
  return [
    field(`${prefix}Name`, labelled('Họ, chữ đệm và tên', 'Full name', who), 'text', true, {
      fill: 'fullName',
      maxLength: 100,
    }),
    field(
      `${prefix}Id`,
      labelled('Số định danh cá nhân', 'Personal ID number', who),
      'idNumber',
      true,
      {
        fill: 'id',
      },
    ),
    field(
      `${prefix}BirthDate`,
      labelled('Ngày, tháng, năm sinh', 'Date of birth', who),
      'date',
      true,
      {
        fill: 'birthDate',
      },
    ),
    field(`${prefix}Sex`, labelled('Giới tính', 'Sex', who), 'select', false, {
      fill: 'sex',
      options: SEX_OPTIONS,
    }),
    field(`${prefix}Residence`, labelled('Nơi cư trú', 'Place of residence', who), 'text', true, {
      fill: 'placeOfResidence',
      maxLength: 300,
    }),
    field(`${prefix}Phone`, labelled('Số điện thoại', 'Phone number', who), 'phone', false, {
      maxLength: 15,
    }),
  ];
}

/** "Nội dung yêu cầu": what the applicant asks for, in their words. */
export const requestField = field(
  'requestContent',
  { vi: 'Nội dung yêu cầu', en: 'What is requested' },
  'textarea',
  true,
  { maxLength: 2000 },
);

/** The form of a procedure that has none of its own (imported without one). */
export function defaultForm(): { fields: FormField[] } {
  return { fields: [...applicantFields(), requestField] };
}
