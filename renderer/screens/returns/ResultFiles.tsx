import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pickFile } from './pick-file';
import type { ResultFile } from './return-draft';

interface ResultFilesProps {
  readonly files: readonly ResultFile[];
  readonly onChange: (files: readonly ResultFile[]) => void;
}

/**
 * The result document(s) as PDF files, each with the name the portal shows
 * (TenGiayTo), prefilled and editable. Files are read here; nothing is sent
 * before the hand-over itself.
 */
export function ResultFiles({ files, onChange }: ResultFilesProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = Array.from(input.files ?? []);
    setProblem(undefined);
    const added: ResultFile[] = [];
    for (const file of chosen) {
      const outcome = await pickFile(file, ['application/pdf']);
      if (!outcome.ok) {
        const key = outcome.problem === 'wrongType' ? 'returns.notPdf' : 'returns.readFailed';
        setProblem(t(key, { file: outcome.fileName }));
        continue;
      }
      added.push({ ...outcome.file, name: t('returns.resultNameDefault') });
    }
    // Cleared so choosing the same file again (after removing it) fires a change.
    input.value = '';
    if (added.length > 0) onChange([...files, ...added]);
  };

  return (
    <div className="return-results">
      <label className="file-pick">
        {t('returns.chooseFile')}
        <input
          type="file"
          name="result-files"
          accept="application/pdf,.pdf"
          multiple
          onChange={(event) => void add(event)}
        />
      </label>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {files.length > 0 && (
        <ul className="result-list">
          {files.map((file, index) => (
            <li key={`${file.fileName}-${String(index)}`} data-result-file={file.fileName}>
              <span className="file-name">{file.fileName}</span>
              <label>
                {t('returns.resultName')}
                <input
                  name={`result-name-${String(index)}`}
                  value={file.name}
                  maxLength={200}
                  onChange={(event) => {
                    const name = event.target.value;
                    onChange(files.map((f, i) => (i === index ? { ...f, name } : f)));
                  }}
                />
              </label>
              <button
                type="button"
                onClick={() => {
                  onChange(files.filter((_, i) => i !== index));
                }}
              >
                {t('returns.removeFile', { file: file.fileName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
