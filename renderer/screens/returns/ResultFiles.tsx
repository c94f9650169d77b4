import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../api/KioskContext';
import { pickFile } from './pick-file';
import type { ResultFile } from './return-draft';
import { ResultScan } from './ResultScan';

interface ResultFilesProps {
  readonly files: readonly ResultFile[];
  readonly onChange: (files: readonly ResultFile[]) => void;
}

/**
 * The result document(s), scanned at the counter or chosen as PDF files,
 * each with the name the portal shows (TenGiayTo), prefilled and editable.
 * Files are read here; nothing is sent before the hand-over itself. A
 * scanned result removed from the list is discarded in the core with its pages.
 */
export function ResultFiles({ files, onChange }: ResultFilesProps) {
  const { t } = useTranslation();
  const { api } = useKiosk();
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
      <ResultScan
        onScanned={(file) => {
          onChange([...files, file]);
        }}
      />
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
            <li
              key={`${file.fileName}-${String(index)}`}
              data-result-file={'scanJobId' in file ? 'scan' : file.fileName}
            >
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
                  if ('scanJobId' in file) void api.component.discard({ jobId: file.scanJobId });
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
