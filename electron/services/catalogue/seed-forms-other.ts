import type { FormField } from '../../api/contract/procedure';
import { applicantFields, field, requestField } from './form-fields';

/** E-forms of residence (cư trú, after Mẫu CT01), certification (chứng thực) and business-household procedures. */

const householdFields = (): FormField[] => [
  field('email', { vi: 'Thư điện tử', en: 'Email' }, 'email', false, { maxLength: 100 }),
  field(
    'householdHeadName',
    { vi: 'Họ, chữ đệm và tên chủ hộ', en: "Head of household's full name" },
    'text',
    false,
    {
      maxLength: 100,
    },
  ),
  field(
    'householdHeadId',
    { vi: 'Số định danh cá nhân của chủ hộ', en: "Head of household's personal ID number" },
    'idNumber',
    false,
  ),
  field(
    'relationshipToHead',
    { vi: 'Quan hệ với chủ hộ', en: 'Relationship to the head of household' },
    'text',
    false,
    {
      maxLength: 50,
    },
  ),
];

/** Đăng ký thường trú / tạm trú: the address to register; tạm trú also how long. */
export function residenceFields(temporary: boolean): FormField[] {
  return [
    ...applicantFields(),
    ...householdFields(),
    field(
      'registerAddress',
      { vi: 'Địa chỉ đề nghị đăng ký', en: 'Address to register' },
      'text',
      true,
      { maxLength: 300 },
    ),
    ...(temporary
      ? [field('stayUntil', { vi: 'Tạm trú đến ngày', en: 'Staying until' }, 'date', true)]
      : []),
    requestField,
  ];
}

/** Xóa đăng ký thường trú, tách hộ: the CT01 identity and the request in words. */
export function householdChangeFields(): FormField[] {
  return [...applicantFields(), ...householdFields(), requestField];
}

/** Chứng thực: which paper, how many copies. */
export function certificationFields(signature: boolean): FormField[] {
  return [
    ...applicantFields(),
    field(
      'documentName',
      {
        vi: signature
          ? 'Tên giấy tờ, văn bản cần chứng thực chữ ký'
          : 'Tên giấy tờ, văn bản cần chứng thực bản sao',
        en: signature ? 'Document whose signature is certified' : 'Document to certify copies of',
      },
      'text',
      true,
      { maxLength: 200 },
    ),
    field('copies', { vi: 'Số bản cần chứng thực', en: 'Number of copies' }, 'number', true),
    ...(signature
      ? []
      : [field('pages', { vi: 'Số trang mỗi bản', en: 'Pages per copy' }, 'number', true)]),
  ];
}

/** Giấy đề nghị đăng ký hộ kinh doanh: the owner from the chip, the business typed. */
export function businessHouseholdFields(): FormField[] {
  return [
    ...applicantFields(),
    field('email', { vi: 'Thư điện tử', en: 'Email' }, 'email', false, { maxLength: 100 }),
    field('businessName', { vi: 'Tên hộ kinh doanh', en: 'Business name' }, 'text', true, {
      maxLength: 200,
    }),
    field('businessAddress', { vi: 'Địa điểm kinh doanh', en: 'Business address' }, 'text', true, {
      maxLength: 300,
    }),
    field(
      'businessLines',
      { vi: 'Ngành, nghề kinh doanh', en: 'Lines of business' },
      'textarea',
      true,
      { maxLength: 1000 },
    ),
    field('capital', { vi: 'Vốn kinh doanh (đồng)', en: 'Capital (VND)' }, 'number', true),
    field('employees', { vi: 'Số lượng lao động', en: 'Number of employees' }, 'number', false),
  ];
}
