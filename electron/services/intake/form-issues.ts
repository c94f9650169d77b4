import { checkForm, type FieldProblem } from '../../api/contract/form-rules';
import type { FormField } from '../../api/contract/procedure';

export interface FormIssue {
  readonly path: string;
  /** Vietnamese, shown beside the field. */
  readonly message: string;
}

/** The core's Vietnamese text for each problem; the screens have their own vi/en texts. */
export function problemText(problem: Exclude<FieldProblem, 'required'>, maxLength = 0): string {
  switch (problem) {
    case 'maxLength':
      return `Tối đa ${maxLength} ký tự.`;
    case 'date':
      return 'Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy.';
    case 'phone':
      return 'Số điện thoại không hợp lệ (ví dụ 0912345678).';
    case 'email':
      return 'Địa chỉ email không hợp lệ.';
    case 'idNumber':
      return 'Số định danh cá nhân phải gồm đúng 12 chữ số.';
    case 'number':
      return 'Phải là một số.';
    case 'option':
      return 'Giá trị không có trong danh sách; hãy chọn lại.';
  }
}

/**
 * dossier.create's e-form check (the shared rules of form-rules.ts) as
 * FORM_INVALID issues, one per field, with paths `formValues.<key>`, and
 * the normalised values to store; keys the form does not have are dropped.
 */
export function formIssues(
  fields: readonly FormField[],
  values: Readonly<Record<string, string>>,
): { readonly values: Record<string, string>; readonly issues: FormIssue[] } {
  const checked = checkForm(fields, values);
  const issues: FormIssue[] = [];
  for (const field of fields) {
    const problem = checked.problems[field.key];
    if (problem === undefined) continue;
    const path = `formValues.${field.key}`;
    issues.push({
      path,
      message:
        problem === 'required'
          ? `Chưa nhập "${field.label.vi}".`
          : `${field.label.vi}: ${problemText(problem, field.maxLength)}`,
    });
  }
  return { values: { ...checked.values }, issues };
}
