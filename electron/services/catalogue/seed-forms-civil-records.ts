import type { FormField } from '../../api/contract/procedure';
import { applicantFields, field } from './form-fields';

/** E-forms of the civil-status requests about existing records (trích lục, tình trạng hôn nhân). */

/** Cấp bản sao trích lục hộ tịch: which record, whose, and how many copies. */
export function civilExtractFields(): FormField[] {
  return [
    ...applicantFields(),
    field(
      'recordType',
      { vi: 'Loại việc hộ tịch', en: 'Kind of civil-status record' },
      'select',
      true,
      {
        options: [
          ['birth', 'Khai sinh', 'Birth'],
          ['marriage', 'Kết hôn', 'Marriage'],
          ['death', 'Khai tử', 'Death'],
          ['other', 'Việc hộ tịch khác', 'Other record'],
        ],
      },
    ),
    field(
      'subjectName',
      {
        vi: 'Họ, chữ đệm và tên người được cấp trích lục',
        en: 'Full name of the person on the record',
      },
      'text',
      true,
      {
        maxLength: 100,
      },
    ),
    field(
      'registrationPlace',
      { vi: 'Nơi đã đăng ký hộ tịch', en: 'Where the record was registered' },
      'text',
      false,
      { maxLength: 300 },
    ),
    field('copies', { vi: 'Số bản sao đề nghị cấp', en: 'Number of copies' }, 'number', true),
  ];
}

/** Xác nhận tình trạng hôn nhân: the applicant from the chip, the status and what it is for. */
export function maritalStatusFields(): FormField[] {
  return [
    ...applicantFields(),
    field('nationality', { vi: 'Quốc tịch', en: 'Nationality' }, 'text', true, {
      fill: 'nationality',
      maxLength: 50,
    }),
    field('maritalStatus', { vi: 'Tình trạng hôn nhân', en: 'Marital status' }, 'textarea', true, {
      maxLength: 500,
    }),
    field('purpose', { vi: 'Mục đích sử dụng', en: 'Purpose' }, 'text', true, {
      maxLength: 200,
      hint: { vi: 'Ví dụ: để đăng ký kết hôn', en: 'For example: to register a marriage' },
    }),
  ];
}
