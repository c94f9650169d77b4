import type { FormField } from '../../api/contract/procedure';
import { applicantFields, field, SEX_OPTIONS } from './form-fields';

/**
 * E-forms of the civil-status (hộ tịch) procedures. Only the applicant's own
 * fields carry `fill`: the chip holds the card holder's parents and spouse,
 * never the child's, the deceased's or the other party's, so those are typed.
 */

const pick = (fields: FormField[], keys: readonly string[]): FormField[] =>
  fields.filter((f) => keys.includes(f.key));

const typedPerson = (prefix: string, vi: string, en: string, required: boolean): FormField[] => [
  field(
    `${prefix}Name`,
    { vi: `Họ, chữ đệm và tên ${vi}`, en: `${en}'s full name` },
    'text',
    required,
    {
      maxLength: 100,
    },
  ),
  field(
    `${prefix}BirthYear`,
    { vi: `Năm sinh ${vi}`, en: `${en}'s year of birth` },
    'number',
    false,
  ),
  field(
    `${prefix}Id`,
    { vi: `Số định danh cá nhân ${vi}`, en: `${en}'s personal ID number` },
    'idNumber',
    false,
  ),
  field(
    `${prefix}Residence`,
    { vi: `Nơi cư trú ${vi}`, en: `${en}'s place of residence` },
    'text',
    false,
    {
      maxLength: 300,
    },
  ),
];

const unknownParent = {
  vi: 'Bỏ trống nếu chưa xác định được',
  en: 'Leave empty if not established',
};

/** Tờ khai đăng ký khai sinh: the person registering (from the chip), the child, the parents (typed). */
export function birthFields(): FormField[] {
  return [
    ...pick(applicantFields('registrant', { vi: 'người đi đăng ký', en: 'Registrant' }), [
      'registrantName',
      'registrantId',
      'registrantResidence',
      'registrantPhone',
    ]),
    field(
      'relationship',
      { vi: 'Quan hệ với người được khai sinh', en: 'Relationship to the child' },
      'select',
      true,
      {
        options: [
          ['father', 'Cha', 'Father'],
          ['mother', 'Mẹ', 'Mother'],
          ['grandparent', 'Ông, bà', 'Grandparent'],
          ['relative', 'Người thân thích khác', 'Other relative'],
          [
            'carer',
            'Cá nhân, tổ chức đang nuôi dưỡng trẻ',
            'Person or organisation caring for the child',
          ],
        ],
      },
    ),
    field(
      'childName',
      { vi: 'Họ, chữ đệm và tên người được khai sinh', en: "Child's full name" },
      'text',
      true,
      {
        maxLength: 100,
      },
    ),
    field('childBirthDate', { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' }, 'date', true, {
      hint: { vi: 'Theo Giấy chứng sinh', en: 'As on the birth certificate from the hospital' },
    }),
    field('childSex', { vi: 'Giới tính', en: 'Sex' }, 'select', true, { options: SEX_OPTIONS }),
    field('childBirthPlace', { vi: 'Nơi sinh', en: 'Place of birth' }, 'text', true, {
      maxLength: 300,
      hint: {
        vi: 'Tên cơ sở y tế, hoặc địa chỉ nơi sinh',
        en: 'The hospital, or the address of birth',
      },
    }),
    field('childEthnicity', { vi: 'Dân tộc', en: 'Ethnicity' }, 'text', true, { maxLength: 50 }),
    field('childNationality', { vi: 'Quốc tịch', en: 'Nationality' }, 'text', true, {
      maxLength: 50,
    }),
    field('childHometown', { vi: 'Quê quán', en: 'Home town' }, 'text', false, { maxLength: 300 }),
    ...typedPerson('father', 'của cha', 'Father', false).map((f) =>
      f.key === 'fatherName' ? { ...f, hint: unknownParent } : f,
    ),
    ...typedPerson('mother', 'của mẹ', 'Mother', false).map((f) =>
      f.key === 'motherName' ? { ...f, hint: unknownParent } : f,
    ),
  ];
}

/** Registration again (đăng ký lại): the birth form plus where the first registration was made. */
export function birthAgainFields(): FormField[] {
  return [
    ...birthFields(),
    field(
      'previousRegistration',
      { vi: 'Nơi đã đăng ký khai sinh trước đây', en: 'Where the birth was first registered' },
      'text',
      false,
      {
        maxLength: 300,
      },
    ),
  ];
}

/** Liên thông khai sinh: the birth form plus the permanent residence and the health-insurance clinic. */
export function birthJointFields(): FormField[] {
  return [
    ...birthFields(),
    field(
      'childResidenceAddress',
      { vi: 'Nơi đăng ký thường trú của trẻ', en: "Child's permanent residence to register" },
      'text',
      true,
      {
        maxLength: 300,
      },
    ),
    field(
      'healthInsuranceClinic',
      { vi: 'Nơi đăng ký khám chữa bệnh ban đầu', en: 'Primary health-care clinic' },
      'text',
      false,
      {
        maxLength: 200,
      },
    ),
  ];
}

/** Tờ khai đăng ký kết hôn: one party from the chip, the other typed (with a passport number abroad). */
export function marriageFields(foreign: boolean): FormField[] {
  return [
    ...applicantFields('partyOne', {
      vi: 'bên nam hoặc bên nữ (người nộp)',
      en: 'Applicant party',
    }),
    field('partyOneEthnicity', { vi: 'Dân tộc', en: 'Ethnicity' }, 'text', false, {
      fill: 'ethnicity',
      maxLength: 50,
    }),
    field('partyOneNationality', { vi: 'Quốc tịch', en: 'Nationality' }, 'text', true, {
      fill: 'nationality',
      maxLength: 50,
    }),
    field(
      'partyTwoName',
      { vi: 'Họ, chữ đệm và tên bên kia', en: "Other party's full name" },
      'text',
      true,
      { maxLength: 100 },
    ),
    field(
      'partyTwoBirthDate',
      { vi: 'Ngày, tháng, năm sinh bên kia', en: "Other party's date of birth" },
      'date',
      true,
    ),
    foreign
      ? field(
          'partyTwoDocument',
          {
            vi: 'Số hộ chiếu hoặc giấy tờ thay thế của bên kia',
            en: "Other party's passport or travel document number",
          },
          'text',
          true,
          {
            maxLength: 30,
          },
        )
      : field(
          'partyTwoId',
          { vi: 'Số định danh cá nhân bên kia', en: "Other party's personal ID number" },
          'idNumber',
          true,
        ),
    field(
      'partyTwoEthnicity',
      { vi: 'Dân tộc bên kia', en: "Other party's ethnicity" },
      'text',
      false,
      { maxLength: 50 },
    ),
    field(
      'partyTwoNationality',
      { vi: 'Quốc tịch bên kia', en: "Other party's nationality" },
      'text',
      true,
      { maxLength: 50 },
    ),
    field(
      'partyTwoResidence',
      { vi: 'Nơi cư trú bên kia', en: "Other party's place of residence" },
      'text',
      true,
      { maxLength: 300 },
    ),
  ];
}

/** Tờ khai đăng ký khai tử: the declarant from the chip, the deceased typed. */
export function deathFields(): FormField[] {
  return [
    ...applicantFields(),
    field(
      'relationship',
      { vi: 'Quan hệ với người đã chết', en: 'Relationship to the deceased' },
      'text',
      true,
      { maxLength: 50 },
    ),
    field(
      'deceasedName',
      { vi: 'Họ, chữ đệm và tên người đã chết', en: "Deceased's full name" },
      'text',
      true,
      { maxLength: 100 },
    ),
    field('deceasedBirthDate', { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' }, 'date', false),
    field('deceasedSex', { vi: 'Giới tính', en: 'Sex' }, 'select', false, { options: SEX_OPTIONS }),
    field(
      'deceasedId',
      { vi: 'Số định danh cá nhân người đã chết', en: "Deceased's personal ID number" },
      'idNumber',
      false,
    ),
    field('deceasedEthnicity', { vi: 'Dân tộc', en: 'Ethnicity' }, 'text', false, {
      maxLength: 50,
    }),
    field('deceasedNationality', { vi: 'Quốc tịch', en: 'Nationality' }, 'text', false, {
      maxLength: 50,
    }),
    field(
      'deceasedResidence',
      { vi: 'Nơi cư trú cuối cùng', en: 'Last place of residence' },
      'text',
      true,
      { maxLength: 300 },
    ),
    field('deathDate', { vi: 'Ngày chết', en: 'Date of death' }, 'date', true, {
      hint: {
        vi: 'Theo Giấy báo tử hoặc giấy tờ thay thế',
        en: 'As on the death notice or its substitute',
      },
    }),
    field('deathPlace', { vi: 'Nơi chết', en: 'Place of death' }, 'text', true, { maxLength: 300 }),
    field('deathCause', { vi: 'Nguyên nhân chết', en: 'Cause of death' }, 'text', false, {
      maxLength: 200,
    }),
  ];
}
